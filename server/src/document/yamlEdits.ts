import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyName } from './yamlTree';
import { withoutComment } from './linearText';

/**
 * The edit toolkit of the quick fixes: text edits computed on a document's original text from the nodes of its
 * parse. Every edit touches only the lines it must, so the person's comments, key order and indentation stay as
 * written; new text is written in the document's own indentation style.
 *
 * Offsets are relative to the document, like every node range. Nothing here parses YAML: the nodes come from the
 * document's one parse, and the text around them is read character by character.
 */

/** A replacement of [start, end) of the document's text by `newText`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** How a document indents: spaces per level, and whether a sequence's dashes sit deeper than its key. */
export interface IndentStyle {
  readonly unit: number;
  /** `containers:` / `  - name:` (true) rather than `containers:` / `- name:` (false, kubectl's habit). */
  readonly indentedSequences: boolean;
}

/** A value to write: scalars as given (already YAML text), lists, and mappings in insertion order. */
export type YamlValue = string | readonly YamlValue[] | { readonly [key: string]: YamlValue };

// ---------------------------------------------------------------------------------------------------------------
// Lines and columns

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the newline that ends the line holding `offset` (or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  const end = at === -1 ? text.length : at;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** Just past the newline that ends the line holding `offset` (the next line's start). */
function nextLineStart(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at === -1 ? text.length : at + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The line's indentation: the spaces before its first other character. */
export function indentationOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** True when only spaces stand before `offset` on its line (the node opens its line). */
function opensLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** True when only spaces stand before `offset` on its line, and at least one `- ` (a sequence item's first key). */
function onDashLine(text: string, offset: number): boolean {
  return /^[ \t]*(- +)+$/.test(text.slice(lineStart(text, offset), offset));
}

/** The line break the document uses. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Where nodes end

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

// ---------------------------------------------------------------------------------------------------------------
// Indentation style

/** Reads the document's habits from its block collections; the majority wins, 2 and indented when unsure. */
export function indentStyleOf(text: string, root: Node | null): IndentStyle {
  const units = new Map<number, number>();
  let compact = 0;
  let indented = 0;
  const stack: unknown[] = root ? [root] : [];
  let visited = 0;
  // The habit shows in the first few hundred collections; a huge document need not be walked to the end.
  while (stack.length && visited++ < 500) {
    const node = stack.pop();
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range || !value?.range) continue;
        const keyColumn = columnOf(text, key.range[0]);
        if (isMap(value) && !value.flow && value.items.length) {
          const first = value.items[0].key as Node | null;
          if (first?.range && opensLine(text, first.range[0])) {
            const delta = columnOf(text, first.range[0]) - keyColumn;
            if (delta > 0) units.set(delta, (units.get(delta) ?? 0) + 1);
          }
        } else if (isSeq(value) && !value.flow && value.items.length) {
          const dash = dashColumn(text, value.items[0] as Node);
          if (dash === keyColumn) compact++;
          else if (dash !== undefined && dash > keyColumn) {
            indented++;
            units.set(dash - keyColumn, (units.get(dash - keyColumn) ?? 0) + 1);
          }
        }
        stack.push(value);
      }
    } else if (isSeq(node) && !node.flow) {
      for (const item of node.items) stack.push(item);
    }
  }
  let unit = 2;
  let best = 0;
  for (const [delta, count] of units) {
    if (delta <= 8 && (count > best || (count === best && delta < unit))) {
      unit = delta;
      best = count;
    }
  }
  return { unit, indentedSequences: indented >= compact };
}

/** The column of the `-` that introduces a block sequence item, when the item starts on its dash's line. */
export function dashColumn(text: string, item: Node | null | undefined): number | undefined {
  if (!item?.range) return undefined;
  let at = item.range[0] - 1;
  while (at >= 0 && text[at] === ' ') at--;
  return text[at] === '-' ? columnOf(text, at) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing values

/** Lines of `key: value` at `column` (block style; lists of scalars stay block items too). */
export function pairLines(key: string, value: YamlValue, column: number, style: IndentStyle): string[] {
  const pad = ' '.repeat(column);
  if (typeof value === 'string') return [`${pad}${key}: ${value}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}${key}: []`];
    const dash = style.indentedSequences ? column + style.unit : column;
    return [`${pad}${key}:`, ...(value as YamlValue[]).flatMap((item) => itemLines(item, dash, style))];
  }
  const entries = Object.entries(value as Record<string, YamlValue>);
  if (entries.length === 0) return [`${pad}${key}: {}`];
  return [`${pad}${key}:`, ...entries.flatMap(([k, v]) => pairLines(k, v, column + style.unit, style))];
}

/** Lines of a sequence item with its dash at `column`. */
export function itemLines(value: YamlValue, column: number, style: IndentStyle): string[] {
  const pad = ' '.repeat(column);
  if (typeof value === 'string') return [`${pad}- ${value}`];
  if (Array.isArray(value)) return [`${pad}- ${flowText(value)}`];
  const entries = Object.entries(value as Record<string, YamlValue>);
  if (entries.length === 0) return [`${pad}- {}`];
  const lines = entries.flatMap(([k, v]) => pairLines(k, v, column + 2, style));
  return [`${pad}- ${lines[0].trimStart()}`, ...lines.slice(1)];
}

/** A value on one line, in flow style. */
export function flowText(value: YamlValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${(value as YamlValue[]).map(flowText).join(', ')}]`;
  return `{${Object.entries(value as Record<string, YamlValue>).map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Scalars

const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const RESERVED_PLAIN = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** `value` as a scalar in the quoting style of `like` (plain when plain is safe, else double-quoted). */
export function scalarLiteral(value: string, like?: Scalar): string {
  switch (like?.type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    case 'QUOTE_SINGLE':
      return `'${value.replace(/'/g, "''")}'`;
    default:
      return PLAIN_SAFE.test(value) && !RESERVED_PLAIN.test(value) ? value : JSON.stringify(value);
  }
}

/** Replaces a scalar (a key or a value) by `value`, keeping its quoting style. */
export function renameScalar(node: Scalar, value: string): Edit {
  const [start, end] = node.range!;
  return { start, end, newText: scalarLiteral(value, node) };
}

/** Double-quotes a plain scalar as written: `8080` becomes `"8080"`. */
export function quoteScalar(text: string, node: Scalar): Edit {
  const [start, end] = node.range!;
  return { start, end, newText: JSON.stringify(text.slice(start, end)) };
}

/** Writes a quoted scalar without its quotes: `"8080"` becomes `8080`. Only for values that read back the same. */
export function unquoteScalar(node: Scalar): Edit {
  const [start, end] = node.range!;
  return { start, end, newText: String(node.value) };
}

// ---------------------------------------------------------------------------------------------------------------
// Inserting

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
  const eol = eolOf(text);
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
  const eol = eolOf(text);
  return { start: at, end: at, newText: pairLines(key, value, column, style).join(eol) + eol };
}

/** Gives an empty `key:` a block mapping or list as its value, one level deeper than the key. */
export function fillEmptyPair(text: string, pair: Pair, value: YamlValue, style: IndentStyle): Edit | undefined {
  const key = pair.key as Node | null;
  if (!key?.range || (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))) return undefined;
  const column = columnOf(text, key.range[0]);
  const lines = pairLines('x', value, column, style).slice(1);
  if (lines.length === 0) return undefined;
  const at = lineEnd(text, key.range[1]);
  const eol = eolOf(text);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** Adds an item to a sequence: after its last item at the same dash column (block), or before `]` (flow). */
export function insertItem(text: string, seq: YAMLSeq, value: YamlValue, style: IndentStyle): Edit | undefined {
  if (!seq.range) return undefined;
  if (seq.flow) return insertIntoFlow(text, seq, flowText(value), false);
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  const dash = dashColumn(text, last);
  if (dash === undefined || !last) return undefined;
  const at = lineEnd(text, contentEnd(text, last));
  const eol = eolOf(text);
  return { start: at, end: at, newText: eol + itemLines(value, dash, style).join(eol) };
}

/** Inserts raw block lines (already indented) after the last item of a block sequence. */
export function appendBlockLines(text: string, seq: YAMLSeq, lines: readonly string[]): Edit | undefined {
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow || !last?.range || lines.length === 0) return undefined;
  const at = lineEnd(text, contentEnd(text, last));
  const eol = eolOf(text);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

function insertIntoFlow(text: string, collection: YAMLMap | YAMLSeq, entry: string, first: boolean): Edit | undefined {
  const [start, end] = collection.range!;
  const close = text.lastIndexOf(isMap(collection) ? '}' : ']', end);
  if (close < start) return undefined;
  if (collection.items.length === 0) {
    // `{}` or `[ ]`: the entry goes between the brackets.
    return { start: start + 1, end: close, newText: entry };
  }
  if (first) {
    const at = itemStart(collection.items[0]);
    return at === undefined ? undefined : { start: at, end: at, newText: `${entry}, ` };
  }
  const at = itemEnd(collection.items[collection.items.length - 1]);
  return at === undefined ? undefined : { start: at, end: at, newText: `, ${entry}` };
}

function itemStart(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0];
  return (item as Node | null)?.range?.[0];
}

function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) return (item.value as Node | null)?.range?.[1] ?? (item.key as Node | null)?.range?.[1];
  return (item as Node | null)?.range?.[1];
}

