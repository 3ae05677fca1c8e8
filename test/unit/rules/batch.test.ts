import { lines, ruleTable } from './support';

/** A Job whose spec holds `spec` lines before a template with one container named `work`; `«spec»` may be marked. */
const job = (...spec: string[]) => lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', ...spec, '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: work, image: "a:1"}]');
const markedJob = (...spec: string[]) => job(...spec).replace('\nspec:', '\n«spec»:');
const cronJob = (...jobSpec: string[]) => lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "0 2 * * *"', '  jobTemplate:', '    spec:', ...jobSpec, '      template:', '        spec:', '          restartPolicy: OnFailure', '          containers: [{name: work, image: "a:1"}]');

describe('rules: batch (upstream validateJobSpec, validatePodFailurePolicy, validateSuccessPolicy, ValidateCronJobSpec)', () => {
  ruleTable('workload-number', 1, [
    { title: 'negative Job counts and durations', manifest: job('  parallelism: «-1»', '  completions: «-1»', '  activeDeadlineSeconds: «-1»', '  backoffLimit: «-1»', '  ttlSecondsAfterFinished: «-1»'), says: /it must be 0 or more/ },
    { title: 'negative CronJob history and deadline, and a negative count in its jobTemplate', manifest: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "0 2 * * *"', '  startingDeadlineSeconds: «-10»', '  successfulJobsHistoryLimit: «-1»', '  failedJobsHistoryLimit: «-1»', '  jobTemplate:', '    spec:', '      backoffLimit: «-1»', '      template:', '        spec:', '          restartPolicy: OnFailure', '          containers: [{name: work, image: "a:1"}]') },
    { title: 'silent: zeros everywhere', manifest: job('  parallelism: 0', '  completions: 0', '  activeDeadlineSeconds: 0', '  backoffLimit: 0', '  ttlSecondsAfterFinished: 0') },
  ]);

  ruleTable('indexed-job', 1, [
    { title: 'Indexed without completions lands on the Job spec', manifest: markedJob('  completionMode: Indexed'), says: /needs completions/ },
    { title: 'per-index limits without Indexed mode', manifest: job('  backoffLimitPerIndex: «1»', '  maxFailedIndexes: «1»'), says: /needs completionMode: Indexed/ },
    { title: 'maxFailedIndexes without backoffLimitPerIndex lands on the Job spec', manifest: markedJob('  completionMode: Indexed', '  completions: 3', '  maxFailedIndexes: 1'), says: /needs backoffLimitPerIndex/ },
    { title: 'maxFailedIndexes above completions', manifest: job('  completionMode: Indexed', '  completions: 3', '  backoffLimitPerIndex: 1', '  maxFailedIndexes: «4»'), says: /more than completions/ },
    { title: 'parallelism above 100000 when Indexed', manifest: job('  completionMode: Indexed', '  completions: 10', '  parallelism: «100001»') },
    { title: 'above 100000 completions with backoffLimitPerIndex, maxFailedIndexes is required (on the Job spec)', manifest: markedJob('  completionMode: Indexed', '  completions: 100001', '  backoffLimitPerIndex: 1'), says: /maxFailedIndexes must be set/ },
    { title: 'above 100000 completions with backoffLimitPerIndex, tighter limits', manifest: job('  completionMode: Indexed', '  completions: 200000', '  parallelism: «10001»', '  backoffLimitPerIndex: 1', '  maxFailedIndexes: «10001»') },
    { title: 'an Indexed Job whose last hostname is too long', manifest: lines('apiVersion: batch/v1', 'kind: Job', `metadata: {name: «${'j'.repeat(62)}»}`, 'spec:', '  completionMode: Indexed', '  completions: 10', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: work, image: "a:1"}]'), says: /last one, `j+-9`, is not a DNS-1123 label/ },
    { title: 'silent: an Indexed Job with per-index limits', manifest: job('  completionMode: Indexed', '  completions: 10', '  parallelism: 5', '  backoffLimitPerIndex: 2', '  maxFailedIndexes: 10') },
  ]);

  ruleTable('pod-failure-policy', 1, [
    { title: 'both and neither matchers', manifest: job('  podFailurePolicy:', '    rules:', '      - «action»: FailJob', '        onExitCodes: {operator: In, values: [1]}', '        onPodConditions: [{type: DisruptionTarget}]', '      - «action»: Ignore'), says: /either onExitCodes or onPodConditions|needs onExitCodes or onPodConditions/ },
    { title: 'exit codes 0 with In, duplicated and out of order', manifest: job('  podFailurePolicy:', '    rules:', '      - action: FailJob', '        onExitCodes:', '          operator: In', '          «values»: [«0», 3, 5, «5», 4]') },
    { title: 'an empty list of exit codes', manifest: job('  podFailurePolicy:', '    rules:', '      - action: Count', '        onExitCodes: {operator: NotIn, «values»: []}') },
    { title: 'a containerName that names no container', manifest: job('  podFailurePolicy:', '    rules:', '      - action: FailJob', '        onExitCodes: {containerName: «worker», operator: In, values: [42]}'), says: /not a container or init container/ },
    { title: 'FailIndex without backoffLimitPerIndex', manifest: job('  podFailurePolicy:', '    rules:', '      - action: «FailIndex»', '        onExitCodes: {operator: In, values: [42]}') },
    { title: 'a condition type and status that are not valid', manifest: job('  podFailurePolicy:', '    rules:', '      - action: Ignore', '        onPodConditions: [{type: «"a b"», status: «Maybe»}]') },
    { title: 'more than 20 rules', manifest: job('  podFailurePolicy:', `    «rules»: [${Array.from({ length: 21 }, (_, i) => `{action: Ignore, onExitCodes: {operator: In, values: [${i + 1}]}}`).join(', ')}]`), says: /at most 20/ },
    { title: 'silent: a sound policy (NotIn with 0, conditions, FailIndex with per-index limits)', manifest: job('  completionMode: Indexed', '  completions: 4', '  backoffLimitPerIndex: 1', '  podFailurePolicy:', '    rules:', '      - action: FailIndex', '        onExitCodes: {containerName: work, operator: NotIn, values: [0, 1, 42]}', '      - action: Ignore', '        onPodConditions: [{type: DisruptionTarget, status: "True"}]') },
  ]);

  ruleTable('success-policy', 1, [
    { title: 'on a NonIndexed Job, once', manifest: job('  completions: 3', '  «successPolicy»:', '    rules: [{succeededCount: 9}]'), says: /needs completionMode: Indexed/ },
    { title: 'no rules', manifest: job('  completionMode: Indexed', '  completions: 3', '  successPolicy:', '    «rules»: []') },
    { title: 'a rule with neither field', manifest: job('  completionMode: Indexed', '  completions: 3', '  successPolicy:', '    rules:', '      - «foo»: bar'), says: /needs succeededIndexes or succeededCount/ },
    { title: 'indexes out of order, an interval backwards, an index beyond completions', manifest: job('  completionMode: Indexed', '  completions: 10', '  successPolicy:', '    rules:', '      - succeededIndexes: «"3,1"»', '      - succeededIndexes: «"5-2"»', '      - succeededIndexes: «"0-10"»') },
    { title: 'a count above completions and above the indexes', manifest: job('  completionMode: Indexed', '  completions: 5', '  successPolicy:', '    rules:', '      - succeededCount: «6»', '      - succeededIndexes: "0-1"', '        succeededCount: «3»') },
    { title: 'silent: indexes and counts that fit', manifest: job('  completionMode: Indexed', '  completions: 10', '  successPolicy:', '    rules:', '      - succeededIndexes: "0,2-4,9"', '        succeededCount: 3', '      - succeededCount: 10') },
  ]);

  ruleTable('pod-replacement-policy', 1, [
    { title: 'TerminatingOrFailed with a podFailurePolicy', manifest: job('  podReplacementPolicy: «TerminatingOrFailed»', '  podFailurePolicy:', '    rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]'), says: /must be Failed/ },
    { title: 'silent: TerminatingOrFailed without a podFailurePolicy', manifest: job('  podReplacementPolicy: TerminatingOrFailed') },
  ]);

  ruleTable('job-managed-by', 1, [
    { title: 'no domain prefix', manifest: job('  managedBy: «my-controller»'), says: /has no domain prefix/ },
    { title: 'over 63 characters', manifest: job(`  managedBy: «example.com/${'c'.repeat(60)}»`) },
    { title: 'silent: the built-in controller and a prefixed one', manifest: job('  managedBy: kubernetes.io/job-controller') },
    { title: 'silent: before 1.32 the field is dropped', manifest: job('  managedBy: my-controller'), settings: { kubernetesVersion: '1.31' } },
  ]);

  ruleTable('job-selector', 1, [
    { title: 'a selector without manualSelector', manifest: job('  «selector»: {matchLabels: {app: batch}}'), says: /generates a Job's selector/ },
    { title: 'manualSelector without a selector lands on the Job spec', manifest: markedJob('  manualSelector: true') },
    { title: 'a CronJob jobTemplate with a selector and manualSelector', manifest: cronJob('      «selector»: {matchLabels: {app: batch}}', '      manualSelector: «true»') },
    { title: 'silent: a manual selector that matches', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  manualSelector: true', '  selector: {matchLabels: {app: batch}}', '  template:', '    metadata: {labels: {app: batch}}', '    spec:', '      restartPolicy: Never', '      containers: [{name: work, image: "a:1"}]') },
  ]);

  ruleTable('selector-mismatch', 1, [
    { title: 'a manual selector the template does not match', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  manualSelector: true', '  selector: {matchLabels: {app: batch}}', '  template:', '    metadata: {«labels»: {app: other}}', '    spec:', '      restartPolicy: Never', '      containers: [{name: work, image: "a:1"}]') },
  ]);
});
