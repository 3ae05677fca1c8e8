import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { gateOnByDefault, gateStage, stageWords } from '../versions/featureGates';
import { checkAtLeast, intField } from './fieldValues';
import { checkLabelSelector, firstKeySpan } from './labels';
import { dns1123LabelProblem, dns1123SubdomainProblem, labelValueProblem, qualifiedNameProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, keySpan, spanOf, type Span } from './support';

export const nodeAffinityRule: RuleDescriptor = {
  id: 'node-affinity',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Node affinity needs at least one node selector term when required, requirements whose values fit their operator (In/NotIn: some, Exists/DoesNotExist: none, Gt/Lt: exactly one), matchFields on metadata.name only, and weights from 1 to 100; the API server rejects others.',
  example: 'requiredDuringSchedulingIgnoredDuringExecution:\n  nodeSelectorTerms:\n    - matchExpressions:\n        - key: disktype\n          operator: Exists\n          values: [ssd]',
  fix: 'Match the values to the operator, and give preferred terms a weight between 1 and 100.',
};

export const podAffinityRule: RuleDescriptor = {
  id: 'pod-affinity',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod (anti-)affinity term needs a topologyKey that is a label key, namespaces that are namespace names, matchLabelKeys only beside a labelSelector and never also in mismatchLabelKeys, and a weight from 1 to 100 when preferred; the API server rejects others.',
  example: 'podAntiAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    - labelSelector: {matchLabels: {app: web}}\n      topologyKey: ""',
  fix: 'Set topologyKey to a node label such as `kubernetes.io/hostname` or `topology.kubernetes.io/zone`.',
};

export const tolerationRule: RuleDescriptor = {
  id: 'toleration',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A toleration without a key must use operator Exists, Exists takes no value, an Equal value is a label value, and tolerationSeconds applies only to the NoExecute effect; the API server rejects others.',
  example: 'tolerations:\n  - key: dedicated\n    operator: Exists\n    value: gpu',
  fix: 'Remove the value for Exists (or use Equal), and set effect NoExecute beside tolerationSeconds.',
};

export const topologySpreadRule: RuleDescriptor = {
  id: 'topology-spread',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A topology spread constraint needs maxSkew above 0, a topologyKey that is a label key, one constraint per topologyKey and whenUnsatisfiable, minDomains above 0 and only with DoNotSchedule, and matchLabelKeys beside (not inside) a labelSelector; the API server rejects others.',
  example: 'topologySpreadConstraints:\n  - maxSkew: 0\n    topologyKey: topology.kubernetes.io/zone\n    whenUnsatisfiable: DoNotSchedule',
  fix: 'Set maxSkew to 1 or more; use minDomains only with whenUnsatisfiable: DoNotSchedule.',
};

export const podGatesRule: RuleDescriptor = {
  id: 'pod-gates',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Scheduling gate names and readiness gate condition types are qualified names (like label keys), and a scheduling gate appears once; the API server rejects others.',
  example: 'schedulingGates:\n  - name: example.com/quota\n  - name: example.com/quota',
  fix: 'Use a qualified name such as `example.com/ready`, once.',
};

export const referenceNameRule: RuleDescriptor = {
  id: 'invalid-reference-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'nodeName, priorityClassName, runtimeClassName and serviceAccountName name other objects, so they follow those objects\' name grammar (DNS subdomains); the API server rejects others.',
  example: 'spec:\n  priorityClassName: High_Priority',
  fix: 'Use the object\'s real name: lowercase letters, digits, \'-\' and \'.\'.',
};

export const activeDeadlineRule: RuleDescriptor = {
  id: 'active-deadline',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod\'s activeDeadlineSeconds is a positive number of seconds (1 to 4294967295); the API server rejects 0 and negative values.',
  example: 'spec:\n  activeDeadlineSeconds: 0',
  fix: 'Set a positive number of seconds, or remove the field for no deadline.',
};