// ---------------------------------------------------------------------------------------------------------------
// Removing

/**
 * Removes a pair from its mapping with its lines (block), or with its comma (flow). The first pair of a sequence
 * item (`- volumes: ...`) leaves the dash to the next pair; an item left with no pair becomes `{}`.
 */
export function removePair(text: string, map: YAMLMap, pair: Pair): Edit | undefined {
  const index = map.items.indexOf(pair);
  const key = pair.key as Node | null;
  if (index === -1 || !key?.range) return undefined;
  if (map.flow) return removeFromFlow(text, map.items, index);
  const start = key.range[0];
  if (onDashLine(text, start)) {
    const next = map.items[index + 1]?.key as Node | undefined;
    if (next?.range) return { start, end: next.range[0], newText: '' };
    return { start, end: pairEnd(text, pair), newText: '{}' };
  }
  if (!opensLine(text, start)) return undefined;
  return { start: lineStart(text, start), end: nextLineStart(text, pairEnd(text, pair)), newText: '' };
}

/** Removes an item from its sequence with its lines (block) or its comma (flow). */
export function removeItem(text: string, seq: YAMLSeq, item: Node): Edit | undefined {
  const index = seq.items.indexOf(item);
  if (index === -1 || !item.range) return undefined;
  if (seq.flow) return removeFromFlow(text, seq.items, index);
  const dash = dashColumn(text, item);
  if (dash === undefined) return undefined;
  const start = lineStart(text, item.range[0]);
  // The item's dash must open its line: `- - a` (an item of an item) is not removed line-wise.
  if (indentationOf(text, item.range[0]).length !== dash) return undefined;
  return { start, end: nextLineStart(text, contentEnd(text, item)), newText: '' };
}

