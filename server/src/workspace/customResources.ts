import { isMap, isSeq, type Node } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import type { ManifestFile } from '../document/manifestFile';
import { plainValueOf, type PlainValue } from '../document/plainValue';
import { nodeAtPath, scalarString, valueOf } from '../document/yamlTree';

/**
 * The custom resource registry: the CustomResourceDefinitions (`apiextensions.k8s.io/v1`) of the workspace index
 * (workspace files, the editor's open text winning, then the files `podsmith.crds` names), and for an apiVersion
 * and kind, the CRD that defines it, the served version's schema as plain data, its scope and its CEL rules.
 *
 * Stable API (hover, completion and the Pods inside custom resources read it; change it only compatibly):
 *
 *     customResourceFor(index, apiVersion, kind): CustomResourceType | undefined
 *     customResourceDefinitionFor(index, group, kind): IndexedCustomResourceDefinition | undefined
 *     customResourceDefinitions(index): readonly IndexedCustomResourceDefinition[]
 *     customResourceDefinitionOf(doc): CustomResourceDefinition | undefined   (one document, no index)
 *
 * Computed once per document text (the CRD's reading) and once per index generation (the lookup table); the index's
 * generation moves when a CRD's text changes (workspaceIndex.ts signs CRDs by content).
 */
export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
export const CRD_KIND = 'CustomResourceDefinition';

/** Bounds on the schema read from one CRD version: past them the version is `tooLarge`, and nothing is compiled. */
export const CRD_SCHEMA_LIMITS = { maxNodes: 60_000, maxDepth: 96 } as const;

/**
 * What the registry reads the CRDs from: the workspace index (workspaceIndex.ts), or anything with its two members.
 * An interface rather than the class, so that the index can sign CRDs with this module's hash without a cycle.
 */
export interface WorkspaceIndex {
  /** Moves whenever a CRD's text changes. */
  readonly generation: number;
  customResourceDefinitionDocuments(): readonly { readonly uri: string; readonly file: ManifestFile; readonly doc: ManifestDocument }[];
}

/** A CEL rule (`x-kubernetes-validations`) of a CRD version's schema, and where in the schema it stands. */
export interface CelRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  readonly fieldPath?: string;
  /**
   * The place in a resource the rule applies to, as steps from its root: field names, `[*]` for every item of a
   * list, `{*}` for every value of a map (`['spec', 'ports', '[*]']`). Empty: the whole resource.
   */
  readonly path: readonly string[];
}

/** One entry of `spec.versions`. */
export interface CustomResourceVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning?: string;
  /** `schema.openAPIV3Schema` as plain JSON data; undefined when the version has none (or it is not a mapping). */
  readonly schema?: Readonly<Record<string, PlainValue>>;
  /** Set when the schema is past CRD_SCHEMA_LIMITS: it is not read (schema stays undefined). */
  readonly tooLarge?: 'nodes' | 'depth';
  /** A key of the schema's content: two versions (of any CRDs) with the same schema have the same key. */
  readonly schemaKey?: string;
  /** Every `x-kubernetes-validations` rule of the schema, in schema order. */
  readonly celRules: readonly CelRule[];
  /** The node of this version's entry in the CRD, for findings and hover links. */
  readonly node: Node;
  /** The node of `schema.openAPIV3Schema`, when there is one. */
  readonly schemaNode?: Node;
}

/** What one CRD document says, read once per document text. */
export interface CustomResourceDefinition {
  /** metadata.name, `<plural>.<group>`. */
  readonly name?: string;
  readonly group: string;
  readonly kind: string;
  readonly plural?: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly versions: readonly CustomResourceVersion[];
}

/** A CRD and where it is. */
export interface IndexedCustomResourceDefinition {
  readonly uri: string;
  readonly file: ManifestFile;
  readonly doc: ManifestDocument;
  readonly definition: CustomResourceDefinition;
}

/** The answer for one apiVersion and kind: the CRD, the served version and what it says about resources. */
export interface CustomResourceType {
  readonly crd: IndexedCustomResourceDefinition;
  readonly apiVersion: string;
  readonly kind: string;
  readonly version: CustomResourceVersion;
  /** The served version's openAPIV3Schema as plain data (undefined: the version has no schema, or too large a one). */
  readonly schema?: Readonly<Record<string, PlainValue>>;
  readonly scope: 'Namespaced' | 'Cluster';
  /** The version's `x-kubernetes-validations` rules (Podsmith does not evaluate CEL offline). */
  readonly celRules: readonly CelRule[];
}

/** The CRD a document declares, or undefined when it is not a readable `apiextensions.k8s.io/v1` CRD. */
export function customResourceDefinitionOf(doc: ManifestDocument): CustomResourceDefinition | undefined {
  if (doc.identity.kind !== CRD_KIND || doc.identity.apiVersion !== CRD_API_VERSION || doc.isTemplate) return undefined;
  return doc.cached('workspace:crd', () => readDefinition(doc));
}

/** Every CRD of the index, workspace files first (in file order), then the files `podsmith.crds` names. */
export function customResourceDefinitions(index: WorkspaceIndex): readonly IndexedCustomResourceDefinition[] {
  return tableOf(index).all;
}

/** The CRD of a group and kind (the first one, when two files define it). */
export function customResourceDefinitionFor(index: WorkspaceIndex, group: string, kind: string): IndexedCustomResourceDefinition | undefined {
  return tableOf(index).byGroupKind.get(`${group}/${kind}`);
}