export const deprecatedNodeLabelRule: RuleDescriptor = {
  id: 'deprecated-node-label',
  defaultSeverity: 'warning',
  profile: 'api',
  rationale: 'The beta node labels (beta.kubernetes.io/os and arch, failure-domain.beta.kubernetes.io/zone and region, beta.kubernetes.io/instance-type) were replaced by stable ones; the API server warns when a Pod schedules by them, and newer nodes may not carry them.',
  example: 'nodeSelector:\n  beta.kubernetes.io/os: linux',
  fix: 'Use the stable label: kubernetes.io/os, kubernetes.io/arch, topology.kubernetes.io/zone, topology.kubernetes.io/region or node.kubernetes.io/instance-type.',
};

/** Deprecated node labels, with the release that deprecated each and the label that replaced it. */
const DEPRECATED_NODE_LABELS: ReadonlyMap<string, { since: string; use: string }> = new Map([
  ['beta.kubernetes.io/arch', { since: '1.14', use: 'kubernetes.io/arch' }],
  ['beta.kubernetes.io/os', { since: '1.14', use: 'kubernetes.io/os' }],
  ['failure-domain.beta.kubernetes.io/region', { since: '1.17', use: 'topology.kubernetes.io/region' }],
  ['failure-domain.beta.kubernetes.io/zone', { since: '1.17', use: 'topology.kubernetes.io/zone' }],
  ['beta.kubernetes.io/instance-type', { since: '1.17', use: 'node.kubernetes.io/instance-type' }],
]);

/** Warns on a deprecated node label used where `where` says (a nodeSelector key, a topologyKey...). */
function checkNodeLabel(ctx: CheckContext, node: unknown, where: string): void {
  const label = scalarString(node);
  const deprecated = label === undefined ? undefined : DEPRECATED_NODE_LABELS.get(label);
  const span = spanOf(node);
  if (!deprecated || !span) return;
  ctx.report(deprecatedNodeLabelRule, {
    message: `The node label ${label} in ${where} is deprecated since Kubernetes ${deprecated.since}; use ${deprecated.use}. The API server warns about it, and nodes may stop carrying the old label.`,
    ...span,
  });
}

/** Fields of a PodSpec that name other objects, with the grammar their names follow. */
const REFERENCE_FIELDS: readonly { key: string; what: string }[] = [
  { key: 'nodeName', what: 'a Node' },
  { key: 'priorityClassName', what: 'a PriorityClass' },
  { key: 'runtimeClassName', what: 'a RuntimeClass' },
  { key: 'serviceAccountName', what: 'a ServiceAccount' },
];

/** Where a Pod may run: node and Pod affinity, tolerations, topology spread, gates, node and class names. */
export const schedulingCheck: Check = {
  name: 'scheduling',
  rules: [nodeAffinityRule, podAffinityRule, tolerationRule, topologySpreadRule, podGatesRule, referenceNameRule, activeDeadlineRule, deprecatedNodeLabelRule],
  appliesTo: 'pod',
  run(ctx) {
    const spec = podModelOf(ctx.doc)?.podSpec;
    if (!spec) return;
    const nodeSelector = valueOf(spec, 'nodeSelector');
    if (isMap(nodeSelector)) for (const pair of nodeSelector.items) checkNodeLabel(ctx, pair.key, 'nodeSelector');
    const affinity = valueOf(spec, 'affinity');
    checkNodeAffinity(ctx, valueOf(affinity, 'nodeAffinity'));
    for (const kind of ['podAffinity', 'podAntiAffinity']) checkPodAffinity(ctx, valueOf(affinity, kind), kind);
    checkTolerations(ctx, valueOf(spec, 'tolerations'));
    checkTopologySpread(ctx, valueOf(spec, 'topologySpreadConstraints'));
    checkGates(ctx, spec);
    for (const { key, what } of REFERENCE_FIELDS) {
      const node = valueOf(spec, key);
      const name = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      const span = spanOf(node);
      if (!name || !span || hasPlaceholder(name)) continue;
      const problem = dns1123SubdomainProblem(name);
      if (problem) {
        ctx.report(referenceNameRule, { message: `${key} \`${name}\` cannot name ${what}: names are DNS-1123 subdomains, and ${problem}. The API server rejects it.`, ...span });
      }
    }
    const deadline = intField(spec, 'activeDeadlineSeconds');
    if (deadline && (deadline.value < 1 || deadline.value > 4294967295)) {
      ctx.report(activeDeadlineRule, {
        message: `activeDeadlineSeconds is ${deadline.value}; it must be between 1 and 4294967295 seconds. The API server rejects it; remove the field for no deadline.`,
        ...deadline.span,
      });
    }
  },
};

