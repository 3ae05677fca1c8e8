import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { detachedCopy } from './detachedCopy';
import { closeStream, scanSegments, segmentBounds, startsWithDocumentStart } from './splitDocuments';

/**
 * One YAML document's text in a file (a segment, see splitDocuments.ts), with its line starts found on first use.
 * Segment objects are shared between versions of the file while their text is unchanged: the parse of a document
 * is keyed by its segment (manifestFile.ts), so an unchanged document is never compared or parsed again.
 */
export class TextSegment {
  /** The segment's text: a string of its own, never a slice of the text it was cut from (see detachedCopy.ts). */
  readonly text: string;
  private starts?: number[];
  private normalised?: string;

  constructor(text: string) {
    this.text = detachedCopy(text);
  }

  get length(): number {
    return this.text.length;
  }

  /**
   * Offsets, relative to the segment, where its lines start: 0, then after each `\n`, `\r\n` or lone `\r`. A
   * segment that another follows ends with a line break, so its last entry is its length: the next one's first line.
   */
  get lineStarts(): readonly number[] {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  /** The text the parser reads: each lone carriage return as a line feed (same length; see manifestFile.ts). */
  get parseText(): string {
    if (this.normalised === undefined) this.normalised = this.text.includes('\r') ? this.text.replace(/\r(?!\n)/g, '\n') : this.text;
    return this.normalised;
  }
}

/**
 * The most segments a file is kept in. Past it the rest of the file is one segment, and an edit rebuilds the whole
 * split (`---` a million times would otherwise be a million objects); far above the documents a file is checked in
 * (MAX_DOCUMENTS), so that a keystroke anywhere in a file of a few thousand documents stays one document's work.
 */
export const MAX_SEGMENTS = 10_000;

/**
 * The text of an open document, kept per YAML document: what the server holds instead of one string.
 *
 * Why: a string per file made every keystroke cost the whole file (the text flattened, split again, line offsets
 * shifted): 15 ms at 500 documents, 100 ms at 5,000. Here a change is applied to the segment(s) it touches and only
 * that stretch is split again (with one neighbour on each side, since typing or removing a `---` line merges or
 * splits documents); the segments after it keep their objects and move by the change's length, and the whole text is
 * built only when something asks for it (`getText()`). Positions (UTF-16 code units, line breaks `\n`, `\r\n` and a
 * lone `\r`) are converted through each segment's line starts, exactly as `vscode-languageserver-textdocument` does.
 *
 * Each version is a new immutable object (a request answered from one version never sees the next).
 */
export class SegmentedText implements TextDocument {
  private text?: string;
  private lines?: number[];

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    /** The segments, in order, covering the text. Exactly one (the whole text) when `directives` is set. */
    readonly segments: readonly TextSegment[],
    /** The offset in the file of each segment's first character. */
    readonly offsets: readonly number[],
    readonly length: number,
    /** The stream uses directives (`%YAML`, `%TAG`): one segment, parsed as a whole stream. */
    readonly directives: boolean,
    /** More than MAX_SEGMENTS segments: the last one holds the rest of the file unsplit. */
    readonly capped: boolean,
    firstLines?: number[],
  ) {
    this.lines = firstLines;
  }

  static create(uri: string, languageId: string, version: number, content: string): SegmentedText {
    return SegmentedText.split(uri, languageId, version, content);
  }

  /** The document after `changes` (applied in order, as the protocol says), at `version`. */
  static update(document: SegmentedText, changes: readonly TextDocumentContentChangeEvent[], version: number): SegmentedText {
    let current = document;
    for (const change of changes) current = current.applied(change);
    return current.withVersion(version);
  }

