import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ParsedSource } from '../core/featureRequest';

/**
 * Folding ranges: each document of a multi-document file, and every mapping or list that spans lines (a container,
 * its probes, the volumes...). A server that answers folding replaces the editor's indentation folding, so every
 * collection the indentation would fold is offered too, not only documents and containers.
 */
export const MAX_FOLDING_RANGES = 5000;

export function foldingRanges(source: ParsedSource): FoldingRange[] {
  const { textDocument, file } = source;
  if (file.tooLarge) return [];
  const ranges: FoldingRange[] = [];
  const lineOf = (offset: number) => textDocument.positionAt(offset).line;
  for (const doc of file.documents) {
    if (ranges.length >= MAX_FOLDING_RANGES) break;
    const root = doc.root;
    if (!root?.range) continue;
    const first = lineOf(doc.offset + root.range[0]);
    const last = lineOf(Math.max(doc.start, doc.offset + root.range[1] - 1));
    if (file.documents.length > 1 && last > first) ranges.push({ startLine: first, endLine: last });
    // Iterative walk: the tree is bounded in depth by the parser's nesting limit, but need not be walked recursively.
    const stack: { node: Node; startOffset: number }[] = [{ node: root, startOffset: root.range[0] }];
    while (stack.length && ranges.length < MAX_FOLDING_RANGES) {
      const { node, startOffset } = stack.pop()!;
      if (!node.range || !(isMap(node) || isSeq(node))) continue;
      const startLine = lineOf(doc.offset + startOffset);
      const endLine = lineOf(Math.max(doc.offset + startOffset, doc.offset + node.range[1] - 1));
      if (endLine > startLine && node !== root) ranges.push({ startLine, endLine });
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) {
          const value = item.value as Node | null;
          const key = item.key as Node | null;
          // A pair's fold starts on its key's line (`containers:`), not on the first item below it.
          if (value && (isMap(value) || isSeq(value)) && value.range) stack.push({ node: value, startOffset: key?.range?.[0] ?? value.range[0] });
        } else if (item && (isMap(item) || isSeq(item)) && (item as Node).range) {
          stack.push({ node: item as Node, startOffset: (item as Node).range![0] });
        }
      }
    }
  }
  return ranges;
}
