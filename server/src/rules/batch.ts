import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapItems, nodeAtPath, pairOf, scalarString, valueOf, type Path } from '../document/yamlTree';
import { definedContainers, podModelOf, type PodModel } from '../pod/podModel';
import { gateOnByDefault } from '../versions/featureGates';
import { intField, intOf } from './fieldValues';
import { firstKeySpan } from './labels';
import { dns1123LabelProblem, dns1123SubdomainProblem, qualifiedNameProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, keySpan, spanOf, type Span } from './support';

export const indexedJobRule: RuleDescriptor = {
  id: 'indexed-job',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'An Indexed Job needs completions (the number of indexes); backoffLimitPerIndex and maxFailedIndexes need Indexed mode, maxFailedIndexes needs backoffLimitPerIndex and at most completions, and the per-index limits hold at most 100000 indexes. The API server rejects others.',
  example: 'completionMode: Indexed\n# no completions',
  fix: 'Set completions to the number of indexes, and completionMode: Indexed beside the per-index limits.',
};

export const podFailurePolicyRulesRule: RuleDescriptor = {
  id: 'pod-failure-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Each podFailurePolicy rule matches either exit codes or Pod conditions (exactly one); exit codes are distinct, in increasing order, not 0 with In, and name a container of the template; FailIndex needs backoffLimitPerIndex; at most 20 rules. The API server rejects others.',
  example: 'podFailurePolicy:\n  rules:\n    - action: FailJob\n      onExitCodes: {operator: In, values: [0]}',
  fix: 'Give each rule onExitCodes or onPodConditions; list exit codes once each, sorted, without 0 for In.',
};

export const successPolicyRule: RuleDescriptor = {
  id: 'success-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A successPolicy applies to Indexed Jobs only; each of its (at most 20) rules needs succeededIndexes or succeededCount, with indexes in increasing intervals below completions and a count no larger than completions or the indexes named. The API server rejects others.',
  example: 'successPolicy:\n  rules:\n    - succeededIndexes: "5-2"',
  fix: 'Use completionMode: Indexed, and write indexes as increasing intervals such as "0-2,5".',
};

export const podReplacementPolicyRule: RuleDescriptor = {
  id: 'pod-replacement-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'With a podFailurePolicy the Job judges a Pod only once it has failed, so it may create replacements only then: podReplacementPolicy must be Failed. The API server rejects TerminatingOrFailed.',
  example: 'podReplacementPolicy: TerminatingOrFailed\npodFailurePolicy: {rules: [...]}',
  fix: 'Set podReplacementPolicy: Failed, or remove it (it defaults to Failed with a podFailurePolicy).',
};

export const jobManagedByRule: RuleDescriptor = {
  id: 'job-managed-by',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Job\'s managedBy names the controller that runs it as a domain-prefixed path of at most 63 characters (kubernetes.io/job-controller, example.com/batch); the API server rejects others.',
  example: 'managedBy: my-controller',
  fix: 'Prefix the controller\'s name with its domain: `example.com/my-controller`.',
};

export const jobSelectorRule: RuleDescriptor = {
  id: 'job-selector',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The API server generates a Job\'s selector (from its uid) unless manualSelector is true, when it needs one; a CronJob\'s jobTemplate may set neither. Others are rejected.',
  example: 'kind: Job\nspec:\n  selector: {matchLabels: {app: batch}}',
  fix: 'Remove the selector and let the API server generate it, or set manualSelector: true and make the template\'s labels match.',
};

const MAX_INDEXES = 100_000;
/** The tighter limit on parallelism and maxFailedIndexes above MAX_INDEXES completions with per-index retries. */
const HIGH_COMPLETIONS_LIMIT = 10_000;
const MAX_POLICY_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const POD_CONDITION_STATUSES = new Set(['True', 'False', 'Unknown']);
/** The labels the API server adds to a Job's generated selector. */
const GENERATED_SELECTOR_LABELS = new Set(['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name']);

/** The Job spec of a Job or of a CronJob's jobTemplate, with the key that holds it (where missing fields land). */
interface JobSpec {
  readonly node: Node;
  readonly path: Path;
  readonly keySpan?: Span;
}

