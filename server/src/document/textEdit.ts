/**
 * A text edit of the edit toolkit: offsets relative to the document, like every node range. Features turn them
 * into protocol ranges (`FeatureRequest.rangeOf`); tests and fix-all apply them here.
 */

/** A replacement of [start, end) of the document's text by `newText`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Applies non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** True when no two edits overlap (an insertion at another edit's boundary is fine). */
export function disjoint(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return false;
  return true;
}
