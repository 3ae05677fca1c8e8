import { isMap, isScalar, type YAMLMap } from 'yaml';
import { isCopied } from '../document/resolvedView';
import { nodeAtPath, pairOf, scalarString } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { code, keyAt, type Fix, type FixFamily } from './fix';
import { labelsOf } from './missingRequired';
import { insertPair } from '../document/collectionInserts';
import { flowText } from '../document/flowWriter';
import { emptySelectorRule, selectorMismatchRule } from '../rules/workloads';

/**
 * A selector label the Pod template does not carry: give the template that label (a selector cannot change once
 * the workload exists, the template's labels can), or, when the template sets the key to another value, point the
 * selector at it instead.
 */
export const selectorMismatchFixes: FixFamily = {
  rules: [selectorMismatchRule],
  fixes(ctx) {
    // The finding lands on the template's labels; the selector entry it fails is its related place.
    const requirement = ctx.finding.related?.[0];
    const at = requirement ? keyAt({ ...ctx, finding: { ...ctx.finding, start: requirement.start, end: requirement.end } }) : undefined;
    const pod = podModelOf(ctx.doc);
    const metadataPath = pod?.workload.templateMetadataPath;
    if (!at || !metadataPath || !isScalar(at.pair.key) || !isScalar(at.pair.value)) return [];
    const key = scalarString(at.pair.key);
    const valueNode = at.pair.value;
    if (key === undefined || !valueNode.range || !at.pair.key.range) return [];
    const keyText = ctx.text.slice(at.pair.key.range[0], at.pair.key.range[1]);
    const valueText = ctx.text.slice(valueNode.range[0], valueNode.range[1]);
    const metadata = nodeAtPath(ctx.doc.root, metadataPath);
    const labels = isMap(metadata) ? pairOf(metadata, 'labels')?.value : undefined;
    // Labels (or a selector) that come through an alias are written elsewhere, often shared: nothing to edit here.
    if (isCopied(metadata) || isCopied(labels) || isCopied(valueNode)) return [];
    const fixes: Fix[] = [];
    const existing = isMap(labels) ? pairOf(labels, key) : undefined;
    if (existing && isScalar(existing.value) && existing.value.range) {
      const [start, end] = existing.value.range;
      const actual = ctx.text.slice(start, end);
      fixes.push({ title: `Set the template's label to ${code(`${key}: ${valueText}`)}`, edits: [{ start, end, newText: valueText }], preferred: true });
      fixes.push({ title: `Change the selector to ${code(`${key}: ${actual}`)}`, edits: [{ start: valueNode.range[0], end: valueNode.range[1], newText: actual }] });
      return fixes;
    }
    if (existing) return [];
    const edit = isMap(labels) && labels.items.length > 0
      ? insertPair(ctx.text, labels as YAMLMap, keyText, valueText, ctx.style)
      : isMap(metadata) && !pairOf(metadata, 'labels') && metadata.items.length > 0
        ? insertPair(ctx.text, metadata as YAMLMap, 'labels', { [keyText]: valueText }, ctx.style)
        : undefined;
    if (edit) fixes.push({ title: `Add the label ${code(`${key}: ${valueText}`)} to the Pod template`, edits: [edit], preferred: true });
    return fixes;
  },
};

/** An empty selector: match the labels the Pod template already has. */
export const emptySelectorFixes: FixFamily = {
  rules: [emptySelectorRule],
  fixes(ctx) {
    const at = keyAt(ctx);
    const metadataPath = podModelOf(ctx.doc)?.workload.templateMetadataPath;
    if (!at || !metadataPath || !isMap(at.pair.value)) return [];
    const matchLabels = labelsOf(ctx.text, nodeAtPath(ctx.doc.root, [...metadataPath, 'labels']));
    if (!matchLabels) return [];
    const selector = at.pair.value as YAMLMap;
    const existing = pairOf(selector, 'matchLabels');
    let edit;
    if (!existing && selector.items.length === 0) edit = insertPair(ctx.text, selector, 'matchLabels', matchLabels, ctx.style);
    else if (existing && isMap(existing.value) && existing.value.flow && existing.value.items.length === 0 && existing.value.range) {
      // `matchLabels: {}`: the braces get the labels.
      const [start, end] = existing.value.range;
      edit = { start, end, newText: flowText(matchLabels) };
    }
    return edit ? [{ title: "Match the Pod template's labels", edits: [edit], preferred: true }] : [];
  },
};
