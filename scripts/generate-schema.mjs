// Generates dist/schema/kubernetes.schema.json, the Kubernetes knowledge the language server validates against,
// from the npm package kubernetes-models (pinned in package.json; it tracks one Kubernetes minor version).
//
// Sources inside the package, each used for what it says best:
// - the declaration files (`*.d.ts`): structure, field descriptions (JSDoc), optional fields (`?`), string-literal
//   unions (enums), arrays, maps and references to other models. They are parsed, not type-checked (fast).
// - the compiled validators (`_schemas/*.js`): which fields are required, and which numbers are integers and of
//   which format (int32/int64). They are run on probe objects rather than read as text, so they answer exactly
//   as the package would.
//
// The output is build output only: it carries upstream description text, which must never be committed.
// Usage: node scripts/generate-schema.mjs [--force]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const modelsDir = path.join(root, 'node_modules', 'kubernetes-models');
const modelsPackageJson = path.join(modelsDir, 'package.json');
const outFile = path.join(root, 'dist', 'schema', 'kubernetes.schema.json');
const selfFile = fileURLToPath(import.meta.url);

const EXPECTED_PACKAGE_VERSION = '5.1.0';
const KUBERNETES_VERSION = '1.36';

/** The pod-carrying kinds: `apiVersion/kind` and the declaration file that holds each. */
const KINDS = [
  ['v1', 'Pod', 'v1/Pod'],
  ['v1', 'PodTemplate', 'v1/PodTemplate'],
  ['apps/v1', 'Deployment', 'apps/v1/Deployment'],
  ['apps/v1', 'StatefulSet', 'apps/v1/StatefulSet'],
  ['apps/v1', 'DaemonSet', 'apps/v1/DaemonSet'],
  ['apps/v1', 'ReplicaSet', 'apps/v1/ReplicaSet'],
  ['batch/v1', 'Job', 'batch/v1/Job'],
  ['batch/v1', 'CronJob', 'batch/v1/CronJob'],
];

/**
 * The companion kinds: objects that travel with workloads in the same manifests. They are validated field by
 * field like the pod-carrying kinds, but carry no Pod, so they are listed apart (`x-companion-kinds`): the Pod
 * levels and the misplaced-field logic apply to `x-kinds` only.
 */
const COMPANION_KINDS = [
  ['v1', 'Service', 'v1/Service'],
  ['v1', 'ConfigMap', 'v1/ConfigMap'],
  ['v1', 'Secret', 'v1/Secret'],
  ['v1', 'PersistentVolumeClaim', 'v1/PersistentVolumeClaim'],
  ['v1', 'ServiceAccount', 'v1/ServiceAccount'],
  ['networking.k8s.io/v1', 'Ingress', 'networking.k8s.io/v1/Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networking.k8s.io/v1/NetworkPolicy'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'autoscaling/v2/HorizontalPodAutoscaler'],
  ['policy/v1', 'PodDisruptionBudget', 'policy/v1/PodDisruptionBudget'],
];

/** Models that are not objects: the shapes every reader relies on (see ARCHITECTURE.md, server/src/schema/). */
const SPECIAL_SCALARS = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: ['integer', 'string'], format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'], format: 'quantity' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
};

// ---------------------------------------------------------------------------------------------------------------
// Skip when up to date.

const force = process.argv.includes('--force');
if (!force && existsSync(outFile)) {
  const outTime = statSync(outFile).mtimeMs;
  if (outTime > statSync(selfFile).mtimeMs && outTime > statSync(modelsPackageJson).mtimeMs) process.exit(0);
}

const started = performance.now();
// Loaded only when there is work to do: the up-to-date check above runs on every build.
const { default: ts } = await import('typescript');
const modelsVersion = JSON.parse(readFileSync(modelsPackageJson, 'utf8')).version;
if (modelsVersion !== EXPECTED_PACKAGE_VERSION) {
  fail(`kubernetes-models ${modelsVersion} is installed, but this generator knows ${EXPECTED_PACKAGE_VERSION} ` +
    `(Kubernetes ${KUBERNETES_VERSION}); update EXPECTED_PACKAGE_VERSION and KUBERNETES_VERSION together`);
}