function removeFromFlow(text: string, items: readonly unknown[], index: number): Edit | undefined {
  const start = itemStart(items[index]);
  const end = itemEnd(items[index]);
  if (start === undefined || end === undefined) return undefined;
  if (index + 1 < items.length) {
    const next = itemStart(items[index + 1]);
    return next === undefined ? undefined : { start, end: next, newText: '' };
  }
  if (index > 0) {
    const previous = itemEnd(items[index - 1]);
    return previous === undefined ? undefined : { start: previous, end, newText: '' };
  }
  return { start, end, newText: '' };
}

// ---------------------------------------------------------------------------------------------------------------
// Moving

/** The text of a block pair or item, as lines whose indentation is relative to its first line's column. */
export interface Block {
  /** Lines after the first keep their indentation minus the first line's column (never below 0). */
  readonly lines: readonly string[];
  /** For an item: the spaces its author puts after the dash (`-   name:` has 3); 1 when unknown. */
  readonly gap?: number;
}

/** The lines of a pair (key through the end of its value), as written, made relative to the key's column. */
export function pairBlock(text: string, pair: Pair, inFlow = false): Block | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  if (inFlow) return { lines: [text.slice(key.range[0], itemEnd(pair))] };
  return blockFrom(text, key.range[0], pairEnd(text, pair));
}

