import type { PlainValue } from '../../document/plainValue';

/**
 * A CRD version's `openAPIV3Schema` (a structural schema, OpenAPI v3 flavour) rewritten as the JSON Schema ajv
 * validates, with the API server's meaning:
 *
 * - pruning: an object's fields are the ones it declares; any other is unknown (`additionalProperties: false`),
 *   unless `x-kubernetes-preserve-unknown-fields` keeps them or `additionalProperties` gives a value schema. Only
 *   the structural part prunes: the value checks inside `allOf`/`anyOf`/`oneOf`/`not` declare no fields.
 * - `x-kubernetes-int-or-string`: an integer or a string. `nullable`: null is allowed too.
 * - `x-kubernetes-embedded-resource`: an object with `apiVersion` and `kind` (required) and `metadata`.
 * - `x-kubernetes-list-type: set`: no two equal items; `map` with `x-kubernetes-list-map-keys`: no two items with
 *   the same keys (the keyword LIST_MAP_KEYWORD, which compile.ts defines).
 * - the root always allows `apiVersion`, `kind` and `metadata` (ObjectMeta, which the metadata rules check).
 * - OpenAPI's boolean `exclusiveMinimum`/`exclusiveMaximum` become JSON Schema's numeric ones.
 *
 * Built from a list of known keywords, never by passing the CRD's object through: ajv sees only what is listed here
 * (no `$ref`, no `$id`, no keyword that reaches outside the schema). What the API server rejects in a CRD (`$ref`,
 * `patternProperties`, `uniqueItems: true`, properties beside additionalProperties...) and what is past the bounds
 * is a problem of the CRD instead of a schema.
 */
export const LIST_MAP_KEYWORD = 'x-podsmith-list-map-keys';

/** How large and deep a schema Podsmith compiles (sub-schemas counted once each): ajv took 1.2 to 1.9 s for 1,500 on two cores at a load of 10 (a fraction of that on an idle machine), once per schema content. */
export const STRUCTURAL_LIMITS = { maxSchemas: 1_500, maxDepth: 64 } as const;

export interface SchemaProblem {
  readonly message: string;
  /** The keys from `openAPIV3Schema` to the place of the problem (`['properties', 'spec', 'items']`). */
  readonly path: readonly string[];
  /** True when the schema is past Podsmith's bounds rather than wrong. */
  readonly bound?: boolean;
}

type PlainObject = { [key: string]: PlainValue };
export type JsonSchema = { [key: string]: unknown };

export type ConversionResult = { readonly schema: JsonSchema } | { readonly problem: SchemaProblem };

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** Keys the API server refuses in a v1 CRD schema, with why, in our words. */
const FORBIDDEN: Record<string, string> = {
  $ref: 'a CRD schema cannot use $ref: every type is written out in place',
  $schema: 'a CRD schema cannot name a $schema',
  id: 'a CRD schema cannot set id',
  definitions: 'a CRD schema cannot have definitions (and $ref to them): every type is written out in place',
  patternProperties: 'a CRD schema cannot use patternProperties',
  dependencies: 'a CRD schema cannot use dependencies',
  additionalItems: 'a CRD schema cannot use additionalItems',
};

const COUNTS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'] as const;

class Problem extends Error {
  constructor(readonly problem: SchemaProblem) {
    super(problem.message);
  }
}

