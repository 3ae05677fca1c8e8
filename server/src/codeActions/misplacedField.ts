import { isMap, isSeq, type YAMLMap } from 'yaml';
import { isCopied } from '../document/resolvedView';
import { keyName, nodeAtPath, pairOf, scalarString, valueOf, type PathSegment } from '../document/yamlTree';
import { code, keyAt, type Fix, type FixContext, type FixFamily } from './fix';
import type { Edit } from '../document/textEdit';
import { movePair, movePairUnder } from '../document/yamlEdits';
import { misplacedFieldRule } from '../schema/schemaRules';

/**
 * A real field at the wrong level: move it where it belongs. A Pod field written in a container (volumes,
 * nodeSelector...) goes to the PodSpec; a container field written in the PodSpec (image, ports, env...) goes into
 * the container, one action per container when there are several. A block of the same name already there is
 * merged: list items are appended, mapping entries added.
 */
export const misplacedFieldFixes: FixFamily = {
  rules: [misplacedFieldRule],
  fixes: (ctx) => moveFixes(ctx),
};

/**
 * The moves of a pair to the level `data.targetPath` names. With `renameTo`, the key is renamed on the way: an
 * unknown field that is a typo of another level's field (`nodeSelecter` in a container) is both fixed and moved.
 */
export function moveFixes(ctx: FixContext, renameTo?: string): Fix[] {
  const { targetPath, home } = ctx.finding.data ?? {};
  if (!Array.isArray(targetPath) || targetPath.length < 2) return [];
  const at = keyAt(ctx);
  if (!at) return [];
  const field = String(targetPath[targetPath.length - 1]);
  const verb = renameTo === undefined ? `Move ${code(field)}` : `Rename to ${code(renameTo)} and move it`;
  const parentPath = targetPath.slice(0, -1) as PathSegment[];
  const root = ctx.doc.root;
  const fixes: Fix[] = [];
  const itemIndex = parentPath.findIndex((step) => typeof step === 'number');
  if (itemIndex === -1) {
    const edits = moveTo(ctx, at.map, at.pair, root, parentPath, renameTo);
    if (edits) fixes.push({ title: `${verb} to ${where(home, parentPath)}`, edits, preferred: true });
    return fixes;
  }
  // Into a list item (a container): one action per item of that list.
  const list = nodeAtPath(root, parentPath.slice(0, itemIndex));
  if (!isSeq(list)) return [];
  const rest = parentPath.slice(itemIndex + 1);
  list.items.forEach((item, index) => {
    const edits = moveTo(ctx, at.map, at.pair, item, rest, renameTo);
    if (!edits) return;
    const name = scalarString(valueOf(item, 'name'));
    const shared = list.items.filter((other) => name !== undefined && scalarString(valueOf(other, 'name')) === name).length > 1;
    const label = name === undefined ? `container #${index + 1}` : shared ? `container ${code(name)} (#${index + 1})` : `container ${code(name)}`;
    const within = rest.length ? `the ${rest.join('.')} of ` : '';
    fixes.push({ title: `${verb} into ${within}${label}`, edits, preferred: list.items.length === 1 });
  });
  return fixes;
}

/** The edits that move the pair to the mapping at `path` under `from`, creating the mappings it lacks on the way. */
function moveTo(ctx: FixContext, map: YAMLMap<unknown, unknown>, pair: Parameters<typeof movePair>[2], from: unknown, path: readonly PathSegment[], renameTo?: string): Edit[] | undefined {
  const target = path.length ? nodeAtPath(from, path) : from;
  // A mapping that comes through an alias is written elsewhere: its range is the alias, no place to write into (nor
  // into a block of the same name there, which the move would merge with).
  if (isCopied(target)) return undefined;
  if (isMap(target) && isCopied(pairOf(target, renameTo ?? keyName(pair) ?? '')?.value)) return undefined;
  if (isMap(target)) return target === map ? undefined : movePair(ctx.text, map, pair, target, ctx.style, renameTo);
  if (target !== undefined) return undefined;
  // The deepest mapping that exists on the way, and the keys to create under it (never through a list).
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const missing = path.slice(depth);
    if (missing.some((step) => typeof step !== 'string')) return undefined;
    const existing = depth === 0 ? from : nodeAtPath(from, path.slice(0, depth));
    if (existing === undefined) continue;
    if (!isMap(existing) || isCopied(existing) || existing === map || existing.items.length === 0) return undefined;
    return movePairUnder(ctx.text, map, pair, existing, missing as string[], ctx.style, renameTo);
  }
  return undefined;
}

function where(home: unknown, path: readonly PathSegment[]): string {
  const dotted = path.join('.');
  switch (home) {
    case 'pod':
      return `the Pod (${dotted})`;
    case 'metadata':
      return `metadata (${dotted})`;
    case 'workload':
      return `the workload spec (${dotted})`;
    default:
      return dotted || 'the top level';
  }
}
