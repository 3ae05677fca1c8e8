import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { labelValueProblem, qualifiedNameProblem } from './nameFormats';
import type { CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, spanOf, type Span } from './support';

/**
 * Label maps and label selectors, wherever a manifest sets or matches labels (object metadata, Pod templates,
 * nodeSelector, workload selectors, affinity terms, topology spread constraints). The API server names the whole
 * map in its error (`metadata.labels`), so a finding lands on the map's key and points at the entry it is about.
 */
export const invalidLabelRule: RuleDescriptor = {
  id: 'invalid-label',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Label keys are qualified names and values at most 63 characters of letters, digits, \'-\', \'_\' and \'.\'; the API server rejects others.',
  example: 'metadata:\n  labels:\n    app: my app',
  fix: 'Use letters, digits, \'-\', \'_\' and \'.\' only, starting and ending with a letter or digit: `my-app`.',
};

export const labelSelectorRule: RuleDescriptor = {
  id: 'label-selector',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A matchExpressions requirement needs a qualified label key, a known operator, values for In and NotIn and none for Exists and DoesNotExist; the API server rejects others.',
  example: 'matchExpressions:\n  - key: tier\n    operator: In\n    values: []',
  fix: 'Give In and NotIn at least one value; remove values from Exists and DoesNotExist.',
};

/**
 * Checks the label map under `key` of `parent` (keys are qualified names, values label values), reporting
 * `invalid-label`. `what` names the map in messages ("label", "nodeSelector label").
 */
export function checkLabelMap(ctx: CheckContext, parent: unknown, key: string, what: string, rule: RuleDescriptor = invalidLabelRule): void {
  const pair = pairOf(parent, key);
  const labels = pair?.value;
  if (!isMap(labels)) return;
  for (const entry of labels.items) {
    const k = entry.key;
    if (isScalar(k) && typeof k.value === 'string' && !hasPlaceholder(k.value)) {
      const problem = qualifiedNameProblem(k.value);
      const span = spanOf(k);
      if (problem && span) {
        ctx.report(rule, {
          message: `The ${what} key \`${k.value}\` is not valid: ${problem}. A key is an optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.'. The API server rejects the object.`,
          ...spanAndRelated(pair, span),
        });
      }
    }
    const value = entry.value;
    // Numbers and booleans are the schema check's finding (label values are strings); only strings are read here.
    if (isScalar(value) && typeof value.value === 'string' && !hasPlaceholder(value.value)) {
      const problem = labelValueProblem(value.value);
      const span = spanOf(value);
      if (problem && span) {
        ctx.report(rule, {
          message: `The ${what} value \`${value.value}\` is not valid: ${problem}. Label values are empty or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. The API server rejects the object.`,
          ...spanAndRelated(pair, span),
        });
      }
    }
  }
}

/** Where a finding about one entry of a map lands: the map's key (upstream's field path), relating the entry. */
export function spanAndRelated(mapPair: Pair<unknown, unknown> | undefined, entry: Span): Span & { related?: { start: number; end: number; message: string }[] } {
  const mapKey = spanOf(mapPair?.key);
  if (!mapKey) return entry;
  return { ...mapKey, related: [{ ...entry, message: 'the entry' }] };
}

/** The selector operators and whether each takes values. */
const SELECTOR_OPERATORS: Record<string, 'some' | 'none'> = { In: 'some', NotIn: 'some', Exists: 'none', DoesNotExist: 'none' };

/**
 * Checks a metav1 LabelSelector (matchLabels and matchExpressions) under `key` of `parent`: label grammar of
 * matchLabels, and each requirement's key, operator and values.
 */
export function checkLabelSelector(ctx: CheckContext, parent: unknown, key: string, what: string): void {
  const selector = valueOf(parent, key);
  if (!isMap(selector)) return;
  if (ctx.isEnabled(invalidLabelRule)) checkLabelMap(ctx, selector, 'matchLabels', `${what} label`);
  if (!ctx.isEnabled(labelSelectorRule)) return;
  for (const [requirement] of mapItems(valueOf(selector, 'matchExpressions'))) {
    checkRequirement(ctx, requirement, what);
  }
}

function checkRequirement(ctx: CheckContext, requirement: Node, what: string): void {
  const keyNode = valueOf(requirement, 'key');
  const key = scalarString(keyNode);
  if (key !== undefined && !hasPlaceholder(key)) {
    const problem = qualifiedNameProblem(key);
    const span = spanOf(keyNode);
    if (problem && span) {
      ctx.report(labelSelectorRule, {
        message: `The ${what} requirement's key \`${key}\` is not a valid label key: ${problem}. The API server rejects the object.`,
        ...span,
      });
    }
  }
  const operatorNode = valueOf(requirement, 'operator');
  const operator = scalarString(operatorNode);
  const valuesPair = pairOf(requirement, 'values');
  const values = valuesPair && isSeq(valuesPair.value) ? valuesPair.value.items : [];
  if (operator === undefined) return; // A missing operator is missing-required.
  const takes = SELECTOR_OPERATORS[operator];
  if (!takes) {
    const span = spanOf(operatorNode);
    if (span) {
      ctx.report(labelSelectorRule, {
        message: `\`${operator}\` is not a selector operator: a ${what} requirement uses In, NotIn, Exists or DoesNotExist (Gt and Lt exist only in node affinity). The API server rejects the object.`,
        ...span,
      });
    }
    return;
  }
  if (takes === 'some' && values.length === 0) {
    const span = spanOf(valuesPair?.key) ?? firstKeySpan(requirement);
    if (span) {
      ctx.report(labelSelectorRule, {
        message: `The operator ${operator} needs at least one value to compare the label with; the API server rejects a ${what} requirement without values. Add \`values: [...]\`, or use Exists to match any value.`,
        ...span,
      });
    }
  } else if (takes === 'none' && values.length > 0) {
    const span = spanOf(valuesPair?.key);
    if (span) {
      ctx.report(labelSelectorRule, {
        message: `The operator ${operator} only asks whether the label is there, so values may not be set; the API server rejects a ${what} requirement that has them. Remove values, or use In or NotIn.`,
        ...span,
      });
    }
  }
  for (const item of values) {
    const value = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
    if (value === undefined || hasPlaceholder(value)) continue;
    const problem = labelValueProblem(value);
    const span = spanOf(item);
    if (problem && span) {
      ctx.report(labelSelectorRule, {
        message: `The ${what} value \`${value}\` is not a valid label value: ${problem}. The API server rejects the object.`,
        ...span,
      });
    }
  }
}

/** The span of the first key of a mapping: where a finding about the whole item (a list entry) lands. */
export function firstKeySpan(map: unknown): Span | undefined {
  if (!isMap(map)) return spanOf(map);
  const first = map.items[0] as Pair<unknown, unknown> | undefined;
  return spanOf(first?.key) ?? spanOf(map);
}
