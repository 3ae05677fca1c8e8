import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { keyName, nodeAtPath, scalarString, stringMap } from '../document/yamlTree';

/**
 * What one document declares, for the links between documents: its kind, name and namespace, its labels, and the
 * names inside it that others point at (a ConfigMap's keys, a Service's ports). Read once per document text.
 */
export interface ObjectSummary {
  readonly kind: string;
  readonly apiVersion: string;
  readonly name?: string;
  readonly nameNode?: Scalar;
  /** As written; undefined means the namespace it is applied to (the same as any other object without one). */
  readonly namespace?: string;
  readonly labels: ReadonlyMap<string, string>;
  /** Keys of a ConfigMap's or Secret's data, stringData and binaryData, with the key's node. */
  readonly keys: ReadonlyMap<string, Scalar>;
}

/** The summary of a Kubernetes object's document, or undefined for anything else. */
export function objectOf(doc: ManifestDocument): ObjectSummary | undefined {
  return doc.kept('workspace:object', () => {
    const { kind, apiVersion } = doc.identity;
    if (!kind || !apiVersion || doc.isTemplate || !isMap(doc.root)) return undefined;
    const nameNode = nodeAtPath(doc.root, ['metadata', 'name']);
    const keys = new Map<string, Scalar>();
    if (kind === 'ConfigMap' || kind === 'Secret') {
      for (const section of ['data', 'stringData', 'binaryData']) collectKeys(nodeAtPath(doc.root, [section]), keys);
    }
    return {
      kind,
      apiVersion,
      name: scalarString(nameNode),
      nameNode: isScalar(nameNode) ? nameNode : undefined,
      namespace: scalarString(nodeAtPath(doc.root, ['metadata', 'namespace'])),
      labels: stringMap(nodeAtPath(doc.root, ['metadata', 'labels'])),
      keys,
    };
  });
}

function collectKeys(map: Node | undefined, into: Map<string, Scalar>): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    const key = keyName(pair);
    if (key !== undefined && isScalar(pair.key) && !into.has(key)) into.set(key, pair.key);
  }
}

/** Two objects can refer to each other unless both name a namespace and the names differ. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** True when every label the selector names has that value in `labels` (an empty selector selects nothing here). */
export function selects(selector: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): boolean {
  if (selector.size === 0) return false;
  for (const [key, value] of selector) if (labels.get(key) !== value) return false;
  return true;
}