export function toJsonSchema(root: PlainObject): ConversionResult {
  let schemas = 0;
  const fail = (path: string[], message: string, bound?: boolean): never => {
    throw new Problem({ message, path, ...(bound ? { bound } : {}) });
  };

  const convert = (node: PlainValue | undefined, path: string[], depth: number, prunes: boolean, isRoot = false): JsonSchema => {
    if (!isObject(node)) return fail(path, 'a schema must be a mapping of keywords');
    if (++schemas > STRUCTURAL_LIMITS.maxSchemas) return fail(path, `the schema has more than ${STRUCTURAL_LIMITS.maxSchemas.toLocaleString('en-US')} nested schemas, more than Podsmith checks`, true);
    if (depth > STRUCTURAL_LIMITS.maxDepth) return fail(path, `the schema nests deeper than ${STRUCTURAL_LIMITS.maxDepth} levels, more than Podsmith checks`, true);
    for (const key of Object.keys(FORBIDDEN)) if (Object.hasOwn(node, key)) fail([...path, key], FORBIDDEN[key]);

    const out: JsonSchema = {};
    const nullable = node.nullable === true;
    const intOrString = node['x-kubernetes-int-or-string'] === true;
    const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
    const embedded = node['x-kubernetes-embedded-resource'] === true;

    let type: string | undefined;
    if (node.type !== undefined) {
      if (typeof node.type !== 'string' || !TYPES.has(node.type)) fail([...path, 'type'], `type must be one of ${[...TYPES].join(', ')}`);
      type = node.type as string;
    }
    if (intOrString) {
      if (type !== undefined) fail([...path, 'type'], 'x-kubernetes-int-or-string stands instead of a type: remove type');
      out.type = nullable ? ['integer', 'string', 'null'] : ['integer', 'string'];
    } else if (type !== undefined) {
      out.type = nullable ? [type, 'null'] : type;
    }
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum)) fail([...path, 'enum'], 'enum must be a list of values');
      out.enum = nullable && !(node.enum as PlainValue[]).includes(null) ? [...(node.enum as PlainValue[]), null] : node.enum;
    }
    for (const bound of ['minimum', 'maximum', 'multipleOf'] as const) {
      if (node[bound] === undefined) continue;
      if (typeof node[bound] !== 'number') fail([...path, bound], `${bound} must be a number`);
      if (bound === 'multipleOf' && (node[bound] as number) <= 0) fail([...path, bound], 'multipleOf must be above 0');
      out[bound] = node[bound];
    }
    for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (node[flag] === true && typeof node[bound] === 'number') {
        out[flag] = node[bound];
        delete out[bound];
      } else if (node[flag] !== undefined && typeof node[flag] !== 'boolean') {
        fail([...path, flag], `${flag} must be true or false (it applies to ${bound})`);
      }
    }
    for (const count of COUNTS) {
      if (node[count] === undefined) continue;
      const value = node[count];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail([...path, count], `${count} must be a whole number, 0 or more`);
      out[count] = value;
    }
    if (node.pattern !== undefined) {
      if (typeof node.pattern !== 'string') fail([...path, 'pattern'], 'pattern must be a string (a regular expression)');
      out.pattern = node.pattern;
    }
    if (node.uniqueItems === true) fail([...path, 'uniqueItems'], 'the API server refuses uniqueItems: true (its check is quadratic); use x-kubernetes-list-type: set');
    if (node.required !== undefined) {
      if (!Array.isArray(node.required) || !node.required.every((r) => typeof r === 'string')) fail([...path, 'required'], 'required must be a list of field names');
      out.required = [...new Set(node.required as string[])];
    }

    // Structure: items, properties, additionalProperties.
    if (node.items !== undefined) {
      if (Array.isArray(node.items)) fail([...path, 'items'], 'items must be one schema, not a list of schemas');
      out.items = convert(node.items, [...path, 'items'], depth + 1, prunes);
    }
    const properties: JsonSchema = {};
    let hasProperties = false;
    if (node.properties !== undefined) {
      if (!isObject(node.properties)) fail([...path, 'properties'], 'properties must be a mapping of field names to schemas');
      const declared = node.properties as PlainObject;
      for (const name of Object.keys(declared)) {
        properties[name] = convert(declared[name], [...path, 'properties', name], depth + 1, prunes);
        hasProperties = true;
      }
    }
    if (node.additionalProperties !== undefined) {
      if (hasProperties) fail([...path, 'additionalProperties'], 'properties and additionalProperties cannot both be set: an object has fixed fields or is a map');
      const extra = node.additionalProperties;
      if (typeof extra === 'boolean') out.additionalProperties = extra;
      else out.additionalProperties = convert(extra, [...path, 'additionalProperties'], depth + 1, prunes);
    }
    if (embedded) {
      // An embedded object is a whole Kubernetes object: it has its own apiVersion, kind and metadata.
      for (const name of ['apiVersion', 'kind']) properties[name] ??= { type: 'string' };
      properties.metadata ??= { type: 'object' };
      hasProperties = true;
      out.required = [...new Set([...((out.required as string[] | undefined) ?? []), 'apiVersion', 'kind'])];
    }
    if (isRoot) {
      properties.apiVersion = { type: 'string' };
      properties.kind = { type: 'string' };
      // ObjectMeta: the metadata rules check it, whatever the CRD says of it.
      properties.metadata = { type: 'object' };
      hasProperties = true;
    }
    if (hasProperties) out.properties = properties;
    const isObjectSchema = type === 'object' || hasProperties || embedded;
    if (prunes && isObjectSchema && !preserve && node.additionalProperties === undefined) out.additionalProperties = false;

    // Value checks: they declare no fields, so nothing inside them prunes.
    for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[combinator];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) fail([...path, combinator], `${combinator} must be a non-empty list of schemas`);
      out[combinator] = (list as PlainValue[]).map((sub, i) => convert(sub, [...path, combinator, String(i)], depth + 1, false));
    }
    if (node.not !== undefined) out.not = convert(node.not, [...path, 'not'], depth + 1, false);

    const listType = node['x-kubernetes-list-type'];
    if (listType === 'set') out.uniqueItems = true;
    if (listType === 'map') {
      const keys = node['x-kubernetes-list-map-keys'];
      if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'string')) fail([...path, 'x-kubernetes-list-map-keys'], 'x-kubernetes-list-type: map needs x-kubernetes-list-map-keys, the list of the fields that identify an item');
      out[LIST_MAP_KEYWORD] = keys;
    }
    return out;
  };

  try {
    return { schema: convert(root, [], 0, true, true) };
  } catch (error) {
    if (error instanceof Problem) return { problem: error.problem };
    throw error;
  }
}

function isObject(value: PlainValue | undefined): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
