// Compiles our own annotations, schemas/*.yaml, into dist/schema/annotations.json, the file the server reads
// through server/src/schema/annotations.ts.
// Usage: node scripts/build-annotations.mjs [--force]
//
// Why a build step instead of reading YAML at run time: the server then needs no YAML-to-knowledge code of its
// own, starts faster, and a malformed file fails the build with a clear message instead of a hover at run time.
// The structure is checked strictly (unknown keys, missing scopes, dangling references, non-kubernetes.io links)
// because a typo in a key would otherwise silently drop a text.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceDir = path.join(root, 'schemas');
const outFile = path.join(root, 'dist/schema/annotations.json');

const SCOPES = ['pod', 'container', 'workload'];
// Kept equal to RoleName and ConceptName in server/src/schema/annotations.ts.
const ROLES = ['app', 'init', 'sidecar', 'ephemeral'];
const CONCEPTS = ['network', 'storage', 'lifecycle', 'resources', 'scheduling', 'security', 'identity', 'templates'];
const LEVELS = ['pod', 'container', 'both'];
const DOCS_PREFIX = 'https://kubernetes.io/docs/';
// Limits that keep the texts short enough for a hover line or a diagnostic.
const MAX_EXPLAIN = 420;
const MAX_MISPLACED = 220;

const POD_SECURITY_CONTEXT = 'io.k8s.api.core.v1.PodSecurityContext';
const SECURITY_CONTEXT = 'io.k8s.api.core.v1.SecurityContext';

class AnnotationError extends Error {}

function fail(file, where, message) {
  throw new AnnotationError(`${file}: ${where ? `${where}: ` : ''}${message}`);
}

function sourceFiles() {
  if (!existsSync(sourceDir)) return [];
  return readdirSync(sourceDir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(sourceDir, name));
}

/** Up to date when the output is newer than every input, this script, and the folder (files added or removed). */
function upToDate(files) {
  if (!existsSync(outFile)) return false;
  const built = statSync(outFile).mtimeMs;
  const inputs = [...files, sourceDir, fileURLToPath(import.meta.url)];
  return inputs.every((file) => statSync(file).mtimeMs <= built);
}

// ---- checks of single values --------------------------------------------------------------------------------