  get lineCount(): number {
    const last = this.segments.length - 1;
    return this.firstLines()[last] + this.segments[last].lineStarts.length;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.text === undefined) this.text = this.segments.length === 1 ? this.segments[0].text : this.segments.map((s) => s.text).join('');
    return this.text;
  }

  /** The text from `start` to `end`, read from the segments that hold it. */
  slice(start: number, end: number): string {
    if (this.text !== undefined) return this.text.slice(start, end);
    if (end <= start) return '';
    const first = this.segmentAt(start);
    const last = this.segmentAt(Math.max(start, end - 1));
    if (first === last) return this.segments[first].text.slice(start - this.offsets[first], end - this.offsets[first]);
    const parts = [this.segments[first].text.slice(start - this.offsets[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.segments[i].text);
    parts.push(this.segments[last].text.slice(0, end - this.offsets[last]));
    return parts.join('');
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const index = this.segmentAt(offset);
    const segment = this.segments[index];
    const starts = segment.lineStarts;
    const relative = offset - this.offsets[index];
    const line = lastAtOrBefore(starts, relative);
    const character = this.beforeLineBreak(index, relative, starts[line]) - starts[line];
    return { line: this.firstLines()[index] + line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.length;
    const { index, start, next } = this.lineAt(position.line);
    const base = this.offsets[index];
    if (position.character <= 0) return base + start;
    return base + this.beforeLineBreak(index, Math.min(start + position.character, next), start);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = this.lineCount - 1;
    if (line > last) return { start: { line: last, character: 0 }, end: { line: last, character: this.length - this.offsetAt({ line: last, character: 0 }) } };
    const { index, start, next } = this.lineAt(line);
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(index, next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const { index, start, next } = this.lineAt(line);
    return this.segments[index].text.slice(this.beforeLineBreak(index, next, start), next);
  }

  /** The segment of an existing line, and where the line and the next one start in it. */
  private lineAt(line: number): { index: number; start: number; next: number } {
    const firstLines = this.firstLines();
    const index = lastAtOrBefore(firstLines, line);
    const starts = this.segments[index].lineStarts;
    const within = line - firstLines[index];
    return { index, start: starts[within], next: within + 1 < starts.length ? starts[within + 1] : this.segments[index].length };
  }

  /** The index of the segment that holds `offset`; at a boundary, the one that starts there. */
  segmentAt(offset: number): number {
    return lastAtOrBefore(this.offsets, offset);
  }

  /** The line (0-based) the segment at `index` starts on. */
  firstLineOf(index: number): number {
    return this.firstLines()[index];
  }

  /** A relative offset moved back over the line break it stands in (an offset past a line's end is its end). */
  private beforeLineBreak(index: number, relative: number, lineStart: number): number {
    const text = this.segments[index].text;
    while (relative > lineStart) {
      const ch = text.charCodeAt(relative - 1);
      if (ch !== 10 && ch !== 13) break;
      relative--;
    }
    return relative;
  }

  private firstLines(): number[] {
    if (!this.lines) {
      const lines = new Array<number>(this.segments.length);
      let line = 0;
      for (let i = 0; i < this.segments.length; i++) {
        lines[i] = line;
        line += this.segments[i].lineStarts.length - 1;
      }
      this.lines = lines;
    }
    return this.lines;
  }

  private withVersion(version: number): SegmentedText {
    if (version === this.version) return this;
    const copy = new SegmentedText(this.uri, this.languageId, version, this.segments, this.offsets, this.length, this.directives, this.capped, this.lines);
    copy.text = this.text;
    return copy;
  }

  /** This text after one change. */
  private applied(change: TextDocumentContentChangeEvent): SegmentedText {
    if (!('range' in change) || !change.range) return this.rebuilt(change.text);
    const range = wellFormed(change.range);
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    if (this.directives || this.capped) return this.rebuilt(this.slice(0, start) + change.text + this.slice(end, this.length));
    return this.resplit(start, end, change.text) ?? this.rebuilt(this.slice(0, start) + change.text + this.slice(end, this.length));
  }

  /**
   * Replaces [start, end) by `inserted` and splits again only the segments around it: from the one before the
   * change's first segment (which the change cannot reach, so the boundary before it holds) to the one after its
   * last, extended while the stretch's end is not certain to stay a boundary. Undefined when the stretch brings a
   * directive or the file past MAX_SEGMENTS: then the whole text is split again.
   */
  private resplit(start: number, end: number, inserted: string): SegmentedText | undefined {
    const count = this.segments.length;
    let from = Math.max(0, this.segmentAt(start) - 1);
    let to = Math.min(count - 1, this.segmentAt(end) + 1);
    const delta = inserted.length - (end - start);
    for (;;) {
      const regionStart = this.offsets[from];
      const regionEnd = this.offsets[to] + this.segments[to].length;
      const before = this.slice(regionStart, start);
      const after = this.slice(end, regionEnd);
      const region = before + inserted + after;
      const scan = scanSegments(region);
      if (!scan) return undefined;
      let bounds: number[];
      if (to === count - 1) {
        // The stretch ends the file. Trailing comments join the document before them, which may lie before it.
        if (scan.starts.length === 0 && !scan.openHasContent && from > 0) {
          from--;
          continue;
        }
        bounds = closeStream(scan, region.length);
      } else if (scan.openStart === region.length) {
        bounds = scan.starts;
      } else if (scan.openHasContent && startsWithDocumentStart(this.segments[to + 1].text)) {
        bounds = [...scan.starts, scan.openStart];
      } else {
        // What is open at the stretch's end runs on into the next segment (comments before a `---`, no `---`).
        to++;
        continue;
      }
      if (count - (to - from + 1) + bounds.length > MAX_SEGMENTS) return undefined;
      const segments = this.segments.slice(0, from);
      const offsets = this.offsets.slice(0, from);
      for (let i = 0; i < bounds.length; i++) {
        const s = bounds[i];
        const e = i + 1 < bounds.length ? bounds[i + 1] : region.length;
        offsets.push(regionStart + s);
        segments.push(this.unchangedSegment(from, to, regionStart + s, regionStart + e, start, start + inserted.length, delta) ?? new TextSegment(region.slice(s, e)));
      }
      for (let i = to + 1; i < count; i++) {
        segments.push(this.segments[i]);
        offsets.push(this.offsets[i] + delta);
      }
      let firstLines: number[] | undefined;
      if (this.lines) {
        // Line numbers of the segments after the stretch move by the lines the change added or removed.
        firstLines = this.lines.slice(0, from);
        let line = from < this.lines.length ? this.lines[from] : 0;
        for (let i = from; i < from + bounds.length; i++) {
          firstLines.push(line);
          line += segments[i].lineStarts.length - 1;
        }
        const lineDelta = to + 1 < count ? line - this.lines[to + 1] : 0;
        for (let i = to + 1; i < count; i++) firstLines.push(this.lines[i] + lineDelta);
      }
      return new SegmentedText(this.uri, this.languageId, this.version, segments, offsets, this.length + delta, false, false, firstLines);
    }
  }

  /**
   * The old segment object for a new segment [s, e) of the re-split stretch when its text did not change: it lies
   * wholly before the change or wholly after it, at the same place (moved by `delta` after it) and of the same length.
   */
  private unchangedSegment(from: number, to: number, s: number, e: number, changeStart: number, changeEnd: number, delta: number): TextSegment | undefined {
    const old = e <= changeStart ? s : s >= changeEnd ? s - delta : undefined;
    if (old === undefined) return undefined;
    for (let i = from; i <= to; i++) {
      if (this.offsets[i] === old && this.segments[i].length === e - s) return this.segments[i];
    }
    return undefined;
  }

  /** The whole text split again; segments equal to this version's at the start and the end keep their objects. */
  private rebuilt(content: string): SegmentedText {
    const next = SegmentedText.split(this.uri, this.languageId, this.version, content);
    const segments = [...next.segments];
    let head = 0;
    while (head < segments.length && head < this.segments.length && segments[head].text === this.segments[head].text) {
      segments[head] = this.segments[head];
      head++;
    }
    for (let a = segments.length - 1, b = this.segments.length - 1; a >= head && b >= head && segments[a].text === this.segments[b].text; a--, b--) {
      segments[a] = this.segments[b];
    }
    return new SegmentedText(this.uri, this.languageId, this.version, segments, next.offsets, next.length, next.directives, next.capped);
  }

  private static split(uri: string, languageId: string, version: number, content: string): SegmentedText {
    const bounds = segmentBounds(content, MAX_SEGMENTS);
    if (!bounds) return new SegmentedText(uri, languageId, version, [new TextSegment(content)], [0], content.length, true, false);
    const segments = bounds.map((s, i) => new TextSegment(content.slice(s, i + 1 < bounds.length ? bounds[i + 1] : content.length)));
    // The whole text is not kept: the segments hold it (joined again only if something asks, see getText).
    return new SegmentedText(uri, languageId, version, segments, bounds, content.length, false, bounds.length > MAX_SEGMENTS);
  }
}

/** The index of the last entry of ascending `values` that is at most `value` (0 when none is). */
function lastAtOrBefore(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