// --- node affinity -------------------------------------------------------------------------------------------

const NODE_OPERATORS: Record<string, 'some' | 'none' | 'one'> = { In: 'some', NotIn: 'some', Exists: 'none', DoesNotExist: 'none', Gt: 'one', Lt: 'one' };

function checkNodeAffinity(ctx: CheckContext, nodeAffinity: Node | undefined): void {
  if (!isMap(nodeAffinity)) return;
  const requiredPair = pairOf(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution');
  const required = requiredPair?.value;
  if (isMap(required)) {
    const termsPair = pairOf(required, 'nodeSelectorTerms');
    const terms = termsPair?.value;
    if (!isSeq(terms) || terms.items.length === 0) {
      // A missing list is missing-required (schema); an empty one only this rule sees.
      const span = termsPair ? spanOf(termsPair.key) : undefined;
      if (span) {
        ctx.report(nodeAffinityRule, {
          message: 'nodeSelectorTerms is empty: required node affinity needs at least one term (a Pod may run on nodes matching any term). The API server rejects it; add a term, or remove requiredDuringSchedulingIgnoredDuringExecution.',
          ...span,
        });
      }
    }
    for (const [term] of mapItems(terms)) checkNodeSelectorTerm(ctx, term);
  }
  for (const [preferred] of mapItems(valueOf(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution'))) {
    checkWeight(ctx, nodeAffinityRule, preferred);
    const preference = valueOf(preferred, 'preference');
    if (isMap(preference)) checkNodeSelectorTerm(ctx, preference);
  }
}

function checkWeight(ctx: CheckContext, rule: RuleDescriptor, term: Node): void {
  const weight = intField(term, 'weight');
  if (weight && (weight.value < 1 || weight.value > 100)) {
    ctx.report(rule, {
      message: `weight is ${weight.value}; a preferred term's weight must be between 1 and 100 (the scheduler adds the weights of the terms a node meets). The API server rejects it.`,
      ...weight.span,
    });
  }
}

function checkNodeSelectorTerm(ctx: CheckContext, term: Node): void {
  for (const [requirement] of mapItems(valueOf(term, 'matchExpressions'))) {
    const keyNode = valueOf(requirement, 'key');
    const key = scalarString(keyNode);
    checkNodeLabel(ctx, keyNode, 'a node affinity requirement');
    const problem = key !== undefined && !hasPlaceholder(key) ? qualifiedNameProblem(key) : undefined;
    if (problem && spanOf(keyNode)) {
      ctx.report(nodeAffinityRule, { message: `The node label key \`${key}\` is not valid: ${problem}. The API server rejects it.`, ...spanOf(keyNode)! });
    }
    const operator = scalarString(valueOf(requirement, 'operator'));
    const takes = operator === undefined ? undefined : NODE_OPERATORS[operator];
    if (!takes) continue; // Missing or unknown operators are the schema check's findings.
    const valuesPair = pairOf(requirement, 'values');
    const values = isSeq(valuesPair?.value) ? valuesPair!.value.items : [];
    // Upstream names the values; without a values key the finding lands on the requirement.
    const at = spanOf(valuesPair?.key) ?? firstKeySpan(requirement);
    if (takes === 'some' && values.length === 0 && at) {
      ctx.report(nodeAffinityRule, { message: `The operator ${operator} needs at least one value to compare the node label with; the API server rejects a requirement without values. Add \`values: [...]\`, or use Exists.`, ...at });
    } else if (takes === 'none' && values.length > 0 && at) {
      ctx.report(nodeAffinityRule, { message: `The operator ${operator} only asks whether the node has the label, so values may not be set; the API server rejects them. Remove values, or use In or NotIn.`, ...at });
    } else if (takes === 'one' && values.length !== 1 && at) {
      ctx.report(nodeAffinityRule, { message: `The operator ${operator} compares the node label with exactly one number, and this requirement has ${values.length} values; the API server rejects it. Write one value, e.g. \`values: ["3"]\`.`, ...at });
    }
    for (const item of values) {
      const value = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
      const valueProblem = value !== undefined && !hasPlaceholder(value) ? labelValueProblem(value) : undefined;
      if (valueProblem && spanOf(item)) {
        ctx.report(nodeAffinityRule, { message: `\`${value}\` is not a node label value: ${valueProblem}. The API server rejects it.`, ...spanOf(item)! });
      }
    }
  }
  for (const [requirement] of mapItems(valueOf(term, 'matchFields'))) {
    const keyNode = valueOf(requirement, 'key');
    const key = scalarString(keyNode);
    if (key !== undefined && key !== 'metadata.name' && spanOf(keyNode)) {
      ctx.report(nodeAffinityRule, { message: `matchFields supports only the key metadata.name (the node's name), not \`${key}\`; the API server rejects it. Use matchExpressions for node labels.`, ...spanOf(keyNode)! });
    }
    const operatorNode = valueOf(requirement, 'operator');
    const operator = scalarString(operatorNode);
    const valuesPair = pairOf(requirement, 'values');
    const values = isSeq(valuesPair?.value) ? valuesPair!.value.items : [];
    if (operator !== undefined && operator !== 'In' && operator !== 'NotIn' && NODE_OPERATORS[operator] && spanOf(operatorNode)) {
      ctx.report(nodeAffinityRule, { message: `matchFields supports only the operators In and NotIn, not ${operator}; the API server rejects it.`, ...spanOf(operatorNode)! });
    } else if ((operator === 'In' || operator === 'NotIn') && values.length !== 1) {
      const at = spanOf(valuesPair?.key) ?? firstKeySpan(requirement);
      if (at) ctx.report(nodeAffinityRule, { message: `A matchFields requirement compares the node's name with exactly one value, and this one has ${values.length}; the API server rejects it. Use one term per node name.`, ...at });
    }
    if (key !== 'metadata.name') continue;
    for (const item of values) {
      const value = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
      const problem = value !== undefined && !hasPlaceholder(value) ? dns1123SubdomainProblem(value) : undefined;
      if (problem && spanOf(item)) ctx.report(nodeAffinityRule, { message: `\`${value}\` is not a node name: ${problem}. The API server rejects it.`, ...spanOf(item)! });
    }
  }
}

// --- Pod affinity and anti-affinity ----------------------------------------------------------------------------

function checkPodAffinity(ctx: CheckContext, affinity: Node | undefined, kind: string): void {
  if (!isMap(affinity)) return;
  for (const [term] of mapItems(valueOf(affinity, 'requiredDuringSchedulingIgnoredDuringExecution'))) checkPodAffinityTerm(ctx, term, kind);
  for (const [weighted] of mapItems(valueOf(affinity, 'preferredDuringSchedulingIgnoredDuringExecution'))) {
    checkWeight(ctx, podAffinityRule, weighted);
    const term = valueOf(weighted, 'podAffinityTerm');
    if (isMap(term)) checkPodAffinityTerm(ctx, term, kind);
  }
}

function checkPodAffinityTerm(ctx: CheckContext, term: Node, kind: string): void {
  const topologyPair = pairOf(term, 'topologyKey');
  const topologyKey = scalarString(topologyPair?.value);
  if (topologyPair && (topologyKey === undefined || topologyKey === '') && !isMap(topologyPair.value) && !isSeq(topologyPair.value)) {
    const span = spanOf(topologyPair.value) ?? spanOf(topologyPair.key);
    if (span) {
      ctx.report(podAffinityRule, {
        message: `topologyKey is empty: a ${kind} term groups nodes by a node label, such as kubernetes.io/hostname or topology.kubernetes.io/zone. The API server rejects it.`,
        ...span,
      });
    }
  } else if (topologyKey && !hasPlaceholder(topologyKey)) {
    checkNodeLabel(ctx, topologyPair!.value, `a ${kind} topologyKey`);
    const problem = qualifiedNameProblem(topologyKey);
    if (problem && spanOf(topologyPair!.value)) {
      ctx.report(podAffinityRule, { message: `topologyKey \`${topologyKey}\` is not a label key: ${problem}. The API server rejects it.`, ...spanOf(topologyPair!.value)! });
    }
  }
  const namespaces = valueOf(term, 'namespaces');
  if (isSeq(namespaces)) {
    for (const item of namespaces.items) {
      const name = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
      const problem = name !== undefined && !hasPlaceholder(name) ? dns1123LabelProblem(name) : undefined;
      if (problem && spanOf(item)) ctx.report(podAffinityRule, { message: `\`${name}\` is not a namespace name: ${problem}. The API server rejects it.`, ...spanOf(item)! });
    }
  }
  checkLabelSelector(ctx, term, 'labelSelector', `${kind} labelSelector`);
  checkLabelSelector(ctx, term, 'namespaceSelector', `${kind} namespaceSelector`);
  const hasSelector = isMap(valueOf(term, 'labelSelector'));
  const matchKeys = stringItems(valueOf(term, 'matchLabelKeys'));
  const mismatchKeys = stringItems(valueOf(term, 'mismatchLabelKeys'));
  for (const [field, keys] of [['matchLabelKeys', matchKeys], ['mismatchLabelKeys', mismatchKeys]] as const) {
    if (keys.length > 0 && !hasSelector) {
      const span = keySpan(term, field);
      if (span) ctx.report(podAffinityRule, { message: `${field} refines a labelSelector, and this term has none; the API server rejects it. Add a labelSelector, or remove ${field}.`, ...span });
    }
    for (const { text, span } of keys) {
      const problem = qualifiedNameProblem(text);
      if (problem) ctx.report(podAffinityRule, { message: `\`${text}\` in ${field} is not a label key: ${problem}. The API server rejects it.`, ...span });
    }
  }
  const matchSet = new Set(matchKeys.map((k) => k.text));
  for (const { text, span } of mismatchKeys) {
    if (matchSet.has(text)) {
      ctx.report(podAffinityRule, { message: `The label key \`${text}\` is in both matchLabelKeys and mismatchLabelKeys, which contradict each other; the API server rejects it. Keep it in one list.`, ...span });
    }
  }
}

function stringItems(node: unknown): { text: string; span: Span }[] {
  if (!isSeq(node)) return [];
  const out: { text: string; span: Span }[] = [];
  for (const item of node.items) {
    const span = spanOf(item);
    if (isScalar(item) && typeof item.value === 'string' && span && !hasPlaceholder(item.value)) out.push({ text: item.value, span });
  }
  return out;
}

// --- tolerations -----------------------------------------------------------------------------------------------

const TOLERATION_OPERATORS = new Set(['Equal', 'Exists', 'Gt', 'Lt']);
const COMPARISON_GATE = 'TaintTolerationComparisonOperators';

function checkTolerations(ctx: CheckContext, tolerations: Node | undefined): void {
  const version = ctx.settings.kubernetesVersion;
  for (const [toleration] of mapItems(tolerations)) {
    const keyNode = valueOf(toleration, 'key');
    const key = scalarString(keyNode) ?? '';
    const operatorNode = valueOf(toleration, 'operator');
    const operator = scalarString(operatorNode) ?? 'Equal';
    const valueNode = valueOf(toleration, 'value');
    const value = scalarString(valueNode) ?? '';
    if (key && !hasPlaceholder(key)) {
      const problem = qualifiedNameProblem(key);
      if (problem && spanOf(keyNode)) ctx.report(tolerationRule, { message: `The toleration key \`${key}\` is not a taint key: ${problem}. The API server rejects it.`, ...spanOf(keyNode)! });
    }
    if (!key && TOLERATION_OPERATORS.has(operator) && operator !== 'Exists') {
      const span = spanOf(operatorNode) ?? firstKeySpan(toleration);
      if (span) {
        ctx.report(tolerationRule, {
          message: `A toleration without a key matches every taint, so its operator must be Exists${operatorNode ? `, not ${operator}` : ' (the default is Equal)'}. The API server rejects it; add \`operator: Exists\`, or name the taint's key.`,
          ...span,
        });
      }
    }
    if ((operator === 'Gt' || operator === 'Lt') && !gateOnByDefault(COMPARISON_GATE, version) && spanOf(operatorNode)) {
      const stage = gateStage(COMPARISON_GATE, version);
      ctx.report(tolerationRule, {
        message: `The operator ${operator} compares numeric taint values behind the ${COMPARISON_GATE} feature gate, ${stage ? stageWords(stage) : 'not yet present'} in Kubernetes ${version} (podsmith.kubernetesVersion); a default API server accepts only Equal and Exists.`,
        ...spanOf(operatorNode)!,
      });
    }
    if (operator === 'Exists' && value !== '' && spanOf(valueNode)) {
      ctx.report(tolerationRule, { message: 'With operator Exists a toleration matches any value of the taint, so value must be empty; the API server rejects it. Remove value, or use operator Equal.', ...spanOf(valueNode)! });
    } else if (operator === 'Equal' && value && !hasPlaceholder(value)) {
      const problem = labelValueProblem(value);
      if (problem && spanOf(valueNode)) ctx.report(tolerationRule, { message: `The toleration value \`${value}\` is not a taint value: ${problem}. Taint values follow the label value rules; the API server rejects it.`, ...spanOf(valueNode)! });
    }
    const secondsPair = pairOf(toleration, 'tolerationSeconds');
    const effectNode = valueOf(toleration, 'effect');
    const effect = scalarString(effectNode);
    if (secondsPair && isScalar(secondsPair.value) && secondsPair.value.value !== null && effect !== 'NoExecute') {
      // Upstream names the effect; without one the finding lands on the toleration.
      const span = spanOf(effectNode) ?? firstKeySpan(toleration);
      if (span) {
        ctx.report(tolerationRule, {
          message: `tolerationSeconds says how long a Pod stays on a node after a NoExecute taint appears, so the effect must be NoExecute${effect ? `, not ${effect}` : ''}. The API server rejects it; set \`effect: NoExecute\`, or remove tolerationSeconds.`,
          ...span,
        });
      }
    }
  }
}

// --- topology spread -------------------------------------------------------------------------------------------

function checkTopologySpread(ctx: CheckContext, constraints: Node | undefined): void {
  const seen = new Map<string, Span>();
  for (const [constraint] of mapItems(constraints)) {
    checkAtLeast(ctx, topologySpreadRule, constraint, 'maxSkew', 1, 'the largest allowed difference in matching Pods between two domains');
    const topologyPair = pairOf(constraint, 'topologyKey');
    const topologyKey = scalarString(topologyPair?.value);
    const keySpanOrValue = spanOf(topologyPair?.value) ?? spanOf(topologyPair?.key);
    if (topologyPair && topologyKey === '' && keySpanOrValue) {
      ctx.report(topologySpreadRule, { message: 'topologyKey is empty: a constraint spreads Pods across the values of a node label, such as topology.kubernetes.io/zone. The API server rejects it.', ...keySpanOrValue });
    } else if (topologyKey && !hasPlaceholder(topologyKey)) {
      checkNodeLabel(ctx, topologyPair!.value, 'a topology spread topologyKey');
      const problem = qualifiedNameProblem(topologyKey);
      if (problem && keySpanOrValue) ctx.report(topologySpreadRule, { message: `topologyKey \`${topologyKey}\` is not a label key: ${problem}. The API server rejects it.`, ...keySpanOrValue });
    }
    const when = scalarString(valueOf(constraint, 'whenUnsatisfiable'));
    if (topologyKey && when && keySpanOrValue) {
      const pairKey = `${topologyKey}\u0000${when}`;
      const first = seen.get(pairKey);
      if (first) {
        ctx.report(topologySpreadRule, {
          message: `Another constraint already spreads by \`${topologyKey}\` with whenUnsatisfiable ${when}; the API server rejects a second one. Merge them into one constraint.`,
          ...keySpanOrValue,
          related: [{ ...first, message: 'the first constraint with this topologyKey and whenUnsatisfiable' }],
        });
      } else seen.set(pairKey, keySpanOrValue);
    }
    const minDomains = intField(constraint, 'minDomains');
    if (minDomains && minDomains.value < 1) {
      ctx.report(topologySpreadRule, { message: `minDomains is ${minDomains.value}; it must be greater than 0 (the number of domains the scheduler counts even when fewer have matching nodes). The API server rejects it.`, ...minDomains.span });
    } else if (minDomains && when !== undefined && when !== 'DoNotSchedule') {
      ctx.report(topologySpreadRule, { message: `minDomains applies only with whenUnsatisfiable DoNotSchedule, not ${when}; the API server rejects it. Use DoNotSchedule, or remove minDomains.`, ...minDomains.span });
    }
    checkLabelSelector(ctx, constraint, 'labelSelector', 'topology spread labelSelector');
    checkMatchLabelKeys(ctx, constraint);
  }
}

function checkMatchLabelKeys(ctx: CheckContext, constraint: Node): void {
  const keys = stringItems(valueOf(constraint, 'matchLabelKeys'));
  if (keys.length === 0) return;
  const selector = valueOf(constraint, 'labelSelector');
  if (!isMap(selector)) {
    const span = keySpan(constraint, 'matchLabelKeys');
    if (span) ctx.report(topologySpreadRule, { message: 'matchLabelKeys refines a labelSelector, and this constraint has none; the API server rejects it. Add a labelSelector, or remove matchLabelKeys.', ...span });
    return;
  }
  const selectorKeys = new Set<string>();
  const matchLabels = valueOf(selector, 'matchLabels');
  if (isMap(matchLabels)) for (const pair of matchLabels.items) { const k = scalarString(pair.key); if (k !== undefined) selectorKeys.add(k); }
  for (const [requirement] of mapItems(valueOf(selector, 'matchExpressions'))) {
    const k = scalarString(valueOf(requirement, 'key'));
    if (k !== undefined) selectorKeys.add(k);
  }
  for (const { text, span } of keys) {
    const problem = qualifiedNameProblem(text);
    if (problem) ctx.report(topologySpreadRule, { message: `\`${text}\` in matchLabelKeys is not a label key: ${problem}. The API server rejects it.`, ...span });
    else if (selectorKeys.has(text)) {
      ctx.report(topologySpreadRule, { message: `The label key \`${text}\` is both in matchLabelKeys and in the labelSelector; the API server rejects it. matchLabelKeys takes the key's value from the incoming Pod, so remove it from one of them.`, ...span });
    }
  }
}

// --- gates -----------------------------------------------------------------------------------------------------

function checkGates(ctx: CheckContext, spec: Node): void {
  const seen = new Map<string, Span>();
  for (const [gate] of mapItems(valueOf(spec, 'schedulingGates'))) {
    const nameNode = valueOf(gate, 'name');
    const name = scalarString(nameNode);
    const span = spanOf(nameNode);
    if (name === undefined || !span || hasPlaceholder(name)) continue;
    const problem = qualifiedNameProblem(name);
    if (problem) {
      ctx.report(podGatesRule, { message: `The scheduling gate \`${name}\` is not a qualified name: ${problem}. The API server rejects it.`, ...span });
      continue;
    }
    const first = seen.get(name);
    if (first) ctx.report(podGatesRule, { message: `The scheduling gate \`${name}\` is listed twice; the API server rejects duplicates.`, ...span, related: [{ ...first, message: 'the first entry' }] });
    else seen.set(name, span);
  }
  for (const [gate] of mapItems(valueOf(spec, 'readinessGates'))) {
    const typeNode = valueOf(gate, 'conditionType');
    const type = scalarString(typeNode);
    const span = spanOf(typeNode);
    if (type === undefined || !span || hasPlaceholder(type)) continue;
    const problem = qualifiedNameProblem(type);
    if (problem) ctx.report(podGatesRule, { message: `The readiness gate's conditionType \`${type}\` is not a qualified name: ${problem}. The API server rejects it.`, ...span });
  }
}
