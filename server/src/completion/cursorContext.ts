import type { PathSegment } from '../document/yamlTree';
import { closingQuote, trailingRun } from '../document/linearText';
import { keysBelow, mappingAt, type BlockPlace } from './blockAncestry';
import { flowAtCursor } from './flowContext';
import type { TextLines } from '../document/textLines';

/**
 * What the person is typing at the cursor, inferred from the text (see blockAncestry.ts for why not the tree):
 * a key of some mapping, or the value of some key, with the word to replace.
 */
export interface CursorContext {
  /** `key`: a key of the mapping at `path`; `value`: the value at `path` (its last step is the key or index). */
  readonly position: 'key' | 'value';
  readonly path: PathSegment[];
  /** The word being typed, relative to the document: [start, end) is replaced by the chosen item. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** What is typed before the cursor in that word. */
  readonly typed: string;
  readonly style: 'block' | 'flow';
  /** Keys the mapping already has (key position), the one at the cursor left out. */
  readonly presentKeys: ReadonlySet<string>;
  /**
   * The one-line scalar values of the mapping's other keys (block style; empty in flow style): what an offer
   * depends on in the same mapping, such as an init container's `restartPolicy` or a container's `image`.
   */
  readonly presentValues: ReadonlyMap<string, string>;
  /** Column where the key starts (block style): nested lines are indented relative to it. */
  readonly column: number;
  /** Block key position right after `- `: the mapping is a new item of a sequence. */
  readonly itemStart: boolean;
  /** Key position with a `:` already after the word: insert the name only. */
  readonly hasColon: boolean;
  /** Value position right after `key:` with no space: an inserted value needs one. */
  readonly needsSpace: boolean;
  /** The line holds nothing but the cursor's word (and dashes): a multi-line insertion fits. */
  readonly lineIsOpen: boolean;
  /**
   * Spaces every item puts before its text: the cursor sits at the dash column of the item begun on the line above
   * (where an editor leaves it after Enter), and the item's keys go at its key column, `column`.
   */
  readonly lead?: string;
}

/** A character of the word completion replaces (`[A-Za-z0-9_.\-/]`). */
function isWordCharacter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '.' || c === '-' || c === '/';
}
const WORD_AFTER = /^[A-Za-z0-9_.\-/]*/;

