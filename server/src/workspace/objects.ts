import { isMap, isScalar, type Node } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { keyName, mapItems, nodeAtPath, scalarPlace, scalarString, stringMap, valueOf, type ScalarPlace } from '../document/yamlTree';

/**
 * What one document declares, for the links between documents: its kind, name and namespace, its labels, and the
 * names inside it that others point at (a ConfigMap's keys, a Service's ports). Read once per document text.
 */
export interface ObjectSummary {
  readonly kind: string;
  readonly apiVersion: string;
  readonly name?: string;
  readonly nameNode?: ScalarPlace;
  /** As written; undefined means the namespace it is applied to (the same as any other object without one). */
  readonly namespace?: string;
  readonly labels: ReadonlyMap<string, string>;
  /** Keys of a ConfigMap's or Secret's data, stringData and binaryData, with the key's node. */
  readonly keys: ReadonlyMap<string, ScalarPlace>;
}

/** The summary of a Kubernetes object's document, or undefined for anything else. */
export function objectOf(doc: ManifestDocument): ObjectSummary | undefined {
  return doc.kept('workspace:object', () => {
    const { kind, apiVersion } = doc.identity;
    if (!kind || !apiVersion || doc.isTemplate || !isMap(doc.root)) return undefined;
    const nameNode = nodeAtPath(doc.root, ['metadata', 'name']);
    const keys = new Map<string, ScalarPlace>();
    if (kind === 'ConfigMap' || kind === 'Secret') {
      for (const section of ['data', 'stringData', 'binaryData']) collectKeys(nodeAtPath(doc.root, [section]), keys);
    }
    return {
      kind,
      apiVersion,
      name: scalarString(nameNode),
      nameNode: scalarPlace(nameNode),
      namespace: scalarString(nodeAtPath(doc.root, ['metadata', 'namespace'])),
      labels: stringMap(nodeAtPath(doc.root, ['metadata', 'labels'])),
      keys,
    };
  });
}

function collectKeys(map: Node | undefined, into: Map<string, ScalarPlace>): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    const key = keyName(pair);
    const place = scalarPlace(pair.key);
    if (key !== undefined && place && !into.has(key)) into.set(key, place);
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

/**
 * What the Service checks read of a Service: its selector and each port's target (targetPort, else port), with
 * their ranges in the document. Kept with the document's text, so that checking the links of a file whose trees were
 * dropped (treeBudget.ts) builds no tree again.
 */
export interface ServiceSummary {
  readonly selector: ReadonlyMap<string, string>;
  readonly selectorRange: readonly [number, number];
  readonly targets: readonly { readonly written: unknown; readonly range: readonly [number, number] }[];
}

/** The Service summary of a document, or undefined when it is not a Service with a non-empty selector mapping. */
export function serviceOf(doc: ManifestDocument): ServiceSummary | undefined {
  return doc.kept('workspace:service', () => {
    if (objectOf(doc)?.kind !== 'Service') return undefined;
    const spec = valueOf(doc.root, 'spec');
    const selectorNode = valueOf(spec, 'selector');
    if (!isMap(selectorNode) || !selectorNode.range) return undefined;
    const selector = stringMap(selectorNode);
    if (selector.size === 0) return undefined;
    const targets: { written: unknown; range: readonly [number, number] }[] = [];
    for (const [port] of mapItems(valueOf(spec, 'ports'))) {
      const target = valueOf(port, 'targetPort') ?? valueOf(port, 'port');
      if (isScalar(target) && target.range) targets.push({ written: target.value, range: [target.range[0], target.range[1]] });
    }
    return { selector, selectorRange: [selectorNode.range[0], selectorNode.range[1]], targets };
  });
}
