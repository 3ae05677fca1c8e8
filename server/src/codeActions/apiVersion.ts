import { isMap, isScalar, type YAMLMap } from 'yaml';
import { nodeAtPath, pairOf, valueOf } from '../document/yamlTree';
import { code, valueAt, type FixFamily } from './fix';
import { labelsOf } from './missingRequired';
import { insertPair, insertPairBefore } from '../document/collectionInserts';
import type { Edit } from '../document/textEdit';
import { renameScalar } from '../document/yamlEdits';
import { removedApiVersionRule, unknownApiVersionRule } from '../schema/schemaRules';

/** Kinds whose apps/v1 version requires spec.selector (their beta versions defaulted it from the template). */
const NEEDS_SELECTOR = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * A removed or never-served apiVersion of a workload: write the served one. Moving to apps/v1 also adds the
 * `selector` it requires, matching the template's labels, when the manifest has none.
 */
export const apiVersionFixes: FixFamily = {
  rules: [removedApiVersionRule, unknownApiVersionRule],
  fixAll: true,
  fixes(ctx) {
    const { replacement, kind } = ctx.finding.data ?? {};
    const at = valueAt(ctx.doc, ctx.finding.start);
    if (typeof replacement !== 'string' || !at || !isScalar(at.node)) return [];
    const edits: Edit[] = [renameScalar(at.node, replacement)];
    const spec = valueOf(ctx.doc.root, 'spec');
    let withSelector = false;
    if (replacement === 'apps/v1' && typeof kind === 'string' && NEEDS_SELECTOR.has(kind) && isMap(spec) && !pairOf(spec, 'selector')) {
      const matchLabels = labelsOf(ctx.text, nodeAtPath(spec, ['template', 'metadata', 'labels']));
      const template = pairOf(spec, 'template');
      const map = spec as YAMLMap<unknown, unknown>;
      const edit = matchLabels
        ? template
          ? insertPairBefore(ctx.text, map, template, 'selector', { matchLabels }, ctx.style)
          : insertPair(ctx.text, map, 'selector', { matchLabels }, ctx.style)
        : undefined;
      if (edit) {
        edits.push(edit);
        withSelector = true;
      }
    }
    const title = `Use ${code(`apiVersion: ${replacement}`)}${withSelector ? ' and add the selector it requires' : ''}`;
    return [{ title, edits, preferred: true }];
  },
};
