import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapItems, nodeAtPath, pairOf, scalarString, valueOf, type Path } from '../document/yamlTree';
import { appContainers, podModelOf, type PodModel } from '../pod/podModel';
import { allowedRestartPolicies, isPodRestartPolicy, keepsPodsRunning, runsToCompletion } from '../pod/restartPolicies';
import { containerRoles } from '../pod/roles';
import { isKnownTimeZone, scheduleProblem, timeZoneShapeProblem } from './cronSchedule';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, hasPlaceholder, keySpan, sentence, spanOf } from './support';

export const emptySelectorRule: RuleDescriptor = {
  id: 'empty-selector',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Deployments, ReplicaSets, StatefulSets and DaemonSets (apps/v1) find their Pods by spec.selector, and an empty one would match every Pod of the namespace; the API server rejects it. (A missing selector is reported as missing-required.)',
  example: 'kind: Deployment\nspec:\n  selector: {}\n  template:\n    metadata:\n      labels: {app: web}',
  fix: 'Write `selector: {matchLabels: {app: web}}` with labels of the Pod template.',
};

export const selectorMismatchRule: RuleDescriptor = {
  id: 'selector-mismatch',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A controller owns the Pods its selector matches; a selector that does not match its own template\'s labels is rejected (the controller would create Pods forever).',
  example: 'selector:\n  matchLabels: {app: web}\ntemplate:\n  metadata:\n    labels: {app: api}',
  fix: 'Make the template\'s labels include every matchLabels entry and satisfy every matchExpressions requirement.',
};

export const workloadRestartPolicyRule: RuleDescriptor = {
  id: 'workload-restart-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Deployments, ReplicaSets, StatefulSets and DaemonSets keep Pods running, so their template\'s restartPolicy may only be Always; Jobs run to completion, so theirs must be OnFailure or Never.',
  example: 'kind: Job\nspec:\n  template:\n    spec:\n      containers: [...]\n      # no restartPolicy: a Job needs OnFailure or Never',
  fix: 'For a Job or CronJob set `restartPolicy: OnFailure` or `Never`; for the others remove restartPolicy or set Always.',
};

export const cronScheduleRule: RuleDescriptor = {
  id: 'cron-schedule',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A CronJob schedule is five cron fields (minute hour day-of-month month day-of-week) or a macro such as @daily, without TZ=; the API server rejects others.',
  example: 'schedule: "0 */2 * * * *"',
  fix: 'Write five fields, e.g. `"0 */2 * * *"`, and put a time zone in spec.timeZone.',
};

export const cronTimeZoneRule: RuleDescriptor = {
  id: 'cron-time-zone',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'spec.timeZone must be an IANA time zone name (Europe/Berlin, Etc/UTC); the API server rejects others.',
  example: 'timeZone: "Central European Time"',
  fix: 'Use the IANA name, e.g. `Europe/Berlin`.',
};

export const jobSidecarRule: RuleDescriptor = {
  id: 'job-blocking-sidecar',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A Job completes when all its containers exit; a long-running helper among its containers (a proxy, a log shipper) keeps it running forever.',
  example: 'kind: Job\ncontainers:\n  - name: batch\n    image: app:1.0\n  - name: proxy\n    image: cloud-sql-proxy:2.11',
  fix: 'Move the helper to initContainers with `restartPolicy: Always` (a native sidecar, Kubernetes 1.29+): it starts first and stops when the Job\'s containers finish.',
};

export const podFailurePolicyRule: RuleDescriptor = {
  id: 'pod-failure-policy-restart',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Job\'s podFailurePolicy judges failed Pods, so its Pods must not restart containers in place: the template\'s restartPolicy must be Never.',
  example: 'kind: Job\nspec:\n  podFailurePolicy:\n    rules: [...]\n  template:\n    spec:\n      restartPolicy: OnFailure',
  fix: 'Set the template\'s restartPolicy to Never, or remove podFailurePolicy.',
};


