// Writes schemas/generated/field-versions.json: which fields each definition Podsmith validates has in each
// Kubernetes version it targets (1.28 to 1.36). Facts only (definition names, field names, version ranges), no
// description text.
//
// Sources: the upstream OpenAPI v3 documents of 1.28 to 1.35 (core/v1, apps/v1, batch/v1), kept beside the
// repository in ../shared/reference/kubernetes-openapi-v<version>/, and for 1.36 the schema the build generates
// from kubernetes-models (dist/schema/kubernetes.schema.json). The build and the extension never read those
// documents: they read the committed table.
//   npx tsx scripts/field-versions.ts                 write the table (needs the reference documents and a build)
//   npx tsx scripts/field-versions.ts --check         exit 1 when the committed table is stale
//   npx tsx scripts/field-versions.ts --reference DIR read the upstream documents from DIR
// test/unit/versions/fieldVersionsTable.test.ts checks the committed table the same way, when the documents are there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataPath } from './sharedData';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const FIELD_VERSIONS_PATH = path.join(REPO_ROOT, 'schemas', 'generated', 'field-versions.json');
export const GENERATED_SCHEMA_PATH = path.join(REPO_ROOT, 'dist', 'schema', 'kubernetes.schema.json');

/** Where the reference documents are (`shared/reference` beside the repository); undefined where there are none. */
export function findReferenceDir(): string | undefined {
  const dir = sharedDataPath('reference');
  return dir && existsSync(path.join(dir, 'kubernetes-openapi-v1.28')) ? dir : undefined;
}

/** The versions published upstream as OpenAPI documents, oldest first; the newest targeted version comes from the build. */
export const UPSTREAM_VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'] as const;
export const UPSTREAM_FILES = ['api__v1_openapi.json', 'apis__apps__v1_openapi.json', 'apis__batch__v1_openapi.json'] as const;

/** The definitions of the pod-carrying kinds: every definition reachable from them is validated. */
export const ROOT_DEFINITIONS = [
  'io.k8s.api.core.v1.Pod',
  'io.k8s.api.core.v1.PodTemplate',
  'io.k8s.api.apps.v1.Deployment',
  'io.k8s.api.apps.v1.StatefulSet',
  'io.k8s.api.apps.v1.DaemonSet',
  'io.k8s.api.apps.v1.ReplicaSet',
  'io.k8s.api.batch.v1.Job',
  'io.k8s.api.batch.v1.CronJob',
] as const;

/** A definition as this script needs it: its field names, and the definitions each field refers to. */
type Definitions = Map<string, Map<string, string[]>>;

/** The committed table. A range is `1.30+` (from 1.30 on) or `1.35-1.35` (from, to); several are joined by commas. */
export interface FieldVersionTable {
  readonly versions: readonly string[];
  readonly definitions: Record<string, Record<string, string>>;
}

/** Every definition name a schema fragment refers to, in either reference style, however deeply nested. */
function referencesOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) referencesOf(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value.slice(value.lastIndexOf('/') + 1));
      else if (key !== 'description') referencesOf(value, out);
    }
  }
  return out;
}

function definitionsOf(schemas: Record<string, { properties?: Record<string, unknown> }>): Definitions {
  const out: Definitions = new Map();
  for (const [name, schema] of Object.entries(schemas)) {
    const fields = new Map<string, string[]>();
    for (const [field, property] of Object.entries(schema.properties ?? {})) fields.set(field, referencesOf(property));
    out.set(name, fields);
  }
  return out;
}

/** The fields of every definition reachable from the pod-carrying kinds, by definition. */
function reachableFields(definitions: Definitions): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const queue: string[] = [...ROOT_DEFINITIONS];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (out.has(name)) continue;
    const fields = definitions.get(name);
    if (!fields) continue;
    out.set(name, new Set(fields.keys()));
    for (const refs of fields.values()) queue.push(...refs);
  }
  return out;
}

