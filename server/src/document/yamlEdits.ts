import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyName } from './yamlTree';
import { withoutComment } from './linearText';
import { appendBlockLines, appendPairLines } from './collectionInserts';
import { flowEntryEnd, flowEntryStart, insertIntoFlow } from './flowWriter';
import type { IndentStyle } from '../document/indentStyle';
import { columnOf, indentationOf, lineBreakOf, lineEnd, lineStart, nextLineStart, opensLine } from './lineBreaks';
import { contentEnd, dashColumn, keyColumn, pairEnd } from './nodeExtent';
import type { Edit } from './textEdit';

/**
 * The edits that change what is written, beside the insertions of collectionInserts.ts: rename and quote
 * scalars, remove pairs and items, move and merge pairs between mappings. Computed on a document's original text
 * from the nodes of its parse; every edit touches only the lines it must, so the person's comments, key order and
 * indentation stay as written.
 *
 * Offsets are relative to the document, like every node range. Nothing here parses YAML: the nodes come from the
 * document's one parse, and the text around them is read character by character.
 */

/** True when only spaces stand before `offset` on its line, and at least one `- ` (a sequence item's first key). */
function onDashLine(text: string, offset: number): boolean {
  return /^[ \t]*(- +)+$/.test(text.slice(lineStart(text, offset), offset));
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
  const start = flowEntryStart(items[index]);
  const end = flowEntryEnd(items[index]);
  if (start === undefined || end === undefined) return undefined;
  if (index + 1 < items.length) {
    const next = flowEntryStart(items[index + 1]);
    return next === undefined ? undefined : { start, end: next, newText: '' };
  }
  if (index > 0) {
    const previous = flowEntryEnd(items[index - 1]);
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
  if (inFlow) return { lines: [text.slice(key.range[0], flowEntryEnd(pair))] };
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
      const [s, e] = [flowEntryStart(source.items[0])!, flowEntryEnd(source.items[source.items.length - 1])!];
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
  const eol = lineBreakOf(text);
  const wholeLines = removal.newText === '' && lineStart(text, removal.start) === removal.start;
  if (!wholeLines || !insertion.newText.startsWith(eol) || text.slice(insertion.start, removal.end).trim() !== '') return undefined;
  const body = insertion.newText.slice(eol.length);
  return [{ start: removal.start, end: removal.end, newText: body + text.slice(insertion.start, removal.end) }];
}