function isMap(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function expectMap(file, where, value) {
  if (!isMap(value)) fail(file, where, `expected a mapping, found ${describe(value)}`);
  return value;
}

function onlyKeys(file, where, map, allowed) {
  for (const key of Object.keys(map)) {
    if (!allowed.includes(key)) fail(file, where, `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

/** A text: a non-empty string, with the line breaks of folded YAML collapsed to single spaces. */
function text(file, where, value, max) {
  if (typeof value !== 'string' || value.trim() === '') fail(file, where, `expected a non-empty string, found ${describe(value)}`);
  const clean = value.replace(/\s+/g, ' ').trim();
  if (clean.length > max) fail(file, where, `${clean.length} characters; keep it under ${max} (1-3 short sentences)`);
  return clean;
}

function docsLink(file, where, value) {
  if (typeof value !== 'string' || !value.startsWith(DOCS_PREFIX) || /\s/.test(value)) {
    fail(file, where, `expected a link starting with ${DOCS_PREFIX}, found ${describe(value)}`);
  }
  return value;
}

function oneOf(file, where, value, allowed) {
  if (!allowed.includes(value)) fail(file, where, `expected one of ${allowed.join(', ')}, found ${describe(value)}`);
  return value;
}

function describe(value) {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

// ---- sections -----------------------------------------------------------------------------------------------

/** scopes, roles, concepts: maps of name -> { label|title, explain, docs? }. */
function textEntries(file, section, map, titleKey, required) {
  const out = {};
  for (const [name, raw] of Object.entries(expectMap(file, section, map))) {
    // The names are a closed set: server/src/schema/annotations.ts types them as unions.
    if (!required.includes(name)) fail(file, section, `unknown entry "${name}" (expected: ${required.join(', ')})`);
    const where = `${section}.${name}`;
    const entry = expectMap(file, where, raw);
    onlyKeys(file, where, entry, [titleKey, 'explain', 'docs']);
    out[name] = {
      [titleKey]: text(file, `${where}.${titleKey}`, entry[titleKey], 80),
      explain: text(file, `${where}.explain`, entry.explain, MAX_EXPLAIN),
    };
    if (entry.docs !== undefined) out[name].docs = docsLink(file, `${where}.docs`, entry.docs);
  }
  for (const name of required) if (!out[name]) fail(file, section, `missing entry "${name}"`);
  return out;
}

const FIELD_KEYS = ['scope', 'concept', 'explain', 'docs', 'misplaced', 'unsupported'];

/** One field annotation, with the definition's default scope filled in. Concepts are checked once all are read. */
function fieldEntry(file, where, raw, defaultScope) {
  const entry = expectMap(file, where, raw);
  onlyKeys(file, where, entry, FIELD_KEYS);
  const scope = entry.scope ?? defaultScope;
  if (scope === undefined) fail(file, where, 'no scope (give the field or its definition a scope)');
  const out = { scope: oneOf(file, `${where}.scope`, scope, SCOPES) };
  if (entry.concept !== undefined) out.concept = text(file, `${where}.concept`, entry.concept, 40);
  if (entry.explain !== undefined) out.explain = text(file, `${where}.explain`, entry.explain, MAX_EXPLAIN);
  if (entry.docs !== undefined) out.docs = docsLink(file, `${where}.docs`, entry.docs);
  if (entry.misplaced !== undefined) {
    out.misplaced = text(file, `${where}.misplaced`, entry.misplaced, MAX_MISPLACED);
    // The validator writes "`field` belongs to the Pod (path): <fragment>", so a fragment is a clause.
    if (/[.!]$/.test(out.misplaced)) fail(file, `${where}.misplaced`, 'a fragment, without a closing full stop');
  }
  if (entry.unsupported !== undefined) {
    if (entry.unsupported !== true) fail(file, `${where}.unsupported`, 'only `true` is meaningful; leave it out otherwise');
    out.unsupported = true;
  }
  return out;
}

function definitionEntries(file, map) {
  const out = {};
  for (const [name, raw] of Object.entries(expectMap(file, 'definitions', map))) {
    const where = `definitions.${name}`;
    if (!/^io\.k8s\.api\.[a-z0-9.]+\.v[0-9a-z]+\.[A-Z][A-Za-z]+$/.test(name)) {
      fail(file, where, 'a definition is named like io.k8s.api.core.v1.PodSpec');
    }
    const def = expectMap(file, where, raw);
    onlyKeys(file, where, def, ['scope', 'extends', 'fields']);
    if (def.scope !== undefined) oneOf(file, `${where}.scope`, def.scope, SCOPES);
    const fields = {};
    for (const [field, entry] of Object.entries(expectMap(file, `${where}.fields`, def.fields))) {
      fields[field] = fieldEntry(file, `${where}.fields.${field}`, entry, def.scope);
    }
    if (def.extends !== undefined) text(file, `${where}.extends`, def.extends, 120);
    out[name] = { extends: def.extends, fields };
  }
  return out;
}

/** The security context fields become two definitions, plus the map of levels. */
function securityContextEntries(file, map) {
  const section = expectMap(file, 'securityContext', map);
  onlyKeys(file, 'securityContext', section, ['docs', 'fields']);
  const defaultDocs = section.docs === undefined ? undefined : docsLink(file, 'securityContext.docs', section.docs);
  const levels = {};
  const pod = {};
  const container = {};
  for (const [field, raw] of Object.entries(expectMap(file, 'securityContext.fields', section.fields))) {
    const where = `securityContext.fields.${field}`;
    const entry = expectMap(file, where, raw);
    onlyKeys(file, where, entry, ['level', 'explain', 'docs', 'misplaced']);
    const level = oneOf(file, `${where}.level`, entry.level, LEVELS);
    if (level === 'both' && entry.misplaced !== undefined) fail(file, `${where}.misplaced`, 'a field valid at both levels is never misplaced');
    if (level !== 'both' && entry.misplaced === undefined) fail(file, where, 'a field of one level needs a misplaced fragment for the other level');
    const base = { explain: entry.explain, docs: entry.docs ?? defaultDocs, misplaced: entry.misplaced, concept: 'security' };
    levels[field] = level;
    if (level !== 'container') pod[field] = fieldEntry(file, where, withoutUndefined({ ...base, scope: 'pod' }));
    if (level !== 'pod') container[field] = fieldEntry(file, where, withoutUndefined({ ...base, scope: 'container' }));
  }
  return {
    levels,
    definitions: {
      [POD_SECURITY_CONTEXT]: { fields: pod },
      [SECURITY_CONTEXT]: { fields: container },
    },
  };
}

function withoutUndefined(map) {
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== undefined));
}

// ---- whole build --------------------------------------------------------------------------------------------

const TOP_KEYS = ['scopes', 'roles', 'concepts', 'definitions', 'securityContext'];

export function compile(files) {
  const result = { scopes: undefined, roles: undefined, concepts: undefined, definitions: {}, securityContext: undefined };
  const origin = {}; // definition name -> file, for messages about duplicates and references
  for (const absolute of files) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const doc = YAML.parseDocument(readFileSync(absolute, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) fail(file, '', `not valid YAML: ${doc.errors[0].message}`);
    const data = doc.toJS({ maxAliasCount: 1000 });
    if (data === null || data === undefined) continue;
    expectMap(file, '', data);
    onlyKeys(file, '', data, TOP_KEYS);
    const once = (key, value) => {
      if (result[key] !== undefined) fail(file, key, `already given in another file`);
      result[key] = value;
    };
    if (data.scopes !== undefined) once('scopes', textEntries(file, 'scopes', data.scopes, 'label', SCOPES));
    if (data.roles !== undefined) once('roles', textEntries(file, 'roles', data.roles, 'label', ROLES));
    if (data.concepts !== undefined) once('concepts', textEntries(file, 'concepts', data.concepts, 'title', CONCEPTS));
    const defs = {};
    if (data.definitions !== undefined) Object.assign(defs, definitionEntries(file, data.definitions));
    if (data.securityContext !== undefined) {
      const security = securityContextEntries(file, data.securityContext);
      once('securityContext', security.levels);
      Object.assign(defs, security.definitions);
    }
    for (const [name, def] of Object.entries(defs)) {
      if (origin[name]) fail(file, `definitions.${name}`, `already defined in ${origin[name]}`);
      origin[name] = file;
      result.definitions[name] = def;
    }
  }
  for (const key of ['scopes', 'roles', 'concepts', 'securityContext']) {
    if (result[key] === undefined) fail('schemas/', '', `no file gives "${key}"`);
  }

  // extends: the child starts from the parent's fields; an entry in the child replaces the parent's entry whole.
  const definitions = {};
  const resolve = (name, seen) => {
    if (definitions[name]) return definitions[name];
    const def = result.definitions[name];
    let fields = def.fields;
    if (def.extends !== undefined) {
      const parent = result.definitions[def.extends];
      if (!parent) fail(origin[name], `definitions.${name}.extends`, `unknown definition "${def.extends}"`);
      if (seen.has(def.extends)) fail(origin[name], `definitions.${name}.extends`, 'extends itself through a cycle');
      fields = { ...resolve(def.extends, new Set([...seen, name])).fields, ...def.fields };
    }
    const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
    return (definitions[name] = { fields: sorted });
  };
  for (const name of Object.keys(result.definitions).sort()) resolve(name, new Set([name]));

  for (const [name, def] of Object.entries(definitions)) {
    for (const [field, entry] of Object.entries(def.fields)) {
      if (entry.concept !== undefined && !result.concepts[entry.concept]) {
        fail(origin[name], `definitions.${name}.fields.${field}.concept`, `unknown concept "${entry.concept}" (known: ${Object.keys(result.concepts).join(', ')})`);
      }
    }
  }

  return {
    version: 1,
    scopes: result.scopes,
    roles: result.roles,
    concepts: result.concepts,
    securityContext: result.securityContext,
    definitions,
  };
}

function main() {
  const files = sourceFiles();
  if (files.length === 0) {
    console.error('build-annotations: no schemas/*.yaml files found');
    process.exit(1);
  }
  if (!process.argv.includes('--force') && upToDate(files)) return;
  let compiled;
  try {
    compiled = compile(files);
  } catch (error) {
    if (!(error instanceof AnnotationError)) throw error;
    console.error(`build-annotations: ${error.message}`);
    process.exit(1);
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  // Write to a temporary file first so a reader never sees half a file.
  const temporary = `${outFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(compiled, null, 1)}\n`);
  renameSync(temporary, outFile);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
