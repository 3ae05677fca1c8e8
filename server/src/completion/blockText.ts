import type { IndentStyle } from './indentStyle';

/**
 * A small writer of block YAML for insertions, in the document's indentation style. Scalars are written as given
 * (they may hold snippet placeholders); arrays of scalars are written in flow style on one line.
 */
export type BlockValue = string | BlockValue[] | { [key: string]: BlockValue };

/** Lines for the members of `map`, each starting at `column` (the first line without its indentation). */
export function mappingLines(map: Record<string, BlockValue>, column: number, style: IndentStyle): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(map)) writeEntry(out, key, value, column, style);
  return out;
}

/** The text of a sequence item holding `map`, the dash at `column`; the first line starts with `- `. */
export function itemText(map: Record<string, BlockValue>, column: number, style: IndentStyle): string {
  const lines = mappingLines(map, column + 2, style);
  return ['- ' + lines[0].trimStart(), ...lines.slice(1)].join('\n');
}

function writeEntry(out: string[], key: string, value: BlockValue, column: number, style: IndentStyle): void {
  const pad = ' '.repeat(column);
  if (typeof value === 'string') {
    out.push(`${pad}${key}: ${value}`);
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      out.push(`${pad}${key}: [${(value as string[]).join(', ')}]`);
      return;
    }
    out.push(`${pad}${key}:`);
    const dash = column + style.sequenceIndent;
    for (const item of value) {
      if (typeof item === 'string') out.push(`${' '.repeat(dash)}- ${item}`);
      else if (Array.isArray(item)) out.push(`${' '.repeat(dash)}- [${item.join(', ')}]`);
      else {
        const lines = mappingLines(item, dash + 2, style);
        out.push(`${' '.repeat(dash)}- ${lines[0].trimStart()}`, ...lines.slice(1));
      }
    }
  } else if (Object.keys(value).length === 0) {
    out.push(`${pad}${key}: {}`);
  } else {
    out.push(`${pad}${key}:`);
    for (const [k, v] of Object.entries(value)) writeEntry(out, k, v, column + style.unit, style);
  }
}

/** Escapes text for a snippet (`$`, `}` and `\` are special there). */
export function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