/** The upstream documents of one version, merged (each repeats the core definitions it uses). */
export function upstreamDefinitions(referenceDir: string, version: string): Definitions {
  const schemas: Record<string, { properties?: Record<string, unknown> }> = {};
  for (const file of UPSTREAM_FILES) {
    const document = JSON.parse(readFileSync(path.join(referenceDir, `kubernetes-openapi-v${version}`, file), 'utf8'));
    Object.assign(schemas, document.components.schemas);
  }
  return definitionsOf(schemas);
}

export function generatedDefinitions(schemaPath: string): { version: string; definitions: Definitions } {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  return { version: schema['x-kubernetes-version'], definitions: definitionsOf(schema.definitions) };
}

/** `['1.30', '1.31', ...]` present out of all versions → `1.30+`; gaps make several ranges. */
function rangesOf(present: readonly boolean[], versions: readonly string[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < versions.length; i++) {
    if (!present[i] || (i > 0 && present[i - 1])) continue;
    let last = i;
    while (last + 1 < versions.length && present[last + 1]) last++;
    ranges.push(last === versions.length - 1 ? `${versions[i]}+` : `${versions[i]}-${versions[last]}`);
  }
  return ranges.join(',');
}

/** Derives the table from one field set per version (oldest first). Deterministic: sorted names. */
export function buildTable(perVersion: ReadonlyArray<{ version: string; fields: Map<string, Set<string>> }>): FieldVersionTable {
  const versions = perVersion.map((v) => v.version);
  const names = new Set<string>();
  for (const v of perVersion) for (const name of v.fields.keys()) names.add(name);
  const definitions: Record<string, Record<string, string>> = {};
  for (const name of [...names].sort()) {
    const fieldNames = new Set<string>();
    for (const v of perVersion) for (const field of v.fields.get(name) ?? []) fieldNames.add(field);
    if (fieldNames.size === 0) continue;
    const entry: Record<string, string> = {};
    for (const field of [...fieldNames].sort()) {
      entry[field] = rangesOf(perVersion.map((v) => v.fields.get(name)?.has(field) ?? false), versions);
    }
    definitions[name] = entry;
  }
  return { versions, definitions };
}

export function deriveTable(referenceDir: string, schemaPath: string): FieldVersionTable {
  const perVersion = UPSTREAM_VERSIONS.map((version) => ({ version, fields: reachableFields(upstreamDefinitions(referenceDir, version)) }));
  const generated = generatedDefinitions(schemaPath);
  perVersion.push({ version: generated.version as (typeof UPSTREAM_VERSIONS)[number], fields: reachableFields(generated.definitions) });
  return buildTable(perVersion);
}

/** The file's text: one definition per line, so a change of the table reads as a small diff. */
export function renderTable(table: FieldVersionTable): string {
  const lines = Object.entries(table.definitions).map(([name, fields]) => `    ${JSON.stringify(name)}: ${JSON.stringify(fields)}`);
  return `{\n  "versions": ${JSON.stringify(table.versions)},\n  "definitions": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (require.main === module) {
  const at = process.argv.indexOf('--reference');
  const referenceDir = at > 0 ? path.resolve(process.argv[at + 1]) : findReferenceDir();
  if (!referenceDir || !existsSync(referenceDir)) {
    console.error('field-versions: no reference documents found beside the repository (pass --reference DIR)');
    process.exit(1);
  }
  if (!existsSync(GENERATED_SCHEMA_PATH)) {
    console.error('field-versions: run the build first (npm run build): the 1.36 fields come from its schema');
    process.exit(1);
  }
  const text = renderTable(deriveTable(referenceDir, GENERATED_SCHEMA_PATH));
  if (process.argv.includes('--check')) {
    const committed = existsSync(FIELD_VERSIONS_PATH) ? readFileSync(FIELD_VERSIONS_PATH, 'utf8') : '';
    if (committed !== text) {
      console.error('field-versions: schemas/generated/field-versions.json is stale: run npx tsx scripts/field-versions.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(FIELD_VERSIONS_PATH, text);
  }
}
