import type { Position, Range } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../document/manifestDocument';
import type { ManifestFile } from '../document/manifestFile';

/**
 * Positions in a file of the workspace that is not the request's own (no TextDocument there): line starts are
 * found once per parsed file. Line breaks are counted as the editor counts them (\n, \r\n, and a lone \r).
 */
const LINE_STARTS = new WeakMap<ManifestFile, number[]>();

function lineStarts(file: ManifestFile): number[] {
  let starts = LINE_STARTS.get(file);
  if (!starts) {
    starts = [0];
    const text = file.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    LINE_STARTS.set(file, starts);
  }
  return starts;
}

export function positionIn(file: ManifestFile, offset: number): Position {
  const starts = lineStarts(file);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** The file range of a [start, end) span relative to `doc`, a document of `file`. */
export function rangeIn(file: ManifestFile, doc: ManifestDocument, start: number, end: number): Range {
  return { start: positionIn(file, doc.offset + start), end: positionIn(file, doc.offset + end) };
}
