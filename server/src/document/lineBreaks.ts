/**
 * Lines and columns of a document's text, for the edit toolkit: where a line starts and ends, an offset's column,
 * and the line break new text is written with. A line ends at `\n`, and a `\r` before it belongs to the break, so
 * an edit at a line's end lands before the whole break of a CRLF document.
 */

/** The line break the document uses: CRLF when any line ends so, else LF. Inserted lines are joined with it. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break that ends the line holding `offset` (or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  const end = at === -1 ? text.length : at;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** Just past the line break that ends the line holding `offset` (the next line's start). */
export function nextLineStart(text: string, offset: number): number {
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
export function opensLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}
