import type { ManifestDocument } from './manifestDocument';
import { TextLines } from '../document/textLines';

/**
 * How a document indents, so that every insertion (a quick fix, a completion, a snippet) reads like the lines
 * around it. Read from the text's lines, not the parse: a document being typed rarely parses, and its habits show
 * in the lines either way.
 */
export interface IndentStyle {
  /** Spaces per nesting level of mappings (2 unless the document clearly uses another). */
  readonly unit: number;
  /**
   * Columns from a key to the `- ` of its sequence: 0 for the compact style kubectl writes (`containers:` over
   * `- name:`), usually the unit otherwise, sometimes 2 in a document that nests mappings by 4.
   */
  readonly sequenceIndent: number;
}

export const DEFAULT_INDENT_STYLE: IndentStyle = { unit: 2, sequenceIndent: 2 };

/** The style of a document, read once per version. */
export function indentStyleOfDocument(doc: ManifestDocument): IndentStyle {
  return doc.kept('document:indentStyle', () => indentStyleOf(TextLines.of(doc)));
}

/** Reads the document's habits from its `key:` lines and the line after each; the majority wins. */
export function indentStyleOf(lines: TextLines): IndentStyle {
  const units = new Map<number, number>();
  const sequenceIndents = new Map<number, number>();
  let previous: { column: number; opens: boolean } | undefined;
  const limit = Math.min(lines.count, 400); // the habit shows early; a long file need not be read to the end
  for (let i = 0; i < limit; i++) {
    const s = lines.shape(i);
    if (s.blank || s.marker) continue;
    if (previous?.opens && s.indent >= previous.column) {
      const delta = s.indent - previous.column;
      if (s.dashes.length) count(sequenceIndents, delta);
      else if (delta > 0) count(units, delta);
    }
    previous = s.key !== undefined ? { column: s.keyColumn!, opens: s.value === 'none' } : undefined;
  }
  const unit = mostCommon(units, 1) ?? DEFAULT_INDENT_STYLE.unit;
  return { unit, sequenceIndent: mostCommon(sequenceIndents, 0) ?? unit };
}

function count(map: Map<number, number>, delta: number): void {
  if (delta <= 8) map.set(delta, (map.get(delta) ?? 0) + 1);
}

/** The most frequent value at least `min`; ties go to the smaller one. */
function mostCommon(map: Map<number, number>, min: number): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, n] of map) {
    if (value < min) continue;
    if (n > bestCount || (n === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}
