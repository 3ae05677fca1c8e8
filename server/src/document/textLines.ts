import type { ManifestDocument } from './manifestDocument';
import { lineShape, type LineShape } from '../document/lineShape';

/**
 * The lines of a document's text, with each line's shape read on demand: line starts once per document text,
 * shapes only for the lines a request looks at, both kept with the document for the next request.
 */
export class TextLines {
  private readonly shapes = new Map<number, LineShape>();

  constructor(
    readonly text: string,
    /** Offset of the first character of each line. */
    readonly starts: readonly number[],
  ) {}

  /** The lines of a document, shared by every request on the same text (shapes read once per version). */
  static of(doc: ManifestDocument): TextLines {
    return doc.kept('document:lines', () => new TextLines(doc.text, lineStarts(doc.text)));
  }

  static ofText(text: string): TextLines {
    return new TextLines(text, lineStarts(text));
  }

  get count(): number {
    return this.starts.length;
  }

  /** The 0-based line that holds `offset`. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset just past the line's last character (before its newline). */
  endOf(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.starts[line] && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  line(index: number): string {
    return this.text.slice(this.starts[index], this.endOf(index));
  }

  shape(index: number): LineShape {
    let shape = this.shapes.get(index);
    if (!shape) {
      shape = lineShape(this.line(index));
      this.shapes.set(index, shape);
    }
    return shape;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