/** Workload specs around the Pod template: selectors, restart policies, CronJob schedules, Jobs that can finish. */
export const workloadsCheck: Check = {
  name: 'workloads',
  rules: [emptySelectorRule, selectorMismatchRule, workloadRestartPolicyRule, cronScheduleRule, cronTimeZoneRule, jobSidecarRule, podFailurePolicyRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const kind = pod.workload.kind;
    // The controllers that keep Pods running (apps/v1) are the ones that find them by a required selector.
    if (keepsPodsRunning(pod.workload)) checkSelector(ctx, pod);
    // A Job's own selector (manualSelector: true) must match its template too; an empty one matches anything.
    else if (kind === 'Job' && scalarString(valueOf(valueOf(ctx.doc.root, 'spec'), 'manualSelector')) === 'true') checkSelector(ctx, pod, false);
    checkRestartPolicy(ctx, pod);
    if (kind === 'CronJob') checkCron(ctx);
    if (runsToCompletion(pod.workload)) {
      checkJobSidecars(ctx, pod);
      checkPodFailurePolicy(ctx, pod);
    }
  },
};

function checkSelector(ctx: CheckContext, pod: PodModel, emptyIsError = true): void {
  const root = ctx.doc.root;
  const spec = valueOf(root, 'spec');
  if (!isMap(spec)) return;
  const selectorPair = pairOf(spec, 'selector');
  const selector = selectorPair?.value;
  const kind = pod.workload.kind;
  // A missing selector is the schema check's finding (missing-required); an empty one only this rule sees.
  if (!selectorPair) return;
  const empty = isMap(selector) ? !hasRequirements(selector) : selector === null || (isScalar(selector) && selector.value === null);
  if (empty && !emptyIsError) return;
  if (empty) {
    const span = spanOf(selectorPair.key);
    if (!span) return;
    ctx.report(emptySelectorRule, {
      message: `The ${kind}'s selector is empty. The selector is how the controller finds the Pods it owns, and an empty one would match every Pod of the namespace, so the API server rejects it. Add \`matchLabels\` with labels of the Pod template.`,
      ...span,
    });
    return;
  }
  if (!isMap(selector) || !pod.workload.templateMetadataPath) return;
  const labelsNode = nodeAtPath(root, [...pod.workload.templateMetadataPath, 'labels']);
  const labels = new Map<string, string>();
  if (isMap(labelsNode)) {
    for (const pair of labelsNode.items) {
      const key = scalarString(pair.key);
      const value = scalarString(pair.value);
      if (key !== undefined && value !== undefined) labels.set(key, value);
    }
  }
  // Upstream names spec.template.metadata.labels: the finding lands there (or on the nearest part that exists) and
  // relates the selector's requirement it fails.
  const templateMetadata = nodeAtPath(root, pod.workload.templateMetadataPath);
  const labelsSpan = keySpan(templateMetadata, 'labels') ?? keySpan(valueOf(spec, 'template'), 'metadata') ?? keySpan(spec, 'template');
  if (!labelsSpan) return;
  const reportAt = (requirement: { start: number; end: number }, message: string) =>
    ctx.report(selectorMismatchRule, { message, ...labelsSpan, related: [{ ...requirement, message: 'the selector requirement' }] });
  const matchLabels = valueOf(selector, 'matchLabels');
  if (isMap(matchLabels)) {
    for (const pair of matchLabels.items) {
      const key = scalarString(pair.key);
      const value = scalarString(pair.value);
      const span = spanOf(pair.key);
      if (key === undefined || value === undefined || !span) continue;
      if (labels.get(key) === value || hasPlaceholder(value) || hasPlaceholder(labels.get(key) ?? '')) continue;
      const actual = labels.get(key);
      reportAt(span, `The selector requires label \`${key}: ${value}\`, but the Pod template ${actual === undefined ? 'has no label ' + '`' + key + '`' : `sets \`${key}: ${actual}\``}. The ${kind} would never find the Pods it creates, so the API server rejects it: add the label to spec.template.metadata.labels or correct the selector.`);
    }
  }
  for (const [expression] of mapItems(valueOf(selector, 'matchExpressions'))) {
    const key = scalarString(valueOf(expression, 'key'));
    const operator = scalarString(valueOf(expression, 'operator'));
    const valuesNode = valueOf(expression, 'values');
    const values = isSeq(valuesNode) ? valuesNode.items.map((v) => scalarString(v)).filter((v): v is string => v !== undefined) : [];
    if (key === undefined || operator === undefined) continue;
    const has = labels.has(key);
    const value = labels.get(key);
    let holds: boolean;
    let wants: string;
    switch (operator) {
      case 'In':
        holds = has && values.includes(value!);
        wants = `label \`${key}\` with one of ${values.join(', ')}`;
        break;
      case 'NotIn':
        holds = !has || !values.includes(value!);
        wants = `label \`${key}\` absent or not one of ${values.join(', ')}`;
        break;
      case 'Exists':
        holds = has;
        wants = `a label \`${key}\``;
        break;
      case 'DoesNotExist':
        holds = !has;
        wants = `no label \`${key}\``;
        break;
      default:
        continue; // An unknown operator is the schema check's finding.
    }
    if (holds) continue;
    const span = spanOf(expression.items[0]?.key as Node) ?? spanOf(expression);
    if (!span) continue;
    reportAt(span, `The selector requires ${wants}, but the Pod template's labels ${has ? `set \`${key}: ${value}\`` : `have no \`${key}\``}. The ${kind} would never find the Pods it creates, so the API server rejects it: make the template's labels satisfy every requirement.`);
  }
}