/** Jobs and CronJobs: completion modes, failure and success policies, replacement, managedBy, selectors. */
export const batchCheck: Check = {
  name: 'batch',
  rules: [indexedJobRule, podFailurePolicyRulesRule, successPolicyRule, podReplacementPolicyRule, jobManagedByRule, jobSelectorRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    const kind = pod?.workload.kind;
    if (!pod || (kind !== 'Job' && kind !== 'CronJob')) return;
    const path: Path = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const node = nodeAtPath(ctx.doc.root, path);
    if (!isMap(node)) return;
    const job: JobSpec = { node, path, keySpan: keySpan(nodeAtPath(ctx.doc.root, path.slice(0, -1)), 'spec') };
    checkIndexed(ctx, job);
    if (kind === 'Job') checkIndexedHostnames(ctx, job);
    checkPodFailurePolicy(ctx, job, pod);
    checkSuccessPolicy(ctx, job);
    checkReplacement(ctx, job);
    checkManagedBy(ctx, job);
    if (kind === 'Job') checkJobSelector(ctx, job);
    else checkJobTemplateSelector(ctx, job);
  },
};

function isIndexed(job: JobSpec): boolean {
  return scalarString(valueOf(job.node, 'completionMode')) === 'Indexed';
}

function checkIndexed(ctx: CheckContext, job: JobSpec): void {
  const spec = job.node;
  const indexed = isIndexed(job);
  const completions = intField(spec, 'completions');
  const parallelism = intField(spec, 'parallelism');
  const perIndex = intField(spec, 'backoffLimitPerIndex');
  const maxFailed = intField(spec, 'maxFailedIndexes');
  const modeSpan = spanOf(valueOf(spec, 'completionMode'));
  if (indexed && !pairOf(spec, 'completions') && job.keySpan) {
    ctx.report(indexedJobRule, {
      message: 'An Indexed Job needs completions: it is the number of indexes (0 to completions-1) the Job runs. The API server rejects it without; add `completions`.',
      ...job.keySpan,
      related: modeSpan ? [{ ...modeSpan, message: 'completionMode Indexed' }] : undefined,
    });
  }
  if (indexed && parallelism && parallelism.value > MAX_INDEXES) {
    ctx.report(indexedJobRule, { message: `parallelism is ${parallelism.value}; an Indexed Job runs at most ${MAX_INDEXES} Pods at once. The API server rejects it.`, ...parallelism.span });
  }
  for (const field of [perIndex && { name: 'backoffLimitPerIndex', ...perIndex }, maxFailed && { name: 'maxFailedIndexes', ...maxFailed }]) {
    if (field && !indexed) {
      ctx.report(indexedJobRule, { message: `${field.name} counts failures per index, so it needs completionMode: Indexed; the API server rejects it here.`, ...field.span });
    }
  }
  if (maxFailed && !perIndex && job.keySpan) {
    ctx.report(indexedJobRule, {
      message: 'maxFailedIndexes needs backoffLimitPerIndex: an index is failed only when it has used up its own retries. The API server rejects it without; add `backoffLimitPerIndex`.',
      ...job.keySpan,
      related: spanOf(pairOf(spec, 'maxFailedIndexes')?.key) ? [{ ...spanOf(pairOf(spec, 'maxFailedIndexes')?.key)!, message: 'maxFailedIndexes' }] : undefined,
    });
  }
  if (indexed && maxFailed && maxFailed.value > MAX_INDEXES) {
    ctx.report(indexedJobRule, { message: `maxFailedIndexes is ${maxFailed.value}; at most ${MAX_INDEXES} are allowed. The API server rejects it.`, ...maxFailed.span });
  } else if (indexed && maxFailed && completions && maxFailed.value > completions.value) {
    ctx.report(indexedJobRule, { message: `maxFailedIndexes (${maxFailed.value}) is more than completions (${completions.value}), the number of indexes; the API server rejects it.`, ...maxFailed.span });
  }
  // Above 100000 indexes with per-index retries, the Job must bound the failed indexes it tracks, and tighter limits apply.
  if (!indexed || !perIndex || !completions || completions.value <= MAX_INDEXES) return;
  if (!maxFailed && job.keySpan) {
    ctx.report(indexedJobRule, {
      message: `With more than ${MAX_INDEXES} completions and backoffLimitPerIndex, maxFailedIndexes must be set (at most ${HIGH_COMPLETIONS_LIMIT}); the API server rejects it without.`,
      ...job.keySpan,
      related: [{ ...completions.span, message: 'completions' }],
    });
  }
  if (parallelism && parallelism.value > HIGH_COMPLETIONS_LIMIT) {
    ctx.report(indexedJobRule, { message: `parallelism is ${parallelism.value}; with more than ${MAX_INDEXES} completions and backoffLimitPerIndex at most ${HIGH_COMPLETIONS_LIMIT} Pods may run at once. The API server rejects it.`, ...parallelism.span });
  }
  if (maxFailed && maxFailed.value > HIGH_COMPLETIONS_LIMIT && maxFailed.value <= MAX_INDEXES) {
    ctx.report(indexedJobRule, { message: `maxFailedIndexes is ${maxFailed.value}; with more than ${MAX_INDEXES} completions and backoffLimitPerIndex at most ${HIGH_COMPLETIONS_LIMIT} are allowed. The API server rejects it.`, ...maxFailed.span });
  }
}

