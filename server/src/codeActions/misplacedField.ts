import { isMap, isSeq } from 'yaml';
import { nodeAtPath, scalarString, valueOf, type PathSegment } from '../document/yamlTree';
import { code, keyAt, type Fix, type FixFamily } from './fix';
import { movePair } from './yamlEdits';

/**
 * A real field at the wrong level: move it where it belongs. A Pod field written in a container (volumes,
 * nodeSelector...) goes to the PodSpec; a container field written in the PodSpec (image, ports, env...) goes into
 * the container, one action per container when there are several. A block of the same name already there is
 * merged: list items are appended, mapping entries added.
 */
export const misplacedFieldFixes: FixFamily = {
  rules: ['misplaced-field'],
  fixes(ctx) {
    const { targetPath, home } = ctx.finding.data ?? {};
    if (!Array.isArray(targetPath) || targetPath.length < 2) return [];
    const at = keyAt(ctx);
    if (!at) return [];
    const field = String(targetPath[targetPath.length - 1]);
    const parentPath = targetPath.slice(0, -1) as PathSegment[];
    const root = ctx.doc.root;
    const fixes: Fix[] = [];
    const itemIndex = parentPath.findIndex((step) => typeof step === 'number');
    if (itemIndex === -1) {
      const target = nodeAtPath(root, parentPath);
      if (!isMap(target) || target === at.map) return [];
      const edits = movePair(ctx.text, at.map, at.pair, target, ctx.style);
      if (edits) fixes.push({ title: `Move ${code(field)} to ${where(home, parentPath)}`, edits, preferred: true });
      return fixes;
    }
    // Into a list item (a container): one action per item of that list.
    const list = nodeAtPath(root, parentPath.slice(0, itemIndex));
    if (!isSeq(list)) return [];
    const rest = parentPath.slice(itemIndex + 1);
    list.items.forEach((item, index) => {
      const target = nodeAtPath(item, rest);
      if (!isMap(target) || target === at.map) return;
      const edits = movePair(ctx.text, at.map, at.pair, target, ctx.style);
      if (!edits) return;
      const name = scalarString(valueOf(item, 'name'));
      const shared = list.items.filter((other) => name !== undefined && scalarString(valueOf(other, 'name')) === name).length > 1;
      const label = name === undefined ? `container #${index + 1}` : shared ? `container ${code(name)} (#${index + 1})` : `container ${code(name)}`;
      fixes.push({ title: `Move ${code(field)} into ${label}`, edits, preferred: list.items.length === 1 });
    });
    return fixes;
  },
};

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
