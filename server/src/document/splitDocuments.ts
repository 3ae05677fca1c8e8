/**
 * Splits a YAML stream into the text of its documents without parsing it.
 *
 * Why: a multi-document file is checked document by document, and a keystroke should re-parse and re-check only
 * the document it touched. YAML forbids a line that starts with `---` or `...` followed by a space or the line's
 * end inside any node (block and quoted scalars included), so such lines are always document boundaries and a
 * line scan finds them exactly.
 */
export interface DocumentSegment {
  /** Offset of the segment's first character in the file. */
  readonly offset: number;
  /** The segment's text: from its `---` line (if any) to just before the next segment. */
  readonly text: string;
}

const MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * Returns the segments of `text`, in order, covering it completely. Returns `undefined` when the stream uses
 * directives (`%YAML`, `%TAG`), which bind to the next document across a boundary: such a file is parsed whole.
 * With `limit`, at most `limit + 1` segments: the last one then holds all the text from the limit on.
 */
export function splitDocuments(text: string, limit = Infinity): DocumentSegment[] | undefined {
  const segments: DocumentSegment[] = [];
  let segmentStart = 0;
  let lineStart = 0;
  let sawContent = false;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    const first = text.charCodeAt(lineStart);
    if (first === 37 /* % */) return undefined;
    if (first === 45 /* - */ || first === 46 /* . */) {
      const marker = MARKER.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)));
      if (marker) {
        if (marker[1] === '---') {
          // A new document starts on this line; whatever came before (if anything) was the previous one.
          if (lineStart > segmentStart && sawContent) {
            segments.push({ offset: segmentStart, text: text.slice(segmentStart, lineStart) });
            segmentStart = lineStart;
            if (segments.length === limit) return [...segments, { offset: segmentStart, text: text.slice(segmentStart) }];
          }
          sawContent = true;
        } else {
          // `...` ends the current document; the next one starts on the following line.
          const next = Math.min(lineEnd + 1, length);
          segments.push({ offset: segmentStart, text: text.slice(segmentStart, next) });
          segmentStart = next;
          sawContent = false;
          if (segments.length === limit && next < length) return [...segments, { offset: segmentStart, text: text.slice(segmentStart) }];
        }
        lineStart = lineEnd + 1;
        continue;
      }
    }
    if (!sawContent && !isBlankOrComment(text, lineStart, lineEnd)) sawContent = true;
    lineStart = lineEnd + 1;
  }
  if (segmentStart < length || segments.length === 0) {
    if (segments.length > 0 && !sawContent) {
      // Trailing comments or blank lines after the last document belong to it, as the YAML parser sees it.
      const last = segments.pop()!;
      segments.push({ offset: last.offset, text: text.slice(last.offset) });
    } else {
      segments.push({ offset: segmentStart, text: text.slice(segmentStart) });
    }
  }
  return segments;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 35; /* # */
  }
  return true;
}