/** An Indexed Job's Pods are named <job>-<index>, and that hostname must be a DNS label. */
function checkIndexedHostnames(ctx: CheckContext, job: JobSpec): void {
  const completions = intField(job.node, 'completions')?.value;
  const nameNode = nodeAtPath(ctx.doc.root, ['metadata', 'name']);
  const name = scalarString(nameNode);
  const span = spanOf(nameNode);
  if (!isIndexed(job) || !completions || completions < 1 || !name || !span || hasPlaceholder(name)) return;
  const hostname = `${name}-${completions - 1}`;
  const problem = dns1123LabelProblem(hostname);
  if (problem) {
    ctx.report(indexedJobRule, {
      message: `An Indexed Job's Pods take the hostname <name>-<index>, and the last one, \`${hostname.length > 70 ? `${hostname.slice(0, 70)}...` : hostname}\`, is not a DNS-1123 label: ${problem}. The API server rejects the Job; shorten the name or use lowercase letters, digits and '-'.`,
      ...span,
    });
  }
}

// --- podFailurePolicy -------------------------------------------------------------------------------------------

function checkPodFailurePolicy(ctx: CheckContext, job: JobSpec, pod: PodModel): void {
  const rulesPair = pairOf(valueOf(job.node, 'podFailurePolicy'), 'rules');
  if (!rulesPair || !isSeq(rulesPair.value)) return;
  if (rulesPair.value.items.length > MAX_POLICY_RULES && spanOf(rulesPair.key)) {
    ctx.report(podFailurePolicyRulesRule, { message: `podFailurePolicy has ${rulesPair.value.items.length} rules; the API server accepts at most ${MAX_POLICY_RULES}.`, ...spanOf(rulesPair.key)! });
  }
  const containerNames = new Set(definedContainers(pod).filter((c) => c.name).map((c) => c.name!));
  const hasPerIndex = pairOf(job.node, 'backoffLimitPerIndex') !== undefined;
  for (const [rule] of mapItems(rulesPair.value)) {
    const actionNode = valueOf(rule, 'action');
    if (scalarString(actionNode) === 'FailIndex' && !hasPerIndex && spanOf(actionNode)) {
      ctx.report(podFailurePolicyRulesRule, { message: 'The action FailIndex fails one index of the Job, so it needs backoffLimitPerIndex; the API server rejects it without.', ...spanOf(actionNode)! });
    }
    const exitCodes = valueOf(rule, 'onExitCodes');
    const conditions = valueOf(rule, 'onPodConditions');
    const hasExitCodes = exitCodes !== undefined && !(isScalar(exitCodes) && exitCodes.value === null);
    const hasConditions = isSeq(conditions) && conditions.items.length > 0;
    const ruleSpan = firstKeySpan(rule);
    if (hasExitCodes && hasConditions && ruleSpan) {
      ctx.report(podFailurePolicyRulesRule, { message: 'A podFailurePolicy rule matches either onExitCodes or onPodConditions, not both; the API server rejects it. Split it into two rules.', ...ruleSpan });
    } else if (!hasExitCodes && !hasConditions && ruleSpan) {
      ctx.report(podFailurePolicyRulesRule, { message: 'A podFailurePolicy rule needs onExitCodes or onPodConditions to say which failures it matches; the API server rejects it without.', ...ruleSpan });
    }
    if (isMap(exitCodes)) checkExitCodes(ctx, exitCodes, containerNames);
    for (const [pattern] of mapItems(conditions)) checkConditionPattern(ctx, pattern);
  }
}

