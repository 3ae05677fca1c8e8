import type { PathSegment } from '../document/yamlTree';
import type { TextLines } from '../document/textLines';

/**
 * Where a place of block YAML sits in the tree, inferred from indentation alone: the path from the root to the
 * mapping whose keys start at a column, and the keys that mapping already has.
 *
 * Why from text: the line being typed is usually not YAML yet (`imagePu` under a container reads as the
 * continuation of the previous value), so the parse tree puts the cursor in the wrong place or nowhere. The
 * indentation of the lines above is what the person sees and means: the nearest line above that is less
 * indented and ends in `key:` is the parent; a `- ` marks an item of a sequence, whose parent key may sit at the
 * same column as the dash (the compact style kubectl writes).
 */
export interface BlockPlace {
  /** Path of the mapping (for a sequence root, of the item). */
  readonly path: PathSegment[];
  /** Keys the mapping already has on other lines. */
  readonly keys: Set<string>;
  /** The one-line scalar values of those keys (`restartPolicy` → `Always`), where written so. */
  readonly values: Map<string, string>;
}

type Need = { kind: 'map'; column: number } | { kind: 'seq'; column: number };

/**
 * The place a line opens for what is below it: with dashes, the outermost sequence (each further `- ` on the line
 * starts an inner sequence at its first item, pushed onto the innermost-first `trail`); else the mapping whose
 * keys start at `keyColumn`.
 */
function placeOpenedBy(dashes: readonly number[], keyColumn: number, trail: PathSegment[]): Need {
  if (!dashes.length) return { kind: 'map', column: keyColumn };
  for (let d = 1; d < dashes.length; d++) trail.push(0);
  return { kind: 'seq', column: dashes[0] };
}

/**
 * The mapping whose keys start at `column`, one of whose keys is (or will be) on line `lineIndex`. `dashes` are
 * the item markers before that key on its own line: with any, the mapping is a new item that starts on the line.
 * Returns undefined when the lines above contradict it (the column continues a scalar value).
 */
export function mappingAt(lines: TextLines, lineIndex: number, column: number, dashes: readonly number[]): BlockPlace | undefined {
  const keys = new Set<string>();
  const values = new Map<string, string>();
  const trail: PathSegment[] = []; // innermost first
  // `- - key`: inner sequences start on this line.
  let need = placeOpenedBy(dashes, column, trail);
  let count = 0;
  let collecting = dashes.length === 0;
  for (let i = lineIndex - 1; i >= 0; i--) {
    const s = lines.shape(i);
    if (s.marker) break;
    if (s.blank) continue;
    if (need.kind === 'map') {
      const k = need.column;
      if (s.key !== undefined && s.keyColumn === k) {
        if (collecting) {
          keys.add(s.key);
          if (s.scalar !== undefined) values.set(s.key, s.scalar);
        }
        if (s.dashes.length) {
          // The mapping is an item whose first key is on this line.
          need = placeOpenedBy(s.dashes, k, trail);
          count = 0;
          collecting = false;
        }
        continue;
      }
      if (s.indent > k || (s.indent === k && s.dashes.length)) continue; // a sibling's subtree
      // Neither key nor item at the mapping's column: the end of a multi-line flow value (`]`) or of a scalar.
      if (s.indent === k) continue;
      // Less indented: this line holds the mapping.
      if (s.key !== undefined && s.value === 'none' && s.keyColumn! < k) {
        trail.push(s.key);
        collecting = false;
        need = placeOpenedBy(s.dashes, s.keyColumn!, trail);
        count = 0;
        continue;
      }
      if (s.dashes.length && s.key === undefined && s.value === 'none') {
        // A bare `-` whose item mapping starts on the next lines.
        need = placeOpenedBy(s.dashes, s.contentColumn, trail);
        count = 0;
        collecting = false;
        continue;
      }
      return undefined;
    } else {
      const d = need.column;
      if (s.dashes.length && s.indent === d) {
        count++;
        continue;
      }
      if (s.indent > d || (s.indent === d && s.key === undefined && !s.dashes.length)) continue;
      if (s.key !== undefined && s.value === 'none' && s.keyColumn! <= d && !(s.dashes.length && s.indent === d)) {
        trail.push(count, s.key);
        need = placeOpenedBy(s.dashes, s.keyColumn!, trail);
        count = 0;
        continue;
      }
      return undefined;
    }
  }
  if (need.kind === 'seq') trail.push(count);
  return { path: trail.reverse(), keys, values };
}

/**
 * Keys of the mapping at `column` written below line `lineIndex` (up to where the mapping ends), and their
 * one-line scalar values into `values`. The next `- ` at the mapping's column starts another item and ends it.
 */
export function keysBelow(lines: TextLines, lineIndex: number, column: number, into: Set<string>, values?: Map<string, string>): void {
  for (let i = lineIndex + 1; i < lines.count; i++) {
    const s = lines.shape(i);
    if (s.marker) return;
    if (s.blank) continue;
    if (s.key !== undefined && s.keyColumn === column) {
      if (s.dashes.length) return; // the next item of the sequence
      into.add(s.key);
      if (values && s.scalar !== undefined) values.set(s.key, s.scalar);
      continue;
    }
    if (s.indent > column || (s.indent === column && s.dashes.length)) continue;
    return;
  }
}
