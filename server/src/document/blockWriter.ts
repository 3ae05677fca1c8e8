import { flowText, type YamlValue } from './flowWriter';
import type { IndentStyle } from '../document/indentStyle';

/**
 * Block YAML for new text, in the document's indentation style, as lines (the caller joins them with the
 * document's line break). Scalars are written as given: they are already YAML text (quoted where needed) and may
 * hold snippet placeholders. A caller that wants a list on one line passes its `flowText` as the scalar.
 */

/** Lines of `key: value` at `column`. */
export function pairLines(key: string, value: YamlValue, column: number, style: IndentStyle): string[] {
  const pad = ' '.repeat(column);
  if (typeof value === 'string') return [`${pad}${key}: ${value}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}${key}: []`];
    const dash = column + style.sequenceIndent;
    return [`${pad}${key}:`, ...(value as YamlValue[]).flatMap((item) => itemLines(item, dash, style))];
  }
  const entries = Object.entries(value as Record<string, YamlValue>);
  if (entries.length === 0) return [`${pad}${key}: {}`];
  return [`${pad}${key}:`, ...mappingLines(value as Record<string, YamlValue>, column + style.unit, style)];
}

/** Lines of every member of `map`, each key at `column`. */
export function mappingLines(map: { readonly [key: string]: YamlValue }, column: number, style: IndentStyle): string[] {
  return Object.entries(map).flatMap(([key, value]) => pairLines(key, value, column, style));
}

/** Lines of a sequence item with its dash at `column` (a nested list goes on the dash's line, in flow style). */
export function itemLines(value: YamlValue, column: number, style: IndentStyle): string[] {
  const pad = ' '.repeat(column);
  if (typeof value === 'string') return [`${pad}- ${value}`];
  if (Array.isArray(value)) return [`${pad}- ${flowText(value)}`];
  const lines = mappingLines(value as Record<string, YamlValue>, column + 2, style);
  if (lines.length === 0) return [`${pad}- {}`];
  return [`${pad}- ${lines[0].trimStart()}`, ...lines.slice(1)];
}