function checkExitCodes(ctx: CheckContext, exitCodes: Node, containerNames: ReadonlySet<string>): void {
  const nameNode = valueOf(exitCodes, 'containerName');
  const name = scalarString(nameNode);
  if (name !== undefined && !hasPlaceholder(name) && !containerNames.has(name) && spanOf(nameNode)) {
    ctx.report(podFailurePolicyRulesRule, { message: `containerName \`${name}\` is not a container or init container of the Pod template; the API server rejects it.`, ...spanOf(nameNode)! });
  }
  const operator = scalarString(valueOf(exitCodes, 'operator'));
  const valuesPair = pairOf(exitCodes, 'values');
  const values = isSeq(valuesPair?.value) ? valuesPair!.value.items : undefined;
  if (!valuesPair || !values) return; // A missing list is missing-required.
  if (values.length === 0 && spanOf(valuesPair.key)) {
    ctx.report(podFailurePolicyRulesRule, { message: 'onExitCodes needs at least one exit code; the API server rejects an empty list.', ...spanOf(valuesPair.key)! });
  }
  if (values.length > MAX_EXIT_CODES && spanOf(valuesPair.key)) {
    ctx.report(podFailurePolicyRulesRule, { message: `onExitCodes lists ${values.length} exit codes; the API server accepts at most ${MAX_EXIT_CODES}.`, ...spanOf(valuesPair.key)! });
  }
  const codes = values.map((item) => ({ code: intOf(item), span: spanOf(item) }));
  // Upstream names the whole list when it is out of order.
  const outOfOrder = codes.findIndex((c, i) => i > 0 && c.code !== undefined && codes[i - 1].code !== undefined && c.code < codes[i - 1].code!);
  const listKey = spanOf(valuesPair.key);
  if (outOfOrder > 0 && listKey) {
    const { code, span } = codes[outOfOrder];
    ctx.report(podFailurePolicyRulesRule, {
      message: `Exit codes must be listed in increasing order, and ${code} comes after ${codes[outOfOrder - 1].code}; the API server rejects the list.`,
      ...listKey,
      related: span ? [{ ...span, message: 'out of order' }] : undefined,
    });
  }
  const seen = new Set<number>();
  for (const { code, span } of codes) {
    if (code === undefined || !span) continue;
    if (operator === 'In' && code === 0) {
      ctx.report(podFailurePolicyRulesRule, { message: 'Exit code 0 means success, so it cannot match a failure with the In operator; the API server rejects it.', ...span });
    }
    if (seen.has(code)) ctx.report(podFailurePolicyRulesRule, { message: `Exit code ${code} is listed twice; the API server rejects duplicates.`, ...span });
    seen.add(code);
  }
}

function checkConditionPattern(ctx: CheckContext, pattern: Node): void {
  const typeNode = valueOf(pattern, 'type');
  const type = scalarString(typeNode);
  if (type !== undefined && !hasPlaceholder(type)) {
    const problem = qualifiedNameProblem(type);
    if (problem && spanOf(typeNode)) ctx.report(podFailurePolicyRulesRule, { message: `The Pod condition type \`${type}\` is not a qualified name: ${problem}. The API server rejects it.`, ...spanOf(typeNode)! });
  }
  const statusNode = valueOf(pattern, 'status');
  const status = scalarString(statusNode);
  if (status !== undefined && !POD_CONDITION_STATUSES.has(status) && spanOf(statusNode)) {
    ctx.report(podFailurePolicyRulesRule, { message: `The condition status \`${status}\` is not True, False or Unknown; the API server rejects it.`, ...spanOf(statusNode)! });
  }
}

// --- successPolicy ----------------------------------------------------------------------------------------------