function fail(message) {
  console.error(`generate-schema: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Declaration files: where they are, what they are called.

/** Resolves an import specifier of a declaration file to the declaration file it names. */
function resolveDeclaration(fromFile, specifier) {
  const bare = specifier.replace(/\.js$/, '');
  if (bare.startsWith('.')) return path.resolve(path.dirname(fromFile), `${bare}.d.ts`);
  for (const base of [path.join(modelsDir, 'node_modules'), path.join(root, 'node_modules')]) {
    const candidate = path.join(base, `${bare}.d.ts`);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} imported by ${fromFile}`);
}

/** The package and the path inside it of a declaration file. */
function packageLocation(file) {
  const rel = path.relative(path.join(root, 'node_modules'), file).split(path.sep);
  const nested = rel.lastIndexOf('node_modules');
  const parts = nested >= 0 ? rel.slice(nested + 1) : rel;
  const packageName = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  const inner = parts.slice(packageName.split('/').length);
  return { packageName, inner, packageDir: path.join(file.slice(0, file.length - path.join(...inner).length)) };
}

/**
 * The OpenAPI name of the model a declaration file holds, from its place in the package. The package names each
 * model after the OpenAPI name (`IoK8sApiCoreV1ContainerPort`), which confirms the result.
 */
function openApiName(file, exportedId) {
  const { packageName, inner } = packageLocation(file);
  const segments = inner.slice(0, -1);
  const model = inner[inner.length - 1].replace(/\.d\.ts$/, '');
  let name;
  if (packageName === 'kubernetes-models') {
    // v1/X is the core group; apps/v1/X, batch/v1/X, networking.k8s.io/v1/X are named groups.
    const group = segments.length === 1 ? 'core' : segments[0].split('.')[0];
    name = ['io', 'k8s', 'api', group, segments[segments.length - 1], model].join('.');
  } else if (packageName === '@kubernetes-models/apimachinery') {
    name = ['io', 'k8s', 'apimachinery', 'pkg', ...segments, model].join('.');
  } else {
    throw new Error(`unexpected package ${packageName} for ${file}`);
  }
  const pascal = name.split(/[.-]/).map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');
  if (pascal !== exportedId) throw new Error(`${file}: derived name ${name} does not match ${exportedId}`);
  return name;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one declaration file.

/** The text of the JSDoc comment right before a node, with the comment markup removed. */
function jsDocBefore(text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const raw = text.slice(ranges[i].pos, ranges[i].end);
    if (!raw.startsWith('/**')) continue;
    const lines = raw.slice(3, -2).split('\n').map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
    // The package appends JSDoc tags of its own (`@deprecated`) after the upstream text; they are not part of it.
    const blankOrTag = (line) => line === '' || /^@\w+/.test(line);
    while (lines.length && blankOrTag(lines[lines.length - 1])) lines.pop();
    while (lines.length && lines[0] === '') lines.shift();
    // The package escapes every `*` of the upstream text (so that no `*/` can end the comment); undo it.
    return lines.join('\n').replace(/\\\*/g, '*');
  }
  return undefined;
}

function propertyName(nameNode) {
  if (ts.isStringLiteral(nameNode) || ts.isIdentifier(nameNode)) return nameNode.text;
  throw new Error(`unsupported property name ${nameNode.getText()}`);
}

/**
 * Parses a declaration file into a model description:
 * { file, id, name, description, kind: 'object', members: [{ name, optional, type, description }] }
 * or { ..., kind: 'alias', type }. Type nodes are turned into plain type descriptions (see `describeType`).
 */