/** The lines of a sequence item (without its dash), made relative to the item's column. */
export function itemBlock(text: string, item: Node, inFlow = false): Block | undefined {
  if (!item.range) return undefined;
  if (inFlow) return { lines: [text.slice(item.range[0], item.range[1])] };
  const dash = dashColumn(text, item);
  const gap = dash === undefined ? 1 : Math.max(1, columnOf(text, item.range[0]) - dash - 1);
  return { ...blockFrom(text, item.range[0], contentEnd(text, item)), gap };
}

function blockFrom(text: string, start: number, end: number): Block {
  const column = columnOf(text, start);
  const raw = text.slice(start, lineEnd(text, end)).split(/\r?\n/);
  const lines = raw.map((line, i) => (i === 0 ? line : dedent(line, column)));
  return { lines };
}

function dedent(line: string, by: number): string {
  let n = 0;
  while (n < by && line[n] === ' ') n++;
  return line.slice(n);
}

/** The block's lines placed at `column` (the first line at `column`, the rest shifted alike). */
export function placeBlock(block: Block, column: number): string[] {
  const pad = ' '.repeat(column);
  return block.lines.map((line) => (line.trim() === '' ? '' : pad + line));
}

/** The block as a sequence item with its dash at `column`. */
export function placeItem(block: Block, column: number): string[] {
  const gap = block.gap ?? 1;
  const lines = placeBlock(block, column + 1 + gap);
  return [`${' '.repeat(column)}-${' '.repeat(gap)}${lines[0].trimStart()}`, ...lines.slice(1)];
}

/** Adds lines to a block mapping after its last pair. */
export function appendPairLines(text: string, map: YAMLMap, lines: readonly string[]): Edit | undefined {
  if (map.flow || map.items.length === 0 || lines.length === 0) return undefined;
  const at = lineEnd(text, contentEnd(text, map));
  const eol = eolOf(text);
  return { start: at, end: at, newText: eol + lines.join(eol) };
}

/** The column of a block mapping's keys. */
export function keyColumn(text: string, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? columnOf(text, first.range[0]) : undefined;
}

/**
 * Moves a pair from one mapping to another: its lines re-indented to the target's keys; when the target already
 * has the key, a list's items are appended to the target's list and a mapping's pairs (of keys it lacks) to the
 * target's mapping. Returns undefined when the move cannot keep both sides valid (flow targets for block values,
 * a scalar on both sides, a key set in both mappings).
 */
export function movePair(text: string, from: YAMLMap, pair: Pair, to: YAMLMap, style: IndentStyle, renameTo?: string): Edit[] | undefined {
  const name = renameTo ?? keyName(pair);
  if (name === undefined) return undefined;
  const removal = removePair(text, from, pair);
  if (!removal) return undefined;
  const existing = to.items.find((p) => keyName(p) === name);
  const insertion = existing ? mergeInto(text, pair, existing) : insertMoved(text, pair, from, to, renameTo);
  if (!insertion) return undefined;
  return combine(removal, insertion, text);
}

/**
 * Moves a pair under keys the target lacks: `privileged` into a container that has no `securityContext` yet
 * becomes `securityContext:` / `  privileged: false` at the end of the container.
 */
export function movePairUnder(text: string, from: YAMLMap, pair: Pair, to: YAMLMap, missing: readonly string[], style: IndentStyle, renameTo?: string): Edit[] | undefined {
  const removal = removePair(text, from, pair);
  const block = renamedBlock(text, pair, pairBlock(text, pair, from.flow), renameTo);
  const column = keyColumn(text, to);
  if (!removal || !block || to.flow || column === undefined || missing.length === 0) return undefined;
  const lines = missing.map((key, i) => `${' '.repeat(column + i * style.unit)}${key}:`);
  lines.push(...placeBlock(block, column + missing.length * style.unit));
  const insertion = appendPairLines(text, to, lines);
  return insertion ? combine(removal, insertion, text) : undefined;
}

