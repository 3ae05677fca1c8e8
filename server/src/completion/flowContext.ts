import type { TextLines } from '../document/textLines';
import { unquote } from '../document/lineShape';

/**
 * Flow collections (`{a: 1, b: [x, y]}`) around a cursor, found by scanning the text forward: block lines are
 * only glanced at (a flow collection can start only as a value), flow text is read character by character with
 * quotes and comments skipped. Works on unfinished text: an unclosed `{` is still open at the cursor.
 */
export interface FlowFrame {
  readonly open: '{' | '[';
  /** Offset of the opening character. */
  readonly start: number;
  /** Keys written so far (mapping). */
  readonly keys: string[];
  /** The key of the entry being written, once its `:` is seen (mapping). */
  key?: string;
  afterColon: boolean;
  /** Items before the current one (sequence). */
  items: number;
  /** Offset where the current entry's text begins. */
  entryStart: number;
}

export interface FlowAtCursor {
  /** Open collections at the cursor, outermost first. */
  readonly frames: FlowFrame[];
  /** The block line where the outermost collection opened. */
  readonly originLine: number;
}

export function flowAtCursor(lines: TextLines, cursor: number): FlowAtCursor | undefined {
  const text = lines.text;
  const cursorLine = lines.lineAt(cursor);
  for (let i = 0; i <= cursorLine; i++) {
    const start = lines.starts[i];
    const end = lines.endOf(i);
    const open = firstOpener(text, start, end);
    if (open === -1) continue;
    const shape = lines.shape(i);
    if (shape.value !== 'flow' || shape.marker) continue;
    const scan = scanFlow(text, open, cursor);
    if (scan.atCursor) {
      collectLaterKeys(text, cursor, scan.atCursor[scan.atCursor.length - 1]);
      return { frames: scan.atCursor, originLine: i };
    }
    // The collection closed (or ran to the end): go on after the line where it ended.
    if (scan.end >= cursor) return undefined;
    i = lines.lineAt(scan.end);
  }
  return undefined;
}

function firstOpener(text: string, start: number, end: number): number {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 123 /* { */ || c === 91 /* [ */) return p;
    if (c === 35 /* # */) return -1;
  }
  return -1;
}

interface Scan {
  /** Offset where the outermost collection closed (or the text ended). */
  readonly end: number;
  /** The open collections when the scan reached the cursor inside them. */
  readonly atCursor?: FlowFrame[];
}

function scanFlow(text: string, from: number, cursor: number): Scan {
  const stack: FlowFrame[] = [];
  let p = from;
  while (p < text.length) {
    if (p === cursor && stack.length) return { end: p, atCursor: stack.map((f) => ({ ...f, keys: [...f.keys] })) };
    const c = text[p];
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      stack.push({ open: c, start: p, keys: [], afterColon: false, items: 0, entryStart: p + 1 });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return { end: p + 1 };
    } else if (c === ',' && top) {
      if (top.open === '[') top.items++;
      top.key = undefined;
      top.afterColon = false;
      top.entryStart = p + 1;
    } else if (c === ':' && top?.open === '{' && !top.afterColon && endsToken(text[p + 1])) {
      top.key = unquote(text.slice(top.entryStart, p).trim());
      top.keys.push(top.key);
      top.afterColon = true;
    } else if ((c === '"' || c === "'") && top && text.slice(top.entryStart, p).trim().replace(/^.*:\s*$/, '') === '') {
      const close = closingQuote(text, p, c);
      if (close === -1 || close >= cursor) {
        if (cursor > p && stack.length) return { end: cursor, atCursor: stack.map((f) => ({ ...f, keys: [...f.keys] })) };
        return { end: text.length };
      }
      p = close + 1;
      continue;
    } else if (c === '#' && (p === 0 || /\s/.test(text[p - 1]))) {
      const eol = text.indexOf('\n', p);
      if (eol === -1 || (cursor > p && cursor <= eol)) return { end: eol === -1 ? text.length : eol };
      p = eol;
      continue;
    }
    p++;
  }
  if (p === cursor && stack.length) return { end: p, atCursor: stack.map((f) => ({ ...f, keys: [...f.keys] })) };
  return { end: text.length };
}

function endsToken(next: string | undefined): boolean {
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === ',' || next === '}' || next === ']' || next === '{' || next === '[';
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let p = open + 1; p < text.length; p++) {
    const c = text[p];
    if (quote === '"' && c === '\\') {
      p++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && text[p + 1] === "'") {
        p++;
        continue;
      }
      return p;
    }
    if (c === '\n' && quote === '"' && text[p + 1] === '\n') return -1;
  }
  return -1;
}

/** Adds to `frame.keys` the keys its mapping has after the cursor, so completion does not offer them again. */
function collectLaterKeys(text: string, cursor: number, frame: FlowFrame): void {
  if (frame.open !== '{') return;
  let depth = 0;
  let entryStart = -1;
  let afterColon = true;
  const limit = Math.min(text.length, cursor + 4000);
  for (let p = cursor; p < limit; p++) {
    const c = text[p];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return;
      depth--;
    } else if (depth === 0 && c === ',') {
      entryStart = p + 1;
      afterColon = false;
    } else if (depth === 0 && c === ':' && !afterColon && entryStart !== -1 && endsToken(text[p + 1])) {
      frame.keys.push(unquote(text.slice(entryStart, p).trim()));
      afterColon = true;
    }
  }
}