function readModel(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports = new Map();
  let localName;
  let exportedId;
  const declarations = new Map();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier.text;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) imports.set(element.name.text, specifier);
      }
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declarations.set(statement.name.text, statement);
    } else if (ts.isExportDeclaration(statement) && statement.isTypeOnly && statement.exportClause) {
      // export type { IContainerPort as IIoK8sApiCoreV1ContainerPort, ContainerPort as IoK8sApiCoreV1ContainerPort };
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        const exported = element.name.text;
        if (/^II[oO]/.test(exported)) {
          localName = local;
          exportedId = exported.slice(1);
        }
      }
    }
  }
  if (!localName) throw new Error(`${file}: no exported model interface`);
  const name = openApiName(file, exportedId);
  const declaration = declarations.get(localName);
  if (!declaration) throw new Error(`${file}: ${localName} is not declared`);

  const describeType = (node) => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return { kind: 'string' };
      case ts.SyntaxKind.NumberKeyword: return { kind: 'number' };
      case ts.SyntaxKind.BooleanKeyword: return { kind: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword: return { kind: 'any' };
      case ts.SyntaxKind.ParenthesizedType: return describeType(node.type);
      case ts.SyntaxKind.LiteralType:
        if (ts.isStringLiteral(node.literal)) return { kind: 'string', enum: [node.literal.text] };
        break;
      case ts.SyntaxKind.UnionType: {
        const parts = node.types.map(describeType);
        if (parts.every((p) => p.kind === 'string' && p.enum)) return { kind: 'string', enum: parts.flatMap((p) => p.enum) };
        const kinds = new Set(parts.map((p) => (p.enum ? 'literal' : p.kind)));
        if (kinds.size === 2 && kinds.has('string') && kinds.has('number')) return { kind: 'string|number' };
        break;
      }
      case ts.SyntaxKind.ArrayType: return { kind: 'array', items: describeType(node.elementType) };
      case ts.SyntaxKind.TypeReference: {
        const refName = node.typeName.getText(source);
        if (refName === 'Array' && node.typeArguments?.length === 1) return { kind: 'array', items: describeType(node.typeArguments[0]) };
        const specifier = imports.get(refName);
        if (specifier) return { kind: 'ref', file: resolveDeclaration(file, specifier) };
        break;
      }
      case ts.SyntaxKind.TypeLiteral: {
        // { [key: string]: X } is a free-form map.
        const [member, ...rest] = node.members;
        if (!member) return { kind: 'map', values: { kind: 'any' } };
        if (node.members.every(ts.isPropertySignature)) return embeddedKind(file, node.members.map(describeMember));
        if (rest.length === 0 && ts.isIndexSignatureDeclaration(member) && member.parameters.length === 1 &&
          member.parameters[0].type?.kind === ts.SyntaxKind.StringKeyword) {
          return { kind: 'map', values: describeType(member.type) };
        }
        break;
      }
    }
    throw new Error(`${file}: unsupported type ${node.getText(source)}`);
  };

  const describeMember = (member) => {
    if (!ts.isPropertySignature(member) || !member.type) throw new Error(`${file}: unsupported member ${member.getText(source)}`);
    return {
      name: propertyName(member.name),
      optional: Boolean(member.questionToken),
      type: describeType(member.type),
      description: jsDocBefore(text, member),
    };
  };

  const description = jsDocBefore(text, declaration);
  if (ts.isTypeAliasDeclaration(declaration)) {
    return { file, id: exportedId, name, description, kind: 'alias', type: describeType(declaration.type) };
  }
  // Kinds (Pod, PersistentVolumeClaim...) extend TypeMeta: their apiVersion and kind are literal types.
  const typeMeta = (declaration.heritageClauses ?? []).some((clause) => clause.types.some((t) => t.expression.getText(source) === 'TypeMeta'));
  return { file, id: exportedId, name, description, kind: 'object', typeMeta, members: declaration.members.map(describeMember) };
}

const modelCache = new Map();
function readModelCached(file) {
  if (!modelCache.has(file)) modelCache.set(file, readModel(file));
  return modelCache.get(file);
}

/**
 * The package writes a kind embedded in another model (the PersistentVolumeClaim items of
 * StatefulSetSpec.volumeClaimTemplates) as an inline object type, with apiVersion and kind as optional strings.
 * Upstream refers to the kind by name. Find it: a kind `X` beside the `XSpec`/`XStatus` the inline type refers
 * to, whose other fields are exactly the inline ones.
 */