/** The custom resource type an apiVersion and kind name: undefined without a CRD or a served version of that name. */
export function customResourceFor(index: WorkspaceIndex, apiVersion: string, kind: string): CustomResourceType | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  if (!group || !version) return undefined;
  const crd = customResourceDefinitionFor(index, group, kind);
  const served = crd?.definition.versions.find((v) => v.name === version && v.served);
  if (!crd || !served) return undefined;
  return { crd, apiVersion, kind, version: served, schema: served.schema, scope: crd.definition.scope, celRules: served.celRules };
}

/** `group/version` split; a core apiVersion (`v1`) has no group, and no CRD can define it. */
export function splitApiVersion(apiVersion: string): { group?: string; version?: string } {
  const slash = apiVersion.indexOf('/');
  if (slash <= 0 || slash === apiVersion.length - 1) return {};
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

interface Table {
  readonly generation: number;
  readonly all: IndexedCustomResourceDefinition[];
  readonly byGroupKind: Map<string, IndexedCustomResourceDefinition>;
}

const TABLES = new WeakMap<WorkspaceIndex, Table>();

function tableOf(index: WorkspaceIndex): Table {
  // Asked every time, not only when the table is built: the index records that the CRDs were read (readsOf).
  const documents = index.customResourceDefinitionDocuments();
  const known = TABLES.get(index);
  if (known && known.generation === index.generation) return known;
  const all: IndexedCustomResourceDefinition[] = [];
  const byGroupKind = new Map<string, IndexedCustomResourceDefinition>();
  for (const { uri, file, doc } of documents) {
    const definition = customResourceDefinitionOf(doc);
    if (!definition) continue;
    const entry = { uri, file, doc, definition };
    all.push(entry);
    const key = `${definition.group}/${definition.kind}`;
    if (!byGroupKind.has(key)) byGroupKind.set(key, entry);
  }
  const table = { generation: index.generation, all, byGroupKind };
  TABLES.set(index, table);
  return table;
}

function readDefinition(doc: ManifestDocument): CustomResourceDefinition | undefined {
  const spec = valueOf(doc.root, 'spec');
  const group = scalarString(valueOf(spec, 'group'));
  const kind = scalarString(nodeAtPath(spec, ['names', 'kind']));
  if (!group || !kind) return undefined;
  const versions: CustomResourceVersion[] = [];
  const list = valueOf(spec, 'versions');
  if (isSeq(list)) {
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const version = readVersion(item as Node);
      if (version) versions.push(version);
    }
  }
  return {
    name: scalarString(nodeAtPath(doc.root, ['metadata', 'name'])),
    group,
    kind,
    plural: scalarString(nodeAtPath(spec, ['names', 'plural'])),
    scope: scalarString(valueOf(spec, 'scope')) === 'Cluster' ? 'Cluster' : 'Namespaced',
    versions,
  };
}

function readVersion(node: Node): CustomResourceVersion | undefined {
  const name = scalarString(valueOf(node, 'name'));
  if (!name) return undefined;
  const flag = (key: string) => {
    const value = valueOf(node, key);
    return value !== undefined && (value as { value?: unknown }).value === true;
  };
  const schemaNode = nodeAtPath(node, ['schema', 'openAPIV3Schema']);
  const base = {
    name,
    served: flag('served'),
    storage: flag('storage'),
    deprecated: flag('deprecated'),
    deprecationWarning: scalarString(valueOf(node, 'deprecationWarning')),
    node,
    schemaNode,
  };
  if (!isMap(schemaNode)) return { ...base, celRules: [] };
  const plain = plainValueOf(schemaNode, CRD_SCHEMA_LIMITS);
  if ('exceeded' in plain) return { ...base, tooLarge: plain.exceeded, celRules: [] };
  const schema = plain.value as Record<string, PlainValue>;
  const text = JSON.stringify(schema);
  return { ...base, schema, schemaKey: `${contentHash(text)}:${text.length}`, celRules: celRulesOf(schema) };
}

/** Every `x-kubernetes-validations` rule under a schema, with the place in a resource it applies to. */
function celRulesOf(schema: Record<string, PlainValue>): CelRule[] {
  const out: CelRule[] = [];
  const visit = (node: PlainValue | undefined, path: string[]): void => {
    if (!isObject(node)) return;
    const rules = node['x-kubernetes-validations'];
    if (Array.isArray(rules)) {
      for (const entry of rules) {
        if (!isObject(entry) || typeof entry.rule !== 'string') continue;
        out.push({
          rule: entry.rule,
          message: text(entry.message),
          messageExpression: text(entry.messageExpression),
          reason: text(entry.reason),
          fieldPath: text(entry.fieldPath),
          path,
        });
      }
    }
    const properties = node.properties;
    if (isObject(properties)) for (const key of Object.keys(properties)) visit(properties[key], [...path, key]);
    visit(node.items, [...path, '[*]']);
    visit(node.additionalProperties, [...path, '{*}']);
    for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
      const list = node[combinator];
      if (Array.isArray(list)) for (const sub of list) visit(sub, path);
    }
  };
  visit(schema, []);
  return out;
}

function isObject(value: PlainValue | undefined): value is { [key: string]: PlainValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: PlainValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A 53-bit FNV-1a style hash of a text, as hex: keys compiled validators by schema content (with the length beside
 * it, a collision would need two schemas of one length and one hash).
 */
export function contentHash(value: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
  }
  return ((h2 >>> 0) & 0x1fffff).toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
