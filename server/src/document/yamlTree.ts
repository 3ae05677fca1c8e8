import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isCopied } from './resolvedView';

/** A step in a path from a document's root: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** The key of a pair as a string, or undefined for complex or null keys. */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    const v = key.value;
    return typeof v === 'string' ? v : v === null || v === undefined ? undefined : String(v);
  }
  return undefined;
}

/** The pair of `map` whose key is `key`. */
export function pairOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) if (keyName(pair) === key) return pair;
  return undefined;
}

/** The value node under `key` of `map`, or undefined. (In the resolved view, aliases are already followed.) */
export function valueOf(map: unknown, key: string): Node | undefined {
  const value = pairOf(map, key)?.value;
  return isNode(value) ? value : undefined;
}

/** The node at `path` from `root`, or undefined. */
export function nodeAtPath(root: unknown, path: Path): Node | undefined {
  let node: unknown = root;
  for (const step of path) {
    if (typeof step === 'number') node = isSeq(node) ? node.items[step] : undefined;
    else node = valueOf(node, step);
    if (node === undefined) return undefined;
  }
  return isNode(node) ? node : undefined;
}

/**
 * A scalar's value and range as plain data: what the workspace summaries keep of a node. They are kept across tree
 * drops and sent between threads (service/parallelCheck.ts), where a node would lose its class.
 */
export interface ScalarPlace {
  readonly value: unknown;
  readonly range: readonly [number, number, number];
}

/** The place of `node` when it is a scalar with a range, else undefined. */
export function scalarPlace(node: unknown): ScalarPlace | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  return { value: node.value, range: [node.range[0], node.range[1], node.range[2]] };
}

/** The string value of a scalar node (numbers and booleans as written), or undefined. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

/** A map of strings (labels, a selector's matchLabels) as written; values that are not scalars are left out. */
export function stringMap(node: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = keyName(pair);
    const value = scalarString(pair.value);
    if (key !== undefined && value !== undefined) out.set(key, value);
  }
  return out;
}

/** The [start, end) of a node's value (no trailing comment or newline), relative to its document; undefined without range. */
export function spanOf(node: unknown): { start: number; end: number } | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** True for a scalar `true` (a YAML 1.2 boolean; the string "true" is not). */
export function isTrue(node: unknown): boolean {
  return isScalar(node) && node.value === true;
}

export function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/** Items of a sequence node that are mappings, with their index. Anything else yields nothing. */
export function* mapItems(seq: unknown): Generator<[YAMLMap<unknown, unknown>, number]> {
  if (!isSeq(seq)) return;
  const items = (seq as YAMLSeq).items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isMap(item)) yield [item as YAMLMap<unknown, unknown>, i];
  }
}

/** What lies under a cursor: the deepest node, the path to it, and whether the cursor is on a key. */
export interface Location {
  /** Path to the node under the cursor (for a key, the path ends with that key). */
  readonly path: PathSegment[];
  /** The node under the cursor: a key's scalar when `onKey`, else a value node; null in empty space of a map. */
  readonly node: Node | null;
  /** The pair whose key or value holds the cursor. */
  readonly pair?: Pair<unknown, unknown>;
  /** True when the cursor is on the key of `pair`. */
  readonly onKey: boolean;
  /** Collections from the root down to the one that holds `node`, aligned with `path` (same length). */
  readonly parents: Node[];
}

/**
 * Finds what lies at `offset` (relative to the document) in the tree under `root`. Returns undefined when the
 * offset is not inside any node (comments, blank space outside collections).
 */
export function locate(root: Node | null, offset: number): Location | undefined {
  if (!root || !root.range || offset < root.range[0] || offset > root.range[1]) return undefined;
  const path: PathSegment[] = [];
  const parents: Node[] = [];
  let node: Node = root;
  // Each step descends into the child that contains the offset; the walk is as deep as the tree, never wider.
  for (;;) {
    if (isMap(node)) {
      const found = pairContaining(node, offset);
      if (!found) return { path, node, onKey: false, parents };
      const { pair, onKey } = found;
      const name = keyName(pair) ?? '';
      parents.push(node);
      path.push(name);
      if (onKey) return { path, node: pair.key as Node, pair, onKey: true, parents };
      const value = pair.value;
      // What an alias stands for is not under the cursor: the alias is (see resolvedView.ts).
      if (!isNode(value) || isAlias(value) || isScalar(value) || isCopied(value)) {
        return { path, node: isNode(value) ? value : null, pair, onKey: false, parents };
      }
      if (!contains(value, offset)) return { path, node: value, pair, onKey: false, parents };
      node = value;
    } else if (isSeq(node)) {
      const items = node.items;
      let index = -1;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (isNode(item) && contains(item, offset)) {
          index = i;
          break;
        }
      }
      if (index === -1) return { path, node, onKey: false, parents };
      parents.push(node);
      path.push(index);
      const item = items[index] as Node;
      if ((!isMap(item) && !isSeq(item)) || isCopied(item)) return { path, node: item, onKey: false, parents };
      node = item;
    } else {
      return { path, node, onKey: false, parents };
    }
  }
}

function contains(node: Node, offset: number): boolean {
  const r = node.range;
  return !!r && offset >= r[0] && offset <= r[1];
}

function pairContaining(map: YAMLMap, offset: number): { pair: Pair<unknown, unknown>; onKey: boolean } | undefined {
  const items = map.items as Pair<unknown, unknown>[];
  for (let i = 0; i < items.length; i++) {
    const pair = items[i];
    // A pair a merge key brought from an anchor lies at the alias it came through, not at the cursor.
    if (!isPair(pair) || isCopied(pair)) continue;
    const key = pair.key;
    if (isNode(key) && contains(key, offset)) return { pair, onKey: true };
    const value = pair.value;
    if (isNode(value) && contains(value, offset)) return { pair, onKey: false };
  }
  return undefined;
}

/**
 * True when two nodes stand for the same plain value: scalars of equal value, lists item by item, mappings with the
 * same keys (in any order) and equal values. What comparing their `toJSON()` would say, without building either: the
 * probe rules compare two probes of every container.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isScalar(a) || isScalar(b)) return isScalar(a) && isScalar(b) && a.value === b.value;
  if (isSeq(a) || isSeq(b)) return isSeq(a) && isSeq(b) && a.items.length === b.items.length && a.items.every((item, i) => sameValue(item, b.items[i]));
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b) || a.items.length !== b.items.length) return false;
    return a.items.every((pair) => {
      const key = keyName(pair);
      const other = key === undefined ? undefined : b.items.find((candidate) => keyName(candidate) === key);
      return other !== undefined && sameValue(pair.value, other.value);
    });
  }
  return (a === null || a === undefined) && (b === null || b === undefined);
}