function hasRequirements(selector: Node): boolean {
  const matchLabels = valueOf(selector, 'matchLabels');
  const matchExpressions = valueOf(selector, 'matchExpressions');
  return (isMap(matchLabels) && matchLabels.items.length > 0) || (isSeq(matchExpressions) && matchExpressions.items.length > 0);
}

function checkRestartPolicy(ctx: CheckContext, pod: PodModel): void {
  const kind = pod.workload.kind;
  const policyNode = valueOf(pod.podSpec, 'restartPolicy');
  const policy = pod.restartPolicy;
  const policySpan = spanOf(policyNode);
  // A value outside Always/OnFailure/Never is the schema check's finding (invalid-enum); one report is enough.
  if (policy !== undefined && (!isPodRestartPolicy(policy) || allowedRestartPolicies(pod.workload).includes(policy))) return;
  if (keepsPodsRunning(pod.workload)) {
    if (policy === undefined || !policySpan) return;
    ctx.report(workloadRestartPolicyRule, {
      message: `A ${kind} keeps its Pods running, so the template's restartPolicy may only be Always; the API server rejects \`${policy}\`. Remove it (Always is the default), or use a Job for work that runs to completion.`,
      ...policySpan,
    });
    return;
  }
  if (!runsToCompletion(pod.workload)) return;
  if (policy !== undefined) {
    if (!policySpan) return;
    ctx.report(workloadRestartPolicyRule, {
      message: `A ${kind}'s Pods run to completion, so restartPolicy must be OnFailure (retry in the same Pod) or Never (the Job creates a new Pod); the API server rejects \`${policy}\`.`,
      ...policySpan,
    });
    return;
  }
  const specPath: Path = pod.podSpecPath;
  const templateSpec = nodeAtPath(ctx.doc.root, specPath.slice(0, -1));
  const span = keySpan(templateSpec, 'spec');
  if (!span) return;
  ctx.report(workloadRestartPolicyRule, {
    message: `This ${kind}'s Pod template sets no restartPolicy, and a Job requires one: OnFailure or Never, because its Pods run to completion (the Pod default, Always, would rerun finished work forever). The API server rejects it. Add \`restartPolicy: OnFailure\` (retry in the same Pod) or \`Never\` (a failed Pod is replaced) to the template's spec.`,
    ...span,
  });
}

