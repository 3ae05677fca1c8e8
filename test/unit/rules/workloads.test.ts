import { lines, ruleTable } from './support';

const deployment = (...spec: string[]) => lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', ...spec);
const template = (labels: string, ...podSpec: string[]) => ['  template:', '    metadata:', `      labels: ${labels}`, '    spec:', ...podSpec, '      containers:', '        - name: web', '          image: nginx:1.27'];
/** The same template with its `labels` key marked, where a selector mismatch lands. */
const markedTemplate = (labels: string) => template(labels).map((line) => line.replace('      labels:', '      «labels»:'));
const job = (...podSpec: string[]) => lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: once', 'spec:', '  template:', '    «spec»:', ...podSpec, '      containers:', '        - name: work', '          image: app:1.0');

describe('rules: workloads', () => {
  ruleTable('empty-selector', 1, [
    { title: 'an empty selector', manifest: deployment('spec:', '  «selector»: {}', ...template('{app: web}')), says: /The Deployment's selector is empty.*match every Pod/ },
    { title: 'a selector with empty lists', manifest: deployment('spec:', '  «selector»:', '    matchLabels: {}', '    matchExpressions: []', ...template('{app: web}')) },
    { title: 'silent: a missing selector is missing-required (schema)', manifest: deployment('spec:', ...template('{app: web}')) },
    { title: 'silent: a Job derives its selector', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: once', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: work', '          image: app:1.0') },
  ]);

  ruleTable('selector-mismatch', 1, [
    { title: 'matchLabels the template lacks', manifest: deployment('spec:', '  selector:', '    matchLabels:', '      app: web', '      tier: frontend', ...markedTemplate('{app: web}')), says: /requires label `tier: frontend`, but the Pod template has no label `tier`/ },
    { title: 'a different value', manifest: deployment('spec:', '  selector:', '    matchLabels:', '      app: web', ...markedTemplate('{app: api}')), says: /sets `app: api`/ },
    { title: 'matchExpressions In not satisfied', manifest: deployment('spec:', '  selector:', '    matchExpressions:', '      - key: env', '        operator: In', '        values: [prod, staging]', ...markedTemplate('{app: web, env: dev}')), says: /label `env` with one of prod, staging/ },
    { title: 'silent: labels through a YAML anchor', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  selector:', '    matchLabels: *labels', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27') },
    { title: 'silent: a subset with expressions that hold', manifest: deployment('spec:', '  selector:', '    matchLabels: {app: web}', '    matchExpressions:', '      - {key: env, operator: NotIn, values: [dev]}', '      - {key: canary, operator: DoesNotExist}', ...template('{app: web, env: prod, tier: frontend}')) },
  ]);

  ruleTable('workload-restart-policy', 1, [
    { title: 'a Job without restartPolicy', manifest: job(), says: /sets no restartPolicy, and a Job requires one: OnFailure or Never/ },
    { title: 'a Job with Always', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: once', 'spec:', '  template:', '    spec:', '      restartPolicy: «Always»', '      containers:', '        - name: work', '          image: app:1.0'), says: /must be OnFailure .* or Never/ },
    { title: 'a Deployment with Never', manifest: deployment('spec:', '  selector:', '    matchLabels: {app: web}', ...template('{app: web}', '      restartPolicy: «Never»')), says: /may only be Always/ },
    { title: 'silent: a Job with OnFailure', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: once', 'spec:', '  template:', '    spec:', '      restartPolicy: OnFailure', '      containers:', '        - name: work', '          image: app:1.0') },
  ]);

  const cron = (schedule: string, ...extra: string[]) => lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata:', '  name: nightly', 'spec:', `  schedule: ${schedule}`, ...extra, '  jobTemplate:', '    spec:', '      template:', '        spec:', '          restartPolicy: OnFailure', '          containers:', '            - name: work', '              image: app:1.0');
  ruleTable('cron-schedule', 1, [
    { title: 'six fields', manifest: cron('«"0 */2 * * * *"»'), says: /is not valid: it has 6 fields, and a seconds field is not supported\. The API server rejects it\. A schedule is five fields \(minute hour/ },
    { title: 'minute out of range', manifest: cron('«"60 2 * * *"»'), says: /the minute field `60` has 60, outside 0-59/ },
    { title: 'TZ= in the schedule', manifest: cron('«"TZ=Europe/Berlin 0 2 * * *"»'), says: /use the spec.timeZone field/ },
    { title: 'an unknown macro', manifest: cron('«"@reboot"»'), says: /not a known macro/ },
    { title: 'silent: names, ranges, steps and lists', manifest: cron('"*/15 9-17 1,15 JAN-jun mon-FRI"') },
    { title: 'silent: a macro', manifest: cron('"@weekly"') },
  ]);

  ruleTable('cron-time-zone', 1, [
    { title: 'a space in the zone', manifest: cron('"0 2 * * *"', '  timeZone: «Central European Time»'), says: /contains a space/ },
    { title: 'an offset', manifest: cron('"0 2 * * *"', '  timeZone: «"+02:00"»'), says: /an offset is not a zone name/ },
    { title: 'a well-shaped name no database knows', manifest: cron('"0 2 * * *"', '  timeZone: «Europe/Atlantis»'), severity: 2, says: /not in the time zone database/ },
    { title: 'silent: an IANA name', manifest: cron('"0 2 * * *"', '  timeZone: America/Argentina/Salta') },
  ]);

  ruleTable('job-blocking-sidecar', 2, [
    { title: 'a proxy beside the Job\'s work', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: report', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: report', '          image: app:1.0', '        - name: «proxy»', '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0'), says: /looks like a long-running ambassador.*native sidecar/ },
    { title: 'silent: two work containers', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: report', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: extract', '          image: app:1.0', '        - name: load', '          image: loader:1.0') },
    { title: 'silent: the proxy as a native sidecar', manifest: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: report', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      initContainers:', '        - name: proxy', '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', '          restartPolicy: Always', '      containers:', '        - name: report', '          image: app:1.0') },
  ]);
});