function checkSuccessPolicy(ctx: CheckContext, job: JobSpec): void {
  const policyPair = pairOf(job.node, 'successPolicy');
  if (!policyPair || !isMap(policyPair.value)) return;
  if (!isIndexed(job)) {
    const span = spanOf(policyPair.key);
    if (span) ctx.report(successPolicyRule, { message: 'A successPolicy declares a Job done by its indexes, so it needs completionMode: Indexed; the API server rejects it here.', ...span });
    return;
  }
  const rulesPair = pairOf(policyPair.value, 'rules');
  const rules = isSeq(rulesPair?.value) ? rulesPair!.value.items : [];
  const rulesSpan = spanOf(rulesPair?.key) ?? spanOf(policyPair.key);
  if (rules.length === 0 && rulesSpan) {
    ctx.report(successPolicyRule, { message: 'A successPolicy needs at least one rule; the API server rejects it without.', ...rulesSpan });
  } else if (rules.length > MAX_POLICY_RULES && rulesSpan) {
    ctx.report(successPolicyRule, { message: `successPolicy has ${rules.length} rules; the API server accepts at most ${MAX_POLICY_RULES}.`, ...rulesSpan });
  }
  const completions = intField(job.node, 'completions')?.value;
  for (const [rule] of mapItems(rulesPair?.value)) {
    const indexesNode = valueOf(rule, 'succeededIndexes');
    const indexes = scalarString(indexesNode);
    const count = intField(rule, 'succeededCount');
    if (indexes === undefined && !count && !pairOf(rule, 'succeededCount')) {
      const span = firstKeySpan(rule);
      if (span) ctx.report(successPolicyRule, { message: 'A successPolicy rule needs succeededIndexes or succeededCount; the API server rejects it without.', ...span });
      continue;
    }
    let indexCount: number | undefined;
    if (indexes !== undefined && spanOf(indexesNode)) {
      const parsed = parseIndexes(indexes, completions);
      if (typeof parsed === 'string') {
        ctx.report(successPolicyRule, { message: `succeededIndexes \`${indexes.length > 80 ? `${indexes.slice(0, 80)}...` : indexes}\` ${parsed}; the API server rejects it.`, ...spanOf(indexesNode)! });
      } else indexCount = parsed;
    }
    if (!count) continue;
    if (count.value < 0) {
      ctx.report(successPolicyRule, { message: `succeededCount is ${count.value}; it must be 0 or more. The API server rejects it.`, ...count.span });
    } else if (completions !== undefined && count.value > completions) {
      ctx.report(successPolicyRule, { message: `succeededCount (${count.value}) is more than completions (${completions}); the Job could never reach it, so the API server rejects it.`, ...count.span });
    } else if (indexCount !== undefined && count.value > indexCount) {
      ctx.report(successPolicyRule, { message: `succeededCount (${count.value}) is more than the ${indexCount} indexes succeededIndexes names; the API server rejects it.`, ...count.span });
    }
  }
}

/**
 * Reads "0,2-4,7": increasing, non-overlapping intervals of indexes below `completions`. Returns how many indexes
 * it names, or the problem in words.
 */
export function parseIndexes(text: string, completions: number | undefined): number | string {
  if (text.length > MAX_SUCCEEDED_INDEXES_LENGTH) return `is ${text.length} characters long, more than ${MAX_SUCCEEDED_INDEXES_LENGTH}`;
  let count = 0;
  let last = -1;
  for (const part of text.split(',')) {
    const bounds = part.split('-');
    if (bounds.length > 2 || bounds.some((b) => b.length === 0 || ![...b].every((c) => c >= '0' && c <= '9'))) {
      return `has \`${part}\`, which is neither an index nor an interval such as 2-4`;
    }
    const [first, end] = [Number(bounds[0]), Number(bounds[bounds.length - 1])];
    if (end < first) return `has the interval ${part}, which ends before it starts`;
    if (first <= last) return `has ${part} after ${last}: intervals must be in increasing order without overlap`;
    if (completions !== undefined && end >= completions) return `names index ${end}, but indexes run from 0 to completions-1 (${completions - 1})`;
    count += end - first + 1;
    last = end;
  }
  return count;
}

// --- podReplacementPolicy, managedBy, selectors -----------------------------------------------------------------

