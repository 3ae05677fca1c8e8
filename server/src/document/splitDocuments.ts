/**
 * Splits a YAML stream into the text of its documents without parsing it.
 *
 * Why: a multi-document file is checked document by document, and a keystroke should re-parse and re-check only
 * the document it touched. YAML forbids a line that starts with `---` or `...` followed by a space or the line's
 * end inside any node (block and quoted scalars included), so such lines are always document boundaries and a
 * line scan finds them exactly. Lines end as the editor ends them: `\n`, `\r\n` or a lone `\r`.
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
  const bounds = segmentBounds(text, limit);
  if (!bounds) return undefined;
  return bounds.map((start, i) => ({ offset: start, text: text.slice(start, i + 1 < bounds.length ? bounds[i + 1] : text.length) }));
}

/**
 * The start offsets of the segments of a whole stream (the first is 0; each segment runs to the next start, the
 * last to the end), or `undefined` for a stream with directives. See splitDocuments.
 */
export function segmentBounds(text: string, limit = Infinity): number[] | undefined {
  const scan = scanSegments(text, limit);
  if (!scan) return undefined;
  return scan.limited ? scan.starts : closeStream(scan, text.length);
}

/**
 * Where a line scan of a stretch of a stream stopped: the starts of the segments it closed (`starts`, beginning
 * with 0), and the segment still open at the end (`openStart`, with `openHasContent` when it holds a line that is
 * neither blank nor a comment). A scan may start at any segment start of a stream: the scan's state there is the
 * same as at the stream's start. Whether the open segment ends where the stretch ends depends on what follows,
 * which the caller knows (document/segmentedText.ts re-splits only around an edit).
 */
export interface SegmentScan {
  readonly starts: number[];
  readonly openStart: number;
  readonly openHasContent: boolean;
  /** True when `limit` segments were closed: the last start then holds the rest of the text, unsplit. */
  readonly limited: boolean;
}

/** Scans `text` line by line for document boundaries; `undefined` when a line starts a directive (`%`). */
export function scanSegments(text: string, limit = Infinity): SegmentScan | undefined {
  const starts: number[] = [];
  let segmentStart = 0;
  let lineStart = 0;
  let sawContent = false;
  const length = text.length;
  // The next carriage return at or after lineStart, looked up again only once passed (one pass over the text).
  let cr = text.indexOf('\r');
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    if (cr !== -1 && cr < lineStart) cr = text.indexOf('\r', lineStart);
    // A lone carriage return ends a line too (the editor counts it, and manifestFile.ts reads it as a line feed).
    let nextLine = lineEnd + 1;
    if (cr !== -1 && cr < lineEnd) {
      lineEnd = cr;
      nextLine = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    }
    const first = text.charCodeAt(lineStart);
    if (first === 37 /* % */) return undefined;
    if (first === 45 /* - */ || first === 46 /* . */) {
      const marker = MARKER.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)));
      if (marker) {
        if (marker[1] === '---') {
          // A new document starts on this line; whatever came before (if anything) was the previous one.
          if (lineStart > segmentStart && sawContent) {
            starts.push(segmentStart);
            segmentStart = lineStart;
            if (starts.length === limit) return { starts: [...starts, segmentStart], openStart: length, openHasContent: false, limited: true };
          }
          sawContent = true;
        } else {
          // `...` ends the current document; the next one starts on the following line.
          const next = Math.min(nextLine, length);
          starts.push(segmentStart);
          segmentStart = next;
          sawContent = false;
          if (starts.length === limit && next < length) return { starts: [...starts, segmentStart], openStart: length, openHasContent: false, limited: true };
        }
        lineStart = nextLine;
        continue;
      }
    }
    if (!sawContent && !isBlankOrComment(text, lineStart, lineEnd)) sawContent = true;
    lineStart = nextLine;
  }
  return { starts, openStart: segmentStart, openHasContent: sawContent, limited: false };
}

/**
 * The segment starts of a scan that reached the end of the stream: the open segment is the last one, except that
 * trailing comments or blank lines after the last document belong to it, as the YAML parser sees it.
 */
export function closeStream(scan: SegmentScan, length: number): number[] {
  const { starts } = scan;
  if (scan.openStart < length || starts.length === 0) {
    if (starts.length > 0 && !scan.openHasContent) return starts;
    return [...starts, scan.openStart];
  }
  return starts;
}

/** True when `text` starts with a `---` line: a boundary whatever came before it (if that had content). */
export function startsWithDocumentStart(text: string): boolean {
  const marker = MARKER.exec(text.slice(0, 4));
  return marker !== null && marker[1] === '---';
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 35; /* # */
  }
  return true;
}
