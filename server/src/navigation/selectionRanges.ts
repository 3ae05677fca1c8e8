import { isPair, type Node } from 'yaml';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { documentAt } from '../document/manifestFile';
import { locate } from '../document/yamlTree';
import type { ParsedSource } from '../core/featureRequest';

/**
 * Smart select: from the value under the cursor outwards by YAML node: the value, its `key: value` pair, the
 * mapping or list that holds it (a container, its ports), that one's pair, ... up to the whole document.
 */
export function selectionRanges(source: ParsedSource, positions: readonly Position[]): SelectionRange[] {
  const { textDocument, file } = source;
  return positions.map((position) => {
    const offset = textDocument.offsetAt(position);
    const point: SelectionRange = { range: { start: position, end: position } };
    if (file.tooLarge) return point;
    const doc = documentAt(file, offset);
    if (!doc?.root) return point;
    const at = locate(doc.root, offset - doc.offset);
    if (!at) return point;
    // Spans from the innermost outwards, each strictly larger than the one inside it.
    const spans: [number, number][] = [];
    const text = doc.text;
    const push = (start: number | undefined, rawEnd: number | undefined) => {
      if (start === undefined || rawEnd === undefined) return;
      // A block collection's range runs to the start of the line after it: select up to its last character.
      let end = rawEnd;
      while (end > start && /\s/.test(text[end - 1])) end--;
      const last = spans[spans.length - 1];
      if (last && start === last[0] && end === last[1]) return;
      if (last && (start > last[0] || end < last[1])) return;
      spans.push([start, end]);
    };
    if (at.node?.range) push(at.node.range[0], at.node.range[1]);
    if (at.pair) push((at.pair.key as Node | null)?.range?.[0], pairEnd(at.pair));
    for (let i = at.parents.length - 1; i >= 0; i--) {
      const parent = at.parents[i];
      push(parent.range?.[0], parent.range?.[1]);
      const holder = i > 0 ? at.parents[i - 1] : undefined;
      // The pair whose value is this collection (`containers: [...]`), when the collection sits under a key.
      const pair = holder && (holder as { items?: unknown[] }).items?.find((p) => isPair(p) && p.value === parent);
      if (pair && isPair(pair)) push((pair.key as Node | null)?.range?.[0], pairEnd(pair));
    }
    push(doc.start - doc.offset, doc.end - doc.offset);
    let result: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) {
      const [start, end] = spans[i];
      const range: Range = { start: textDocument.positionAt(doc.offset + start), end: textDocument.positionAt(doc.offset + end) };
      result = { range, parent: result };
    }
    return result ?? point;
  });
}

function pairEnd(pair: { key: unknown; value: unknown }): number | undefined {
  const value = pair.value as Node | null;
  return value?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
}
