import { isMap, isPair, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { columnOf } from './lineBreaks';

/**
 * Where a node's written text begins and ends, for edits placed beside it. The parse's ranges run over what
 * follows a block node (line breaks, comments), so an insertion after a node needs its last written character.
 */

/**
 * The offset just past the last character of a node's content. A block collection's range runs over the line
 * breaks (and comments) after it, and a block scalar's (`|`, `>`) over its trailing line breaks; an insertion
 * after the node belongs right after its last written character instead.
 */
export function contentEnd(text: string, node: Node): number {
  let current: unknown = node;
  let end: number | undefined;
  for (let depth = 0; depth < 300 && end === undefined; depth++) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last = current.items[current.items.length - 1];
      if (isPair(last)) {
        const value = last.value as Node | null;
        if (value?.range && value.range[1] > value.range[0]) current = value;
        else end = (last.key as Node).range![1];
      } else current = last;
      continue;
    }
    end = (current as Node).range![1];
  }
  end ??= (current as Node).range![1];
  const start = node.range![0];
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The end of a pair's content: its value's, or its key's when the value is empty. */
export function pairEnd(text: string, pair: Pair): number {
  const value = pair.value as Node | null;
  if (value && value.range && value.range[1] > value.range[0]) return contentEnd(text, value);
  // `key:` with no value: past the colon.
  return (pair.key as Node).range![1];
}

/** The column of the `-` that introduces a block sequence item, when the item starts on its dash's line. */
export function dashColumn(text: string, item: Node | null | undefined): number | undefined {
  if (!item?.range) return undefined;
  let at = item.range[0] - 1;
  while (at >= 0 && text[at] === ' ') at--;
  return text[at] === '-' ? columnOf(text, at) : undefined;
}

/** The column of a block mapping's keys. */
export function keyColumn(text: string, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? columnOf(text, first.range[0]) : undefined;
}