function embeddedKind(file, members) {
  const rest = (list) => JSON.stringify(list.filter((m) => m.name !== 'apiVersion' && m.name !== 'kind'));
  const candidates = new Set();
  for (const member of members) {
    if (member.type.kind !== 'ref') continue;
    const base = member.type.file.replace(/(Spec|Status)\.d\.ts$/, '.d.ts');
    if (base !== member.type.file && existsSync(base)) candidates.add(base);
  }
  for (const candidate of candidates) {
    const model = readModelCached(candidate);
    if (model.kind === 'object' && model.typeMeta && rest(model.members) === rest(members)) return { kind: 'ref', file: candidate };
  }
  throw new Error(`${file}: an inline object type matches no kind (fields ${members.map((m) => m.name)})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Walking the models the kinds reach.

const models = new Map(); // file -> model
const kindFiles = KINDS.map(([, , rel]) => path.join(modelsDir, `${rel}.d.ts`));
const companionFiles = COMPANION_KINDS.map(([, , rel]) => path.join(modelsDir, `${rel}.d.ts`));
const queue = [...kindFiles, ...companionFiles];
while (queue.length) {
  const file = queue.shift();
  if (models.has(file)) continue;
  const model = readModelCached(file);
  models.set(file, model);
  const visit = (type) => {
    if (type.kind === 'ref') queue.push(type.file);
    else if (type.kind === 'array') visit(type.items);
    else if (type.kind === 'map') visit(type.values);
  };
  if (model.kind === 'object') for (const member of model.members) visit(member.type);
  else visit(model.type);
}

// ---------------------------------------------------------------------------------------------------------------
// Asking the validators: required fields, integer fields and their formats.

function validatorFile(model) {
  const { packageDir } = packageLocation(model.file);
  return path.join(packageDir, '_schemas', `${model.id}.js`);
}

/** A value the validator must reject if the number at this place is an integer (with a format). */
function probeValue(type) {
  if (type.kind === 'number') return 1.5;
  if (type.kind === 'array') { const v = probeValue(type.items); return v === undefined ? undefined : [v]; }
  if (type.kind === 'map') { const v = probeValue(type.values); return v === undefined ? undefined : { probe: v }; }
  return undefined;
}

const objectModels = [...models.values()].filter((m) => m.kind === 'object');
await Promise.all(objectModels.map(async (model) => {
  const { validate } = await import(pathToFileURL(validatorFile(model)).href);
  validate({});
  model.validatorRequired = (validate.errors ?? [])
    .filter((e) => e.keyword === 'required' && e.instancePath === '')
    .map((e) => e.params.missingProperty);

  const probe = {};
  for (const member of model.members) {
    const value = probeValue(member.type);
    if (value !== undefined) probe[member.name] = value;
  }
  model.numbers = new Map(); // member name -> { integer, format }
  if (Object.keys(probe).length === 0) return;
  validate(probe);
  for (const name of Object.keys(probe)) model.numbers.set(name, { integer: false, format: undefined });
  for (const error of validate.errors ?? []) {
    const [, field] = error.instancePath.split('/');
    const facts = model.numbers.get(field);
    if (!facts) continue;
    if (error.keyword === 'type' && error.params.type === 'integer') facts.integer = true;
    if (error.keyword === 'format') facts.format = error.params.format;
  }
}));

// ---------------------------------------------------------------------------------------------------------------
// Writing the schema.

// Companion kinds are not pinned: PersistentVolumeClaim is also embedded (StatefulSet volumeClaimTemplates), where
// upstream leaves apiVersion and kind free, and a document's own apiVersion and kind already chose its definition.
const kindDefinitionNames = new Set(kindFiles.map((file) => models.get(file).name));
const typeMetaDescriptions = readTypeMetaDescriptions();

/**
 * The package declares no description for apiVersion and kind of the kinds (they come from its TypeMeta); the
 * upstream text is the same for every kind, and the package carries it on its Status model.
 */
function readTypeMetaDescriptions() {
  const status = readModel(resolveDeclaration(modelsDir, '@kubernetes-models/apimachinery/apis/meta/v1/Status'));
  return Object.fromEntries(status.members.filter((m) => m.name === 'apiVersion' || m.name === 'kind').map((m) => [m.name, m.description]));
}

function schemaOf(type, numberFacts) {
  switch (type.kind) {
    case 'string': return type.enum ? { type: 'string', enum: type.enum } : { type: 'string' };
    case 'boolean': return { type: 'boolean' };
    case 'number':
      if (!numberFacts?.integer) return { type: 'number' };
      return numberFacts.format ? { type: 'integer', format: numberFacts.format } : { type: 'integer' };
    case 'any': return {};
    case 'ref': return { $ref: `#/definitions/${models.get(type.file).name}` };
    case 'array': return { type: 'array', items: schemaOf(type.items, numberFacts) };
    case 'map': return { type: 'object', additionalProperties: schemaOf(type.values, numberFacts) };
    default: throw new Error(`no schema for ${JSON.stringify(type)}`);
  }
}

