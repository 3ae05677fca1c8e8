import { isScalar } from 'yaml';
import { pairOf } from '../document/yamlTree';
import { code, keyAt, valueAt, type FixFamily } from './fix';
import { moveFixes } from './misplacedField';
import { renameScalar } from '../document/yamlEdits';
import { invalidEnumRule, unknownFieldRule } from '../schema/schemaRules';

/** A typo of a field of the same level: rename the key to the field it is close to, keeping its quoting. */
export const unknownFieldFixes: FixFamily = {
  rules: [unknownFieldRule],
  fixAll: true,
  fixes(ctx) {
    const { suggestion, misplaced } = ctx.finding.data ?? {};
    if (typeof suggestion !== 'string') return [];
    // A typo of another level's field: renamed where it is, it would be a misplaced field; rename and move it.
    if (misplaced) return moveFixes(ctx, suggestion).map((fix) => ({ ...fix, alone: true }));
    const at = keyAt(ctx);
    if (!at || !isScalar(at.pair.key) || pairOf(at.map, suggestion)) return [];
    return [{ title: `Rename to ${code(suggestion)}`, edits: [renameScalar(at.pair.key, suggestion)], preferred: true }];
  },
};

/** The most allowed values offered one by one; a longer set is better chosen from completion. */
const MAX_ENUM_CHOICES = 12;

/**
 * A value outside a fixed set: the close match first (another case or a small typo; the preferred fix, so "fix
 * all" takes it), then each allowed value, so that a value with no close match still has its fixes.
 */
export const invalidEnumFixes: FixFamily = {
  rules: [invalidEnumRule],
  fixAll: true,
  fixes(ctx) {
    const { suggestion, allowed } = ctx.finding.data ?? {};
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (!at || !isScalar(at.node)) return [];
    const node = at.node;
    const choices = Array.isArray(allowed) ? allowed.filter((v): v is string => typeof v === 'string' && v !== '' && v !== suggestion) : [];
    const fixes = typeof suggestion === 'string' ? [{ title: `Change to ${code(suggestion)}`, edits: [renameScalar(node, suggestion)], preferred: true }] : [];
    if (choices.length <= MAX_ENUM_CHOICES) {
      for (const value of choices) fixes.push({ title: `Change to ${code(value)}`, edits: [renameScalar(node, value)], preferred: false });
    }
    return fixes;
  },
};
