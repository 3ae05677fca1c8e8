import { isScalar } from 'yaml';
import { spanOf, valueOf } from '../document/yamlTree';
import type { CheckContext, RuleDescriptor } from '../core/rule';
import type { Span } from './support';

/**
 * Small readers for the numeric and list fields the API server bounds (replicas >= 0, weights 1-100, at most three
 * nameservers...). A value of the wrong type is the schema check's finding; these readers see only integers.
 */

/** An integer written as a YAML number, else undefined. */
export function intOf(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** The integer under `key` of `map` with the span of its value. */
export function intField(map: unknown, key: string): { value: number; span: Span } | undefined {
  const node = valueOf(map, key);
  const value = intOf(node);
  const span = spanOf(node);
  return value !== undefined && span ? { value, span } : undefined;
}

/**
 * Reports `rule` when the integer under `key` is below `min`: `what` names the field in words, `why` says what the
 * bound protects. Returns the value, so a caller can go on to compare it with other fields.
 */
export function checkAtLeast(ctx: CheckContext, rule: RuleDescriptor, map: unknown, key: string, min: number, why: string): number | undefined {
  const field = intField(map, key);
  if (!field) return undefined;
  if (field.value < min) {
    ctx.report(rule, {
      message: `${key} is ${field.value}; it must be ${min === 0 ? '0 or more' : min === 1 ? 'greater than 0' : `at least ${min}`}${why ? ` (${why})` : ''}. The API server rejects it.`,
      ...field.span,
    });
  }
  return field.value;
}
