import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ParsedSource } from '../core/featureRequest';
import type { ManifestDocument } from '../document/manifestDocument';

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
    // Kept with the document's text as offsets: folding is asked for after every edit, and walking each document's
    // tree again would build the trees the budget dropped (document/treeBudget.ts).
    const spans = keepFoldingSpans(doc);
    if (!spans) continue;
    const first = lineOf(doc.offset + spans[0]);
    const last = lineOf(doc.offset + spans[1]);
    if (file.documents.length > 1 && last > first) ranges.push({ startLine: first, endLine: last });
    for (let i = 2; i < spans.length; i += 2) {
      if (ranges.length >= MAX_FOLDING_RANGES) break;
      const startLine = lineOf(doc.offset + spans[i]);
      const endLine = lineOf(doc.offset + spans[i + 1]);
      if (endLine > startLine) ranges.push({ startLine, endLine });
    }
  }
  return ranges;
}

/**
 * The foldable spans of a document, kept with its text (see foldingRanges): start and end of each, one after the
 * other in one list. A pair of its own per span cost about 60 bytes each, kept for every document of every open file
 * (500 Deployments: 21,000 pairs; one list per document instead: the live heap after the open 18.3 -> 17.2 MB).
 */
export function keepFoldingSpans(doc: ManifestDocument): readonly number[] | undefined {
  return doc.kept('folding', () => foldableSpans(doc));
}

/**
 * The document's span, then every mapping's and list's, each as the offsets (relative to the document) of its first
 * and last character, in the order the editor lists them; undefined for an empty document.
 */
function foldableSpans(doc: ManifestDocument): number[] | undefined {
  const root = doc.root;
  if (!root?.range) return undefined;
  const text = doc.text;
  const spans: number[] = [root.range[0], Math.max(doc.extent[0], root.range[1] - 1)];
  // Iterative walk: the tree is bounded in depth by the parser's nesting limit, but need not be walked recursively.
  const stack: { node: Node; startOffset: number }[] = [{ node: root, startOffset: root.range[0] }];
  while (stack.length && spans.length <= 2 * MAX_FOLDING_RANGES) {
    const { node, startOffset } = stack.pop()!;
    if (!node.range || !(isMap(node) || isSeq(node))) continue;
    const end = Math.max(startOffset, node.range[1] - 1);
    // Only what spans lines folds (the next line break from the start is before the end).
    const lineBreak = text.indexOf('\n', startOffset);
    if (node !== root && lineBreak !== -1 && lineBreak < end) spans.push(startOffset, end);
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
  return spans;
}
