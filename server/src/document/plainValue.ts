import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { keyName } from './yamlTree';

/**
 * A node of the resolved tree as plain JSON data (objects, arrays, strings, numbers, booleans, null), the way kubectl
 * sends it: scalars are already typed as kubectl reads them (kubectlScalars.ts), aliases are already followed.
 * Bounded: past `maxNodes` nodes or `maxDepth` levels it stops and says which bound it hit, so a CRD schema or a
 * resource of any size costs at most that much. A key written twice keeps its first value (the duplicate is the
 * YAML syntax check's finding); a key that is not a scalar is left out.
 */
export interface PlainValueBounds {
  readonly maxNodes: number;
  readonly maxDepth: number;
}

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

export type PlainResult = { readonly value: PlainValue } | { readonly exceeded: 'nodes' | 'depth' };

export function plainValueOf(node: unknown, bounds: PlainValueBounds): PlainResult {
  let nodes = 0;
  let exceeded: 'nodes' | 'depth' | undefined;
  const convert = (current: unknown, depth: number): PlainValue => {
    if (exceeded) return null;
    if (++nodes > bounds.maxNodes) {
      exceeded = 'nodes';
      return null;
    }
    if (depth > bounds.maxDepth) {
      exceeded = 'depth';
      return null;
    }
    if (isMap(current)) {
      // No prototype: a key named __proto__ or constructor is data, never the object's own machinery.
      const out = Object.create(null) as { [key: string]: PlainValue };
      for (const pair of current.items) {
        if (!isPair(pair)) continue;
        const key = keyName(pair);
        if (key === undefined || Object.hasOwn(out, key)) continue;
        out[key] = convert(pair.value, depth + 1);
      }
      return out;
    }
    if (isSeq(current)) return current.items.map((item) => convert(item, depth + 1));
    if (isScalar(current)) return scalarValue(current.value);
    return null;
  };
  const value = convert(node, 0);
  return exceeded ? { exceeded } : { value };
}

function scalarValue(value: unknown): PlainValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return null;
  // A timestamp or binary the parser made an object of: the API server reads it as text.
  return String(value);
}
