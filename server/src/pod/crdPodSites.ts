import type { Path } from '../document/yamlTree';

/**
 * Where a CRD's own schema (a served version's openAPIV3Schema, as plain data) says its resources hold a Pod: the
 * shallowest property that is a pod template (a `template` whose `spec` has `containers`) or a pod spec (an object
 * with a `containers` list of objects that have `name` and `image`). Only the schema decides, never a resource's
 * content: a `template` the CRD leaves free-form (`x-kubernetes-preserve-unknown-fields`) holds no Pod we know of.
 *
 * Only fixed paths count (properties of properties): a pod spec inside a list or a map has no one path, and a
 * document has one Pod model.
 */
export interface CrdPodSite {
  /** Path from the resource's root to the PodSpec mapping. */
  readonly podSpecPath: Path;
  /** Path to the pod template's metadata, when the pod spec is a template's `spec` whose schema has `metadata`. */
  readonly templateMetadataPath?: Path;
}

/** How deep the search goes: pod templates sit a few levels down (`spec.template`, `spec.worker.template`). */
const MAX_DEPTH = 6;

export function podSiteInCrdSchema(schema: unknown): CrdPodSite | undefined {
  let level: { node: Record<string, unknown>; path: string[] }[] = isObject(schema) ? [{ node: schema, path: [] }] : [];
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: typeof level = [];
    for (const { node, path } of level) {
      const properties = propertiesOf(node);
      if (!properties) continue;
      for (const [name, child] of Object.entries(properties)) {
        if (!isObject(child)) continue;
        const childPath = [...path, name];
        const spec = propertiesOf(child)?.spec;
        if (name === 'template' && isObject(spec) && isPodSpec(spec)) {
          const hasMetadata = isObject(propertiesOf(child)?.metadata);
          return { podSpecPath: [...childPath, 'spec'], templateMetadataPath: hasMetadata ? [...childPath, 'metadata'] : undefined };
        }
        if (isPodSpec(child)) return { podSpecPath: childPath };
        next.push({ node: child, path: childPath });
      }
    }
    level = next;
  }
  return undefined;
}

/** An object schema with a `containers` list whose items are objects with `name` and `image`. */
function isPodSpec(node: Record<string, unknown>): boolean {
  const containers = propertiesOf(node)?.containers;
  if (!isObject(containers) || containers.type !== 'array' || !isObject(containers.items)) return false;
  const item = propertiesOf(containers.items);
  return !!item && isObject(item.name) && isObject(item.image);
}

function propertiesOf(node: Record<string, unknown>): Record<string, unknown> | undefined {
  return isObject(node.properties) ? node.properties : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
