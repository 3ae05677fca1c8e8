/**
 * Small text scans that a regular expression would do in quadratic time. A backtracking engine tries a pattern such
 * as `/\/+$/` or `/\s#.*$/` at every start position and scans to the end each time, so a value of 100,000 slashes
 * or spaces costs seconds on every keystroke. These walk the text once. (test/unit/reliability/linearRegexes.test.ts
 * runs every expression left in server/src on such values.)
 */

/** `text` without the run of `char` at its end (`/x+$/`). */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/** `text` without the runs of `char` at both ends (`/^x+|x+$/g`). */
export function trimBoth(text: string, char: string): string {
  let start = 0;
  while (start < text.length && text[start] === char) start++;
  return trimTrailing(text.slice(start), char);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff';
}

/**
 * Where a YAML comment starts in one line: the first `#` after whitespace (or at the start, when `atStart`), else -1.
 * Quotes are not considered, as a plain scalar line is read.
 */
export function commentStart(line: string, atStart = false): number {
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '#') continue;
    if (i === 0 ? atStart : isSpace(line[i - 1])) return i;
  }
  return -1;
}

/** One line without its comment and the whitespace before it (`/\s+#.*$/`); unchanged when it has none. */
export function withoutComment(line: string, atStart = false): string {
  const at = commentStart(line, atStart);
  return at === -1 ? line : line.slice(0, at).trimEnd();
}

/** The longest suffix of `text` whose characters all satisfy `accept` (`/[...]*$/`). */
export function trailingRun(text: string, accept: (c: string) => boolean): string {
  let start = text.length;
  while (start > 0 && accept(text[start - 1])) start--;
  return text.slice(start);
}

/** The index of the quote that closes the one at `open` (`\"` escapes in double quotes, `''` in single). */
export function closingQuote(text: string, open: number): number | undefined {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}