/** The block of a pair with its key written as `renameTo` (a typo fixed on the way), quoting kept. */
function renamedBlock(text: string, pair: Pair, block: Block | undefined, renameTo: string | undefined): Block | undefined {
  const key = pair.key as Node | null;
  if (!block || renameTo === undefined) return block;
  if (!isScalar(key) || !key.range) return undefined;
  const written = key.range[1] - key.range[0];
  return { ...block, lines: [scalarLiteral(renameTo, key) + block.lines[0].slice(written), ...block.lines.slice(1)] };
}

function insertMoved(text: string, pair: Pair, from: YAMLMap, to: YAMLMap, renameTo?: string): Edit | undefined {
  const block = renamedBlock(text, pair, pairBlock(text, pair, from.flow), renameTo);
  if (!block) return undefined;
  if (to.flow) {
    if (block.lines.length !== 1) return undefined;
    return insertIntoFlow(text, to, withoutComment(block.lines[0]), false);
  }
  const column = keyColumn(text, to);
  if (column === undefined) return undefined;
  return appendPairLines(text, to, placeBlock(block, column));
}

function mergeInto(text: string, pair: Pair, existing: Pair): Edit | undefined {
  const source = pair.value;
  const target = existing.value;
  if (isSeq(source) && isSeq(target)) {
    if (source.items.length === 0) return { start: 0, end: 0, newText: '' };
    if (target.flow) {
      if (!source.flow) return undefined;
      const [s, e] = [itemStart(source.items[0])!, itemEnd(source.items[source.items.length - 1])!];
      return insertIntoFlow(text, target, text.slice(s, e), false);
    }
    const dash = dashColumn(text, target.items[target.items.length - 1] as Node);
    if (dash === undefined) return undefined;
    const lines: string[] = [];
    for (const item of source.items) {
      const block = itemBlock(text, item as Node, source.flow);
      if (!block) return undefined;
      lines.push(...placeItem(block, dash));
    }
    return appendBlockLines(text, target, lines);
  }
  if (isMap(source) && isMap(target)) {
    const names = new Set(target.items.map((p) => keyName(p)));
    const fresh = source.items.filter((p) => !names.has(keyName(p)));
    if (fresh.length !== source.items.length) return undefined;
    if (target.flow) {
      const entries = fresh.map((p) => pairBlock(text, p, source.flow));
      if (entries.some((b) => !b || b.lines.length !== 1)) return undefined;
      return insertIntoFlow(text, target, entries.map((b) => b!.lines[0]).join(', '), false);
    }
    const column = keyColumn(text, target);
    if (column === undefined) return undefined;
    const lines: string[] = [];
    for (const p of fresh) lines.push(...placeBlock(pairBlock(text, p, source.flow)!, column));
    return appendPairLines(text, target, lines);
  }
  return undefined;
}

/**
 * A removal and an insertion as edits that never overlap. The insertion point can fall inside the removed lines
 * (the moved pair was the last content of the target, as a Pod field in the last container is): then one edit
 * writes the moved lines in place of the removed ones.
 */
export function combine(removal: Edit, insertion: Edit, text: string): Edit[] | undefined {
  if (insertion.start === insertion.end && insertion.newText === '') return [removal];
  if (insertion.start <= removal.start || insertion.start >= removal.end) return [removal, insertion].sort((a, b) => a.start - b.start);
  const eol = eolOf(text);
  const wholeLines = removal.newText === '' && lineStart(text, removal.start) === removal.start;
  if (!wholeLines || !insertion.newText.startsWith(eol) || text.slice(insertion.start, removal.end).trim() !== '') return undefined;
  const body = insertion.newText.slice(eol.length);
  return [{ start: removal.start, end: removal.end, newText: body + text.slice(insertion.start, removal.end) }];
}

// ---------------------------------------------------------------------------------------------------------------
// Applying (tests and fix-all)

/** Applies non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** True when no two edits overlap (an insertion at another edit's boundary is fine). */
export function disjoint(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return false;
  return true;
}
