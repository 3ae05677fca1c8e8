import { isMap, isPair, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Edit } from './textEdit';

/**
 * Flow YAML (`{name: a, ports: [80]}`) for new text on one line, and the place of an entry in a flow collection
 * already written.
 */

/** A value to write: scalars as given (already YAML text), lists, and mappings in insertion order. */
export type YamlValue = string | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** A value on one line, in flow style. */
export function flowText(value: YamlValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${(value as YamlValue[]).map(flowText).join(', ')}]`;
  return `{${Object.entries(value as Record<string, YamlValue>).map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

/** Where a flow entry's text starts: its key's (a pair) or its own. */
export function flowEntryStart(entry: unknown): number | undefined {
  if (isPair(entry)) return (entry.key as Node | null)?.range?.[0];
  return (entry as Node | null)?.range?.[0];
}

/** Where a flow entry's text ends: its value's, or its key's when the value is empty. */
export function flowEntryEnd(entry: unknown): number | undefined {
  if (isPair(entry)) return flowEntryEnd(entry.value) ?? flowEntryEnd(entry.key);
  const range = (entry as Node | null | undefined)?.range;
  return range ? range[1] : undefined;
}

/**
 * Adds `entry` (flow text) to a flow mapping or sequence: right after its last entry (`first`: before its first),
 * or between the brackets of an empty one. A trailing comma (`[a, b, ]`) stays where the author put it, after
 * the last entry: `[a, b, c, ]`. A collection the parser could not close gets no edit.
 */
export function insertIntoFlow(text: string, collection: YAMLMap | YAMLSeq, entry: string, first = false): Edit | undefined {
  if (!collection.range) return undefined;
  const [start, end] = collection.range;
  const [open, close] = isMap(collection) ? ['{', '}'] : ['[', ']'];
  const closeAt = text.lastIndexOf(close, end - 1);
  if (text[start] !== open || closeAt <= start || text.slice(closeAt + 1, end).trim() !== '') return undefined;
  const items = collection.items as unknown[];
  if (items.length === 0) {
    // `{}` or `[ ]`: the entry goes between the brackets (replacing the blanks, keeping anything else).
    const inside = text.slice(start + 1, closeAt);
    return inside.trim() === '' ? { start: start + 1, end: closeAt, newText: entry } : { start: start + 1, end: start + 1, newText: entry };
  }
  if (first) {
    const at = flowEntryStart(items[0]);
    return at === undefined ? undefined : { start: at, end: at, newText: `${entry}, ` };
  }
  const at = flowEntryEnd(items[items.length - 1]);
  if (at === undefined || at <= start || at > closeAt) return undefined;
  return { start: at, end: at, newText: `, ${entry}` };
}