function withDescription(schema, description) {
  if (description === undefined) return schema;
  // Put the description first after $ref/type so that the file reads well; key order carries no meaning.
  const [first, ...rest] = Object.entries(schema);
  return Object.fromEntries([first, ['description', description], ...rest].filter(Boolean));
}

const definitions = {};
for (const model of [...models.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
  if (model.kind === 'alias') {
    const special = SPECIAL_SCALARS[model.name];
    if (!special) throw new Error(`${model.file}: alias ${model.name} has no known shape`);
    const expected = model.name.endsWith('Time') ? 'string' : 'string|number';
    if (model.type.kind !== expected) throw new Error(`${model.file}: ${model.name} is no longer ${expected}`);
    definitions[model.name] = withDescription({ ...special }, model.description);
    continue;
  }
  const isKind = kindDefinitionNames.has(model.name);
  const properties = {};
  const required = [];
  for (const member of model.members) {
    let schema = schemaOf(member.type, model.numbers.get(member.name));
    let description = member.description;
    const typeMeta = model.typeMeta && (member.name === 'apiVersion' || member.name === 'kind');
    if (typeMeta) {
      // The package types apiVersion/kind of a kind as required literals for its own use; upstream they are
      // optional strings. The pinned values stay as an enum on the kinds that are documents of their own.
      if (!schema.enum || schema.enum.length !== 1) throw new Error(`${model.name}.${member.name} is not a literal`);
      if (!isKind) delete schema.enum;
      description ??= typeMetaDescriptions[member.name];
    }
    properties[member.name] = withDescription(schema, description);
    if (!member.optional && !typeMeta) required.push(member.name);
  }
  const validatorRequired = model.validatorRequired.filter((n) => !(model.typeMeta && (n === 'apiVersion' || n === 'kind')));
  if (validatorRequired.slice().sort().join() !== required.slice().sort().join()) {
    throw new Error(`${model.name}: declarations require [${required}] but the validator requires [${validatorRequired}]`);
  }
  let definition;
  if (model.members.length === 0) {
    // An object the package declares without fields (FieldsV1): any JSON object.
    definition = { type: 'object', description: model.description, additionalProperties: {} };
  } else {
    definition = { type: 'object', description: model.description, properties };
    if (required.length) definition.required = required;
    definition.additionalProperties = false;
  }
  if (definition.description === undefined) delete definition.description;
  definitions[model.name] = definition;
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: `Generated by scripts/generate-schema.mjs from kubernetes-models ${modelsVersion} (Kubernetes ${KUBERNETES_VERSION}); do not edit. ` +
    'Int-or-string, Quantity, Time and MicroTime are definitions of their own, referenced by $ref like every other model.',
  'x-kubernetes-version': KUBERNETES_VERSION,
  'x-kinds': Object.fromEntries(KINDS.map(([apiVersion, kind], i) => [`${apiVersion}/${kind}`, models.get(kindFiles[i]).name])),
  'x-companion-kinds': Object.fromEntries(
    COMPANION_KINDS.map(([apiVersion, kind], i) => [`${apiVersion}/${kind}`, models.get(companionFiles[i]).name]),
  ),
  definitions,
};

mkdirSync(path.dirname(outFile), { recursive: true });
const json = JSON.stringify(schema);
writeFileSync(outFile, json);
const ms = Math.round(performance.now() - started);
console.log(`generate-schema: ${Object.keys(definitions).length} definitions, ${Math.round(json.length / 1024)} KiB, ${ms} ms -> ${path.relative(root, outFile)}`);