/** The context at `offset` (relative to the document) of a document's lines. */
export function contextInText(lines: TextLines, offset: number): CursorContext | undefined {
  const text = lines.text;
  const lineIndex = lines.lineAt(offset);
  const lineStart = lines.starts[lineIndex];
  const lineEnd = lines.endOf(lineIndex);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return undefined; // in a comment

  const flow = flowAtCursor(lines, offset);
  if (flow) return flowContext(lines, offset, flow);

  const shape = lines.shape(lineIndex);
  const rest = before.slice(Math.min(before.length, shape.contentColumn));
  const wordAfter = WORD_AFTER.exec(after)![0];

  // Key position: only a word (maybe nothing) after the indentation and dashes.
  if (/^[A-Za-z0-9_.\-/]*$/.test(rest) && before.length >= shape.contentColumn) {
    const itemStart = shape.dashes.length > 0;
    // A dash just typed, no space yet: the item's key column is not known until the space comes.
    if (itemStart && before.endsWith('-')) return undefined;
    // On a blank line the cursor's column is the key's column; else the word's.
    const blankLine = rest === '' && !itemStart && after.trim() === '';
    const cursorColumn = blankLine ? before.length : shape.contentColumn;
    const dashes = itemStart ? shape.dashes : [];
    const atColumn = mappingAt(lines, lineIndex, cursorColumn, dashes);
    const begun = blankLine && atColumn ? itemBegunAbove(lines, lineIndex, cursorColumn, atColumn.path) : undefined;
    const place = begun?.place ?? atColumn;
    const column = begun?.keyColumn ?? cursorColumn;
    if (!place) return undefined;
    const keys = new Set(place.keys);
    const values = new Map(place.values);
    keysBelow(lines, lineIndex, column, keys, values);
    const replaceStart = offset - rest.length;
    const afterWord = after.slice(wordAfter.length);
    return {
      position: 'key',
      path: place.path,
      replaceStart,
      replaceEnd: offset + wordAfter.length,
      typed: rest,
      style: 'block',
      presentKeys: keys,
      presentValues: values,
      column,
      itemStart,
      hasColon: /^\s*:/.test(afterWord),
      needsSpace: false,
      lineIsOpen: afterWord.trim() === '',
      lead: begun ? ' '.repeat(column - cursorColumn) : undefined,
    };
  }

  // Value position: `key: typed`.
  if (shape.key !== undefined && shape.keyColumn !== undefined) {
    const colon = keyColonEnd(before, shape.keyColumn);
    if (colon === undefined) return undefined;
    const valueText = before.slice(colon);
    const leading = valueText.length - valueText.trimStart().length;
    let typed = valueText.slice(leading);
    let start = lineStart + colon + leading;
    if (typed.startsWith('"') || typed.startsWith("'")) {
      typed = typed.slice(1);
      start++;
    }
    // A value with spaces or a comment is prose (a command, a description), not a word to complete.
    if (/[\s#]/.test(typed)) return undefined;
    const place = mappingAt(lines, lineIndex, shape.keyColumn, shape.dashes);
    if (!place) return undefined;
    const values = new Map(place.values);
    keysBelow(lines, lineIndex, shape.keyColumn, new Set(), values);
    return {
      position: 'value',
      path: [...place.path, shape.key],
      replaceStart: start,
      replaceEnd: offset + wordAfter.length,
      typed,
      style: 'block',
      presentKeys: new Set(),
      presentValues: values,
      column: shape.keyColumn,
      itemStart: false,
      hasColon: false,
      needsSpace: leading === 0,
      lineIsOpen: after.slice(wordAfter.length).trim() === '',
    };
  }

  // A scalar item of a sequence: `- typed` that reads as no key.
  if (shape.dashes.length) {
    const typed = trailingRun(rest, isWordCharacter);
    const place = mappingAt(lines, lineIndex, shape.contentColumn, shape.dashes);
    if (!place) return undefined;
    return {
      position: 'value',
      path: place.path,
      replaceStart: offset - typed.length,
      replaceEnd: offset + wordAfter.length,
      typed,
      style: 'block',
      presentKeys: new Set(),
      presentValues: new Map(),
      column: shape.contentColumn,
      itemStart: false,
      hasColon: false,
      needsSpace: false,
      lineIsOpen: false,
    };
  }
  return undefined;
}

/** The offset within `before` just past the `:` that ends the key starting at `keyColumn`. */
function keyColonEnd(before: string, keyColumn: number): number | undefined {
  // One pass (a lazy `[^:#]*?[ \t]*:` retried every space of a long run: quadratic): a quoted key ends at its
  // closing quote and must be followed by blanks and `:`; otherwise the key is all before the first `:`, if no `#`
  // comes first.
  const quote = before[keyColumn];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(before, keyColumn);
    if (close !== undefined) {
      let i = close + 1;
      while (before[i] === ' ' || before[i] === '\t') i++;
      if (before[i] === ':') return i + 1;
    }
  }
  for (let i = keyColumn; i < before.length; i++) {
    if (before[i] === '#') return undefined;
    if (before[i] === ':') return i + 1;
  }
  return undefined;
}

function flowContext(lines: TextLines, offset: number, flow: ReturnType<typeof flowAtCursor> & object): CursorContext | undefined {
  const origin = lines.shape(flow.originLine);
  let path: PathSegment[];
  if (origin.key !== undefined) {
    const place = mappingAt(lines, flow.originLine, origin.keyColumn!, origin.dashes);
    if (!place) return undefined;
    path = [...place.path, origin.key];
  } else if (origin.dashes.length) {
    const place = mappingAt(lines, flow.originLine, origin.contentColumn, origin.dashes);
    if (!place) return undefined;
    path = place.path;
  } else {
    path = [];
  }
  const frames = flow.frames;
  for (let i = 0; i < frames.length - 1; i++) {
    const f = frames[i];
    if (f.open === '[') path.push(f.items);
    else if (f.key !== undefined) path.push(f.key);
    else return undefined;
  }
  const inner = frames[frames.length - 1];
  const text = lines.text;
  let entry = text.slice(inner.entryStart, offset);
  let start = inner.entryStart;
  if (inner.afterColon) {
    const colon = entry.lastIndexOf(':');
    start += colon + 1;
    entry = entry.slice(colon + 1);
  }
  let trimmed = entry.trimStart();
  start += entry.length - trimmed.length;
  // The entry can begin lines above the cursor (a comment line, a finished nested collection): what is typed is
  // on the cursor's line, and an editor drops an item whose edit range spans lines.
  const cursorLineStart = lines.starts[lines.lineAt(offset)];
  if (start < cursorLineStart) {
    trimmed = text.slice(cursorLineStart, offset).trimStart();
    start = offset - trimmed.length;
  }
  let typed = trimmed;
  if (typed.startsWith('"') || typed.startsWith("'")) {
    typed = typed.slice(1);
    start++;
  }
  const wordAfter = WORD_AFTER.exec(text.slice(offset, Math.min(text.length, offset + 200)))![0];
  const common = {
    presentValues: new Map<string, string>(),
    replaceStart: start,
    replaceEnd: offset + wordAfter.length,
    typed,
    style: 'flow' as const,
    column: 0,
    itemStart: false,
    needsSpace: false,
    lineIsOpen: false,
  };
  if (inner.open === '{' && !inner.afterColon) {
    const keys = new Set(inner.keys);
    return { ...common, position: 'key', path, presentKeys: keys, hasColon: /^[A-Za-z0-9_.\-/]*\s*:/.test(text.slice(offset, offset + 200)) };
  }
  const last = inner.open === '{' ? inner.key! : inner.items;
  return { ...common, position: 'value', path: [...path, last], presentKeys: new Set(), hasColon: false, needsSpace: inner.open === '{' && entry.length > 0 && !/^\s/.test(entry) };
}

/**
 * The item the cursor continues when it sits, on a blank line, at the dash column of an item begun on the line above
 * (`- name: x`, then Enter: an editor keeps that line's indentation): its mapping and its key column. Only where the
 * dash is deeper than the key holding the list (`atColumn` is the list itself): in a compact list (the dash at its
 * key's column) a key at that column belongs to the mapping holding the list, and stays so.
 */
function itemBegunAbove(lines: TextLines, lineIndex: number, column: number, atColumn: readonly PathSegment[]): { place: BlockPlace; keyColumn: number } | undefined {
  let above = lineIndex - 1;
  while (above >= 0 && lines.shape(above).blank) above--;
  if (above < 0) return undefined;
  const s = lines.shape(above);
  const dash = s.dashes[s.dashes.length - 1];
  // The item's first key with its value on the line: a key with nothing after it opens a block, indented deeper.
  if (dash !== column || s.key === undefined || s.keyColumn === undefined || (s.value !== 'scalar' && s.value !== 'flow')) return undefined;
  const place = mappingAt(lines, lineIndex, s.keyColumn, []);
  const index = place?.path[place.path.length - 1];
  if (!place || typeof index !== 'number' || place.path.length !== atColumn.length + 1 || !atColumn.every((step, i) => place.path[i] === step)) return undefined;
  return { place, keyColumn: s.keyColumn };
}
