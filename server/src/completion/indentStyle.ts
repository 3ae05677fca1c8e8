import type { TextLines } from './textLines';

/** How a document indents: the unit nested mappings use, and where the `- ` of a sequence goes. */
export interface IndentStyle {
  /** Spaces per nesting level (2 unless the document clearly uses another). */
  readonly unit: number;
  /** True when sequences sit at their key's column (`containers:` / `- name:`), as kubectl writes them. */
  readonly compactSequences: boolean;
}

export const DEFAULT_STYLE: IndentStyle = { unit: 2, compactSequences: false };

/** Reads the document's habits from its `key:` lines and the line after each; the majority wins. */
export function indentStyleOf(lines: TextLines): IndentStyle {
  const units = new Map<number, number>();
  let compact = 0;
  let indented = 0;
  let previous: { column: number; opens: boolean } | undefined;
  const limit = Math.min(lines.count, 400); // the habit shows early; a long file need not be read to the end
  for (let i = 0; i < limit; i++) {
    const s = lines.shape(i);
    if (s.blank || s.marker) continue;
    if (previous?.opens) {
      if (s.dashes.length) {
        if (s.indent === previous.column) compact++;
        else if (s.indent > previous.column) indented++;
      } else if (s.indent > previous.column) {
        const delta = s.indent - previous.column;
        units.set(delta, (units.get(delta) ?? 0) + 1);
      }
    }
    previous = s.key !== undefined ? { column: s.keyColumn!, opens: s.value === 'none' } : undefined;
  }
  let unit = DEFAULT_STYLE.unit;
  let best = 0;
  for (const [delta, count] of units) {
    if (delta >= 1 && delta <= 8 && (count > best || (count === best && delta < unit))) {
      unit = delta;
      best = count;
    }
  }
  return { unit, compactSequences: compact > indented };
}