describe('rules: restart policies outside the enum', () => {
  ruleTable('workload-restart-policy', 1, [
    { title: 'silent: `Sometimes` is invalid-enum, reported once by the schema check', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      restartPolicy: Sometimes', '      containers: [{name: web, image: nginx:1.27}]') },
  ]);
});

describe('rules: rollouts and Job failure policies', () => {
  const strategy = (...s: string[]) => lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector: {matchLabels: {app: web}}', '  strategy:', ...s, '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers: [{name: web, image: nginx:1.27}]');
  ruleTable('deployment-strategy', 1, [
    { title: 'rollingUpdate with Recreate', manifest: strategy('    type: Recreate', '    «rollingUpdate»:', '      maxSurge: 1'), says: /may not be set when the strategy type is Recreate/ },
    { title: 'maxSurge and maxUnavailable both zero', manifest: strategy('    rollingUpdate:', '      maxSurge: 0', '      maxUnavailable: «"0%"»'), says: /both 0.*could never progress/ },
    { title: 'silent: maxUnavailable 0 with a surge', manifest: strategy('    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 1', '      maxUnavailable: 0') },
    { title: 'silent: Recreate alone', manifest: strategy('    type: Recreate') },
  ]);

  const job = (policy: string) => lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: train', 'spec:', '  podFailurePolicy:', '    rules:', '      - action: FailJob', '        onExitCodes: {operator: In, values: [42]}', '  template:', '    spec:', `      restartPolicy: ${policy}`, '      containers: [{name: train, image: train:1.0}]');
  ruleTable('pod-failure-policy-restart', 1, [
    { title: 'OnFailure with a podFailurePolicy', manifest: job('«OnFailure»'), says: /accepts only restartPolicy Never/ },
    { title: 'silent: Never', manifest: job('Never') },
  ]);
});