function checkCron(ctx: CheckContext): void {
  const spec = valueOf(ctx.doc.root, 'spec');
  const scheduleNode = valueOf(spec, 'schedule');
  if (isScalar(scheduleNode) && typeof scheduleNode.value === 'string') {
    const problem = scheduleProblem(scheduleNode.value);
    const span = spanOf(scheduleNode);
    if (problem && span) {
      ctx.report(cronScheduleRule, {
        message: `The schedule \`${scheduleNode.value}\` is not valid: ${problem.message}. The API server rejects it. A schedule is five fields (minute hour day-of-month month day-of-week), e.g. "30 2 * * *", or a macro such as @daily.`,
        ...span,
      });
    }
  }
  const zoneNode = valueOf(spec, 'timeZone');
  if (isScalar(zoneNode) && typeof zoneNode.value === 'string') {
    const zone = zoneNode.value;
    const span = spanOf(zoneNode);
    if (!span) return;
    const problem = timeZoneShapeProblem(zone);
    if (problem) {
      ctx.report(cronTimeZoneRule, {
        message: `timeZone \`${zone}\` is not a time zone name: ${problem}. The API server rejects it; use an IANA name such as Europe/Berlin or Etc/UTC.`,
        ...span,
      });
    } else if (!isKnownTimeZone(zone)) {
      ctx.report(cronTimeZoneRule, {
        message: `timeZone \`${zone}\` is not in the time zone database Podsmith knows; check the spelling against the IANA list (e.g. Europe/Berlin, America/New_York). The API server rejects names its database does not hold.`,
        ...span,
        severity: 'warning',
      });
    }
  }
}

const LONG_RUNNING_HELPER = /(cloud-?sql-proxy|envoy|istio|linkerd|fluent-?bit|fluentd|filebeat|promtail|vector|otel|opentelemetry|datadog|vault-agent|oauth2-proxy|haproxy|nginx|redis|memcached|pgbouncer|exporter)/i;

function checkJobSidecars(ctx: CheckContext, pod: PodModel): void {
  const apps = appContainers(pod);
  if (apps.length < 2) return;
  const roles = containerRoles(pod);
  for (const c of apps) {
    const role = roles.get(c);
    // Conservative: only helpers whose image is a known long-running server (proxies, log shippers, agents).
    if (!role || role.role === 'app' || !c.image || !LONG_RUNNING_HELPER.test(c.image)) continue;
    const span = spanOf(c.nameNode) ?? spanOf(c.node);
    if (!span) continue;
    ctx.report(jobSidecarRule, {
      message: sentence(`${containerLabel(c)} (${c.image}) looks like a long-running ${role.role}. A ${pod.workload.kind}'s Pod completes only when all its containers exit, so this helper would keep it running after the work is done. Move it to initContainers with \`restartPolicy: Always\` (a native sidecar, Kubernetes 1.29+): it starts before the work and is stopped when the work finishes.`),
      ...span,
    });
  }
}

function checkPodFailurePolicy(ctx: CheckContext, pod: PodModel): void {
  // The JobSpec holds the template that holds the PodSpec (a Job's spec, a CronJob's jobTemplate.spec, a ScaledJob's jobTargetRef).
  const jobSpecPath = pod.podSpecPath.slice(0, -2);
  const jobSpec = nodeAtPath(ctx.doc.root, jobSpecPath);
  if (!pairOf(jobSpec, 'podFailurePolicy') || pod.restartPolicy !== 'OnFailure') return;
  const span = spanOf(valueOf(pod.podSpec, 'restartPolicy'));
  if (!span) return;
  ctx.report(podFailurePolicyRule, {
    message: 'With a podFailurePolicy the Job judges each failed Pod by its rules, so containers must not be restarted inside the Pod: the API server accepts only restartPolicy Never here. Set Never, or remove podFailurePolicy.',
    ...span,
    related: [{ ...keySpan(jobSpec, 'podFailurePolicy')!, message: 'the podFailurePolicy' }],
  });
}
