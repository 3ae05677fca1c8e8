import { isScalar, type Scalar } from 'yaml';
import { code, valueAt, type FixFamily } from './fix';
import { quoteScalar, unquoteScalar } from '../document/yamlEdits';
import { wrongTypeRule } from '../schema/schemaRules';

const NUMBER = /^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
const INTEGER = /^[-+]?(0|[1-9][0-9]*)$/;

/**
 * A scalar of the wrong type whose meaning is clear: a quoted number where a number belongs (`"8080"`), a quoted
 * boolean where a boolean belongs, and a number or boolean where a string belongs (`value: 8080`, a label value).
 */
export const wrongTypeFixes: FixFamily = {
  rules: [wrongTypeRule],
  fixAll: true,
  fixes(ctx) {
    const { expectedType, actualType } = ctx.finding.data ?? {};
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (!at || !isScalar(at.node)) return [];
    const node = at.node as Scalar;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const value = node.value;
    if (expectedType === 'string' && !quoted && (actualType === 'number' || actualType === 'boolean')) {
      const written = ctx.text.slice(node.range![0], node.range![1]);
      return [{ title: `Quote ${code(written)} to make it a string`, edits: [quoteScalar(ctx.text, node)], preferred: true }];
    }
    if (!quoted || typeof value !== 'string') return [];
    const readsBack =
      (expectedType === 'integer' && INTEGER.test(value)) ||
      (expectedType === 'number' && NUMBER.test(value)) ||
      (expectedType === 'boolean' && (value === 'true' || value === 'false'));
    if (!readsBack) return [];
    return [{ title: `Remove the quotes: ${code(value)}`, edits: [unquoteScalar(node)], preferred: true }];
  },
};
