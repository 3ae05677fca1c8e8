import { isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { itemLines, pairLines } from './blockWriter';
import { flowText, insertIntoFlow, type YamlValue } from './flowWriter';
import type { IndentStyle } from '../document/indentStyle';
import { columnOf, lineBreakOf, lineEnd, lineStart, opensLine } from './lineBreaks';
import { contentEnd, dashColumn } from './nodeExtent';
import type { Edit } from './textEdit';
import { pairOf } from './yamlTree';

/**
 * Adding to what is written: a key to a mapping, an item to a sequence, in the collection's own style (block
 * lines at its column, or a flow entry) and with the document's line break. Each edit only inserts, right after
 * the last written character of what it follows, so comments and key order stay as they are.
 */

/**
 * Adds `key: value` to a mapping: after its last pair (block style, at the column of its keys), or before the
 * closing brace (flow style). `first` puts it before the first pair instead (a container's `name`).
 */
export function insertPair(text: string, map: YAMLMap, key: string, value: YamlValue, style: IndentStyle, first = false): Edit | undefined {
  if (!map.range) return undefined;
  if (map.flow) return insertIntoFlow(text, map, `${key}: ${flowText(value)}`, first);
  const firstKey = map.items[0]?.key as Node | undefined;
  if (!firstKey?.range) return undefined;
  const column = columnOf(text, firstKey.range[0]);
  const lines = pairLines(key, value, column, style);
  const eol = lineBreakOf(text);
  if (first) {
    const at = firstKey.range[0];
    return { start: at, end: at, newText: `${lines.join(eol).slice(column)}${eol}${' '.repeat(column)}` };
  }
  const at = lineEnd(text, contentEnd(text, map));
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** Adds `key: value` to a block mapping on the line before `before`'s key (a selector before the template). */
export function insertPairBefore(text: string, map: YAMLMap, before: Pair, key: string, value: YamlValue, style: IndentStyle): Edit | undefined {
  const beforeKey = before.key as Node | null;
  if (map.flow || !beforeKey?.range || !opensLine(text, beforeKey.range[0])) return insertPair(text, map, key, value, style);
  const column = columnOf(text, beforeKey.range[0]);
  const at = lineStart(text, beforeKey.range[0]);
  const eol = lineBreakOf(text);
  return { start: at, end: at, newText: pairLines(key, value, column, style).join(eol) + eol };
}

/** Gives an empty `key:` a block mapping or list as its value, one level deeper than the key. */
export function fillEmptyPair(text: string, pair: Pair, value: YamlValue, style: IndentStyle): Edit | undefined {
  const key = pair.key as Node | null;
  if (!key?.range || !isEmptyValue(pair)) return undefined;
  const column = columnOf(text, key.range[0]);
  const lines = pairLines('x', value, column, style).slice(1);
  if (lines.length === 0) return undefined;
  const at = lineEnd(text, key.range[1]);
  const eol = lineBreakOf(text);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** Adds an item to a sequence: after its last item at the same dash column (block), or before `]` (flow). */
export function insertItem(text: string, seq: YAMLSeq, value: YamlValue, style: IndentStyle): Edit | undefined {
  if (!seq.range) return undefined;
  if (seq.flow) return insertIntoFlow(text, seq, flowText(value));
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  const dash = dashColumn(text, last);
  if (dash === undefined || !last) return undefined;
  return appendBlockLines(text, seq, itemLines(value, dash, style));
}

/**
 * Adds an item to the list under `key` of a mapping, whatever is written there: after the list's last item, as
 * the value of an empty `key:`, or as a new `key:` with the one item (after the mapping's last pair, or on the
 * line before `before`'s key when given). Undefined when the key holds something else than a list.
 */
export function insertListItem(text: string, map: YAMLMap, key: string, item: YamlValue, style: IndentStyle, before?: Pair): Edit | undefined {
  const pair = pairOf(map, key);
  if (!pair) return before ? insertPairBefore(text, map, before, key, [item], style) : insertPair(text, map, key, [item], style);
  if (isSeq(pair.value) && (pair.value.items.length > 0 || pair.value.flow)) return insertItem(text, pair.value, item, style);
  if (isEmptyValue(pair)) return fillEmptyPair(text, pair, [item], style);
  return undefined;
}

/** Inserts raw block lines (already indented) after the last item of a block sequence. */
export function appendBlockLines(text: string, seq: YAMLSeq, lines: readonly string[]): Edit | undefined {
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow || !last?.range || lines.length === 0) return undefined;
  const at = lineEnd(text, contentEnd(text, last));
  const eol = lineBreakOf(text);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** Adds lines to a block mapping after its last pair. */
export function appendPairLines(text: string, map: YAMLMap, lines: readonly string[]): Edit | undefined {
  if (map.flow || map.items.length === 0 || lines.length === 0) return undefined;
  const at = lineEnd(text, contentEnd(text, map));
  const eol = lineBreakOf(text);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** `key:` with nothing after it (or `~`, `null`). */
function isEmptyValue(pair: Pair): boolean {
  return pair.value === null || (isScalar(pair.value) && pair.value.value === null);
}
