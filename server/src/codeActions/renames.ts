import { isScalar } from 'yaml';
import { pairOf } from '../document/yamlTree';
import { code, keyAt, valueAt, type FixFamily } from './fix';
import { moveFixes } from './misplacedField';
import { renameScalar } from './yamlEdits';

/** A typo of a field of the same level: rename the key to the field it is close to, keeping its quoting. */
export const unknownFieldFixes: FixFamily = {
  rules: ['unknown-field'],
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

/** A value of a fixed set written with another case or a small typo: replace it with the allowed value. */
export const invalidEnumFixes: FixFamily = {
  rules: ['invalid-enum'],
  fixAll: true,
  fixes(ctx) {
    const { suggestion } = ctx.finding.data ?? {};
    if (typeof suggestion !== 'string') return [];
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (!at || !isScalar(at.node)) return [];
    return [{ title: `Change to ${code(suggestion)}`, edits: [renameScalar(at.node, suggestion)], preferred: true }];
  },
};
