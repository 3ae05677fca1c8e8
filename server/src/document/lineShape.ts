/**
 * The shape of one line of block YAML, read from its text alone: indentation, sequence dashes, and a `key:` with
 * what follows it. Completion needs this because the line being typed is often not valid YAML yet, so the parse
 * tree has no node for it; the text still says where the person is.
 */
import { closingQuote, withoutComment } from './linearText';

export interface LineShape {
  /** Leading spaces. */
  readonly indent: number;
  /** Columns of the `- ` item markers at the start of the line, outermost first. */
  readonly dashes: readonly number[];
  /** Column of the first character after the indentation and the dashes. */
  readonly contentColumn: number;
  /** True for a line with nothing but spaces or a comment. */
  readonly blank: boolean;
  /** A `---` or `...` line. */
  readonly marker: boolean;
  /** The key of a `key:` on this line, unquoted. */
  readonly key?: string;
  readonly keyColumn?: number;
  /**
   * What follows `key:` (or a dash): nothing (a nested block follows), a scalar, a block scalar (`|`, `>`), or a
   * flow collection. Anchors and tags alone count as nothing.
   */
  readonly value: 'none' | 'scalar' | 'block-scalar' | 'flow';
  /** The scalar after `key:`, unquoted, without a trailing comment (value 'scalar' only): `Always`, `nginx:1.27`. */
  readonly scalar?: string;
}

/**
 * The `key:` a line's content starts with: the key as written (quotes kept) and the length up to its colon. A key is
 * quoted, or plain (not starting with a blank, `#`, a quote, a bracket or a comma, holding no `#`); its colon is
 * followed by a blank or the end. One pass: the regular expression this replaces retried a lazy key against every
 * blank of a long run (a key and 100,000 spaces took 20 s to complete).
 */
function keyAt(rest: string): { written: string; length: number } | undefined {
  const first = rest[0];
  if (first === undefined) return undefined;
  const colonEnds = (p: number) => rest[p] === ':' && (p + 1 === rest.length || rest[p + 1] === ' ' || rest[p + 1] === '\t');
  if (first === '"' || first === "'") {
    const close = closingQuote(rest, 0);
    if (close === undefined) return undefined;
    let p = close + 1;
    while (rest[p] === ' ' || rest[p] === '\t') p++;
    return colonEnds(p) ? { written: rest.slice(0, close + 1), length: p + 1 } : undefined;
  }
  if (first === ' ' || first === '\t' || '#{}[],'.includes(first) || /\s/.test(first)) return undefined;
  for (let p = 1; p < rest.length; p++) {
    if (rest[p] === '#') return undefined;
    if (!colonEnds(p)) continue;
    let end = p;
    while (end > 1 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
    return { written: rest.slice(0, end), length: p + 1 };
  }
  return undefined;
}

export function lineShape(line: string): LineShape {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  const indent = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t' || line[i + 1] === '\r')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const rest = line.slice(i).replace(/\r$/, '');
  const blank = dashes.length === 0 && (rest.trim() === '' || rest.trimStart().startsWith('#'));
  const marker = indent === 0 && dashes.length === 0 && /^(---|\.\.\.)(\s|$)/.test(rest);
  const match = marker ? undefined : keyAt(rest);
  if (!match) {
    return { indent, dashes, contentColumn: i, blank, marker, value: classify(rest) };
  }
  const afterColon = rest.slice(match.length);
  const value = classify(afterColon);
  return {
    indent,
    dashes,
    contentColumn: i,
    blank,
    marker,
    key: unquote(match.written),
    keyColumn: i,
    value,
    scalar: value === 'scalar' ? scalarText(afterColon) : undefined,
  };
}

/** A one-line scalar as its text: a quoted one up to its closing quote, a plain one up to a comment. */
function scalarText(afterColon: string): string {
  const text = afterColon.trim();
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(text);
  if (quoted) return unquote(quoted[1]);
  return withoutComment(text);
}

function classify(afterColon: string): LineShape['value'] {
  // Drop anchors and tags: `key: &defaults` still opens a nested block.
  const text = withoutComment(afterColon, true).replace(/(^|\s)[&!][^\s]*/g, '').trim();
  if (text === '') return 'none';
  if (/^[|>][-+0-9]*$/.test(text)) return 'block-scalar';
  if (text.startsWith('{') || text.startsWith('[')) return 'flow';
  return 'scalar';
}

export function unquote(key: string): string {
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}
