import type { DocumentIdentity } from '../document/manifestDocument';
import type { Path } from '../document/yamlTree';
import { readSchemaAsset } from './assets';

/**
 * The generated Kubernetes schema (dist/schema/kubernetes.schema.json), loaded once, and the navigation every
 * feature uses: which schema applies at a path of a document. See ARCHITECTURE.md for the format.
 */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly $ref?: string;
}

interface SchemaFile {
  readonly 'x-kubernetes-version': string;
  /** The pod-carrying kinds. */
  readonly 'x-kinds': Readonly<Record<string, string>>;
  /** The companion kinds (Service, ConfigMap, Ingress...): validated, but with no Pod inside. */
  readonly 'x-companion-kinds': Readonly<Record<string, string>>;
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

/** A schema with its `$ref` followed: the node to validate against, and where it came from. */
export interface ResolvedSchema {
  /** The schema after following references (its own type, properties, enum...). */
  readonly node: SchemaNode;
  /** The definition name when the schema is a named definition (`io.k8s.api.core.v1.Container`). */
  readonly definition?: string;
  /** The field's description: the one beside the reference when there is one, else the definition's. */
  readonly description?: string;
}

let loaded: SchemaFile | undefined;

function schemaFile(): SchemaFile {
  loaded ??= readSchemaAsset('kubernetes.schema.json') as SchemaFile;
  return loaded;
}

/** The Kubernetes version the schema was generated for (`1.36`). */
export function schemaVersion(): string {
  return schemaFile()['x-kubernetes-version'];
}

/** The definition name for a document's apiVersion and kind, when it is a pod-carrying kind we validate. */
export function definitionForKind(identity: DocumentIdentity): string | undefined {
  if (!identity.apiVersion || !identity.kind) return undefined;
  return schemaFile()['x-kinds'][`${identity.apiVersion}/${identity.kind}`];
}

/**
 * The definition name for a companion kind (Service, ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount,
 * Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget). Kept apart from `definitionForKind`
 * because the Pod levels and the Pod facts assume a Pod inside.
 */
export function companionDefinitionForKind(identity: DocumentIdentity): string | undefined {
  if (!identity.apiVersion || !identity.kind) return undefined;
  return schemaFile()['x-companion-kinds'][`${identity.apiVersion}/${identity.kind}`];
}

export function definition(name: string): SchemaNode | undefined {
  return schemaFile().definitions[name];
}

const REF_PREFIX = '#/definitions/';

/** Follows `$ref` (several hops if need be), keeping the outermost description. */
export function resolve(schema: SchemaNode): ResolvedSchema {
  let node = schema;
  let name: string | undefined;
  const description = schema.description;
  for (let hops = 0; node.$ref && hops < 16; hops++) {
    name = node.$ref.startsWith(REF_PREFIX) ? node.$ref.slice(REF_PREFIX.length) : node.$ref;
    const target = schemaFile().definitions[name];
    if (!target) break;
    node = target;
  }
  return { node, definition: name, description: description ?? node.description };
}

/** The schema of a definition by name, resolved. */
export function resolveDefinition(name: string): ResolvedSchema | undefined {
  const node = definition(name);
  return node ? { node, definition: name, description: node.description } : undefined;
}

/** The schema one step down: a property of an object, an item of an array, a value of a map. */
export function childSchema(parent: ResolvedSchema, step: string | number): ResolvedSchema | undefined {
  const node = parent.node;
  if (typeof step === 'number') return node.items ? resolve(node.items) : undefined;
  const property = node.properties?.[step];
  if (property) return resolve(property);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return resolve(node.additionalProperties);
  return undefined;
}

/** The schema at `path` from a definition, or undefined where the path leaves the schema. */
export function schemaAtPath(rootDefinition: string, path: Path): ResolvedSchema | undefined {
  let current = resolveDefinition(rootDefinition);
  for (const step of path) {
    if (!current) return undefined;
    current = childSchema(current, step);
  }
  return current;
}

/** The types a schema admits, as a list. */
export function typesOf(node: SchemaNode): readonly string[] {
  if (!node.type) return node.properties || node.additionalProperties ? ['object'] : [];
  return typeof node.type === 'string' ? [node.type] : node.type;
}

/** A short name for a schema's type, for messages and hovers: `integer (int32)`, `map of string`, `Container[]`. */
export function typeLabel(schema: ResolvedSchema): string {
  const node = schema.node;
  if (node.format === 'int-or-string') return 'integer or string';
  if (node.format === 'quantity') return 'quantity';
  if (node.format === 'date-time') return 'date-time';
  const types = typesOf(node);
  if (types.includes('array') && node.items) {
    const item = resolve(node.items);
    return `${item.definition ? shortName(item.definition) : typeLabel(item)}[]`;
  }
  if (types.includes('object')) {
    if (!node.properties && node.additionalProperties && typeof node.additionalProperties === 'object') {
      return `map of ${typeLabel(resolve(node.additionalProperties))}`;
    }
    return schema.definition ? shortName(schema.definition) : 'object';
  }
  if (types.includes('integer')) return node.format ? `integer (${node.format})` : 'integer';
  return types.join(' or ') || 'any';
}

/** `io.k8s.api.core.v1.Container` → `Container`. */
export function shortName(definitionName: string): string {
  return definitionName.slice(definitionName.lastIndexOf('.') + 1);
}