function checkReplacement(ctx: CheckContext, job: JobSpec): void {
  const node = valueOf(job.node, 'podReplacementPolicy');
  const span = spanOf(node);
  if (!span || scalarString(node) !== 'TerminatingOrFailed' || !pairOf(job.node, 'podFailurePolicy')) return;
  const policySpan = keySpan(job.node, 'podFailurePolicy');
  ctx.report(podReplacementPolicyRule, {
    message: 'With a podFailurePolicy the Job judges a Pod only when it has failed, so it may replace Pods only then: podReplacementPolicy must be Failed. The API server rejects TerminatingOrFailed.',
    ...span,
    related: policySpan ? [{ ...policySpan, message: 'the podFailurePolicy' }] : undefined,
  });
}

function checkManagedBy(ctx: CheckContext, job: JobSpec): void {
  const node = valueOf(job.node, 'managedBy');
  const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  const span = spanOf(node);
  // The field is read from 1.32 (JobManagedBy on by default); before, the API server drops it.
  if (text === undefined || !span || hasPlaceholder(text) || !gateOnByDefault('JobManagedBy', ctx.settings.kubernetesVersion)) return;
  const problem = managedByProblem(text);
  if (problem) {
    ctx.report(jobManagedByRule, {
      message: `managedBy \`${text}\` ${problem}. It names the controller that runs the Job as a domain-prefixed path (kubernetes.io/job-controller, or e.g. example.com/batch); the API server rejects it.`,
      ...span,
    });
  }
}

const PATH_CHARACTERS = new Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~%!$&'()*+,;=:");

function managedByProblem(text: string): string | undefined {
  if (text.length > 63) return `is ${text.length} characters long; at most 63 are allowed`;
  const slash = text.indexOf('/');
  if (slash < 0) return "has no domain prefix and '/'";
  const domainProblem = dns1123SubdomainProblem(text.slice(0, slash));
  if (domainProblem) return `has a prefix that is not a domain: ${domainProblem}`;
  const path = text.slice(slash + 1);
  if (path.length === 0) return "has nothing after '/'";
  const bad = [...path].find((c) => !PATH_CHARACTERS.has(c));
  return bad === undefined ? undefined : `has \`${bad}\` in its path`;
}

function checkJobSelector(ctx: CheckContext, job: JobSpec): void {
  const manual = scalarString(valueOf(job.node, 'manualSelector')) === 'true';
  const selectorPair = pairOf(job.node, 'selector');
  if (manual && !selectorPair && job.keySpan) {
    const manualSpan = keySpan(job.node, 'manualSelector');
    ctx.report(jobSelectorRule, {
      message: 'With manualSelector: true the Job needs a selector of its own; the API server rejects it without. Add a selector that matches the template\'s labels, or remove manualSelector.',
      ...job.keySpan,
      related: manualSpan ? [{ ...manualSpan, message: 'manualSelector: true' }] : undefined,
    });
  }
  if (manual || !selectorPair || !isMap(selectorPair.value)) return;
  const matchLabels = valueOf(selectorPair.value, 'matchLabels');
  const ownLabels = isMap(matchLabels) ? matchLabels.items.map((p) => scalarString(p.key) ?? '').filter((k) => !GENERATED_SELECTOR_LABELS.has(k)) : [];
  const expressions = valueOf(selectorPair.value, 'matchExpressions');
  const hasExpressions = isSeq(expressions) && expressions.items.length > 0;
  if (ownLabels.length === 0 && !hasExpressions) return;
  const span = spanOf(selectorPair.key);
  if (span) {
    ctx.report(jobSelectorRule, {
      message: 'The API server generates a Job\'s selector from the Job\'s uid, and rejects one written here unless manualSelector is true. Remove the selector (recommended: the generated one never matches another Job\'s Pods), or set manualSelector: true.',
      ...span,
    });
  }
}

function checkJobTemplateSelector(ctx: CheckContext, job: JobSpec): void {
  const selectorSpan = keySpan(job.node, 'selector');
  if (selectorSpan) {
    ctx.report(jobSelectorRule, { message: 'A CronJob\'s jobTemplate may not set a selector: the API server generates one for each Job it creates. Remove it.', ...selectorSpan });
  }
  const manualNode = valueOf(job.node, 'manualSelector');
  if (scalarString(manualNode) === 'true' && spanOf(manualNode)) {
    ctx.report(jobSelectorRule, { message: 'A CronJob\'s jobTemplate may not set manualSelector: true: each Job gets a generated selector. Remove it.', ...spanOf(manualNode)! });
  }
}
