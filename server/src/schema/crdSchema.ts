import type { Path } from '../document/yamlTree';
import type { ResolvedSchema, SchemaNode } from './kubernetesSchema';

/**
 * Reading a CRD's schema (a served version's openAPIV3Schema, as plain JSON data) for hover and completion: the
 * schema at a path of a resource, its type in words, its bounds. A structural schema (what the API server requires
 * of a CRD) has no `$ref` and puts fields only in `properties`, so a path is followed through `properties`, `items`
 * and `additionalProperties` alone.
 */
export type CrdSchema = Readonly<Record<string, unknown>>;

/** The schema at `path` of a resource, or undefined where the path leaves it (an unknown or free-form field). */
export function crdSchemaAt(root: CrdSchema, path: Path): CrdSchema | undefined {
  let node: CrdSchema | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    node = crdChild(node, step);
  }
  return node;
}

/** One step down: a field of an object, an item of a list, a value of a map. */
export function crdChild(node: CrdSchema, step: string | number): CrdSchema | undefined {
  if (typeof step === 'number') return objectOf(node.items);
  const properties = crdProperties(node);
  if (properties) return objectOf(properties[step]);
  return objectOf(node.additionalProperties);
}

/** The fields of an object schema, in schema order; undefined for a schema without fixed fields. */
export function crdProperties(node: CrdSchema): Readonly<Record<string, CrdSchema>> | undefined {
  const properties = objectOf(node.properties);
  if (!properties) return undefined;
  const out: Record<string, CrdSchema> = {};
  for (const [name, value] of Object.entries(properties)) {
    const child = objectOf(value);
    if (child) out[name] = child;
  }
  return out;
}

/** The fields an object schema requires. */
export function crdRequired(node: CrdSchema): readonly string[] {
  return Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [];
}

/** The allowed values of a schema with an enum, as written (strings, numbers, booleans). */
export function crdEnum(node: CrdSchema): readonly (string | number | boolean)[] {
  if (!Array.isArray(node.enum)) return [];
  return node.enum.filter((v): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
}

/** A schema's type in a few words: `integer (int32)`, `string`, `integer or string`, `map of string`, `object[]`. */
export function crdTypeLabel(node: CrdSchema): string {
  if (node['x-kubernetes-int-or-string'] === true) return 'integer or string';
  const type = typeof node.type === 'string' ? node.type : undefined;
  const format = typeof node.format === 'string' ? node.format : undefined;
  switch (type) {
    case 'array': {
      const items = objectOf(node.items);
      return items ? `${crdTypeLabel(items)}[]` : 'array';
    }
    case 'object': {
      const values = objectOf(node.additionalProperties);
      if (values && !node.properties) return `map of ${crdTypeLabel(values)}`;
      return node['x-kubernetes-embedded-resource'] === true ? 'object (a Kubernetes object)' : 'object';
    }
    case undefined:
      return node['x-kubernetes-preserve-unknown-fields'] === true ? 'any' : 'object';
    default:
      return format ? `${type} (${format})` : type;
  }
}

/**
 * The bounds a schema sets, in words: `minimum 1`, `at most 63 characters`, `pattern ^[a-z]+$`... OpenAPI v3.0
 * writes an exclusive bound as a boolean beside the bound.
 */
export function crdBounds(node: CrdSchema): string[] {
  const out: string[] = [];
  const num = (key: string) => (typeof node[key] === 'number' ? (node[key] as number) : undefined);
  const minimum = num('minimum');
  const maximum = num('maximum');
  if (minimum !== undefined) out.push(`${node.exclusiveMinimum === true ? 'greater than' : 'minimum'} ${minimum}`);
  if (maximum !== undefined) out.push(`${node.exclusiveMaximum === true ? 'less than' : 'maximum'} ${maximum}`);
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(min === max ? `exactly ${min} ${unit}` : `${min} to ${max} ${unit}`);
    else if (min !== undefined) out.push(`at least ${min} ${unit}`);
    else if (max !== undefined) out.push(`at most ${max} ${unit}`);
  };
  range(num('minLength'), num('maxLength'), 'characters');
  range(num('minItems'), num('maxItems'), 'items');
  range(num('minProperties'), num('maxProperties'), 'entries');
  if (typeof node.pattern === 'string') out.push(`pattern \`${node.pattern}\``);
  return out;
}

/** The `x-kubernetes-validations` (CEL) rules written on this schema node, with their messages. */
export function crdCelRules(node: CrdSchema): { readonly rule: string; readonly message?: string }[] {
  const rules = node['x-kubernetes-validations'];
  if (!Array.isArray(rules)) return [];
  const out: { rule: string; message?: string }[] = [];
  for (const entry of rules) {
    const rule = objectOf(entry);
    if (typeof rule?.rule !== 'string') continue;
    out.push({ rule: rule.rule, message: typeof rule.message === 'string' ? rule.message : undefined });
  }
  return out;
}

function objectOf(value: unknown): CrdSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CrdSchema) : undefined;
}

const AS_SCHEMA_NODE = new WeakMap<CrdSchema, SchemaNode>();

/**
 * A CRD's schema node read as the generated schema's nodes are (kubernetesSchema.ts), so that completion offers
 * its keys and values with the same code as Kubernetes' own: enum values as text, int-or-string as that format.
 * Converted on first use, once per node.
 */
export function crdAsResolvedSchema(node: CrdSchema): ResolvedSchema {
  const converted = asSchemaNode(node);
  return { node: converted, description: converted.description };
}

function asSchemaNode(node: CrdSchema): SchemaNode {
  const known = AS_SCHEMA_NODE.get(node);
  if (known) return known;
  const out: { -readonly [K in keyof SchemaNode]: SchemaNode[K] } = {};
  AS_SCHEMA_NODE.set(node, out);
  if (typeof node.type === 'string') out.type = node.type;
  if (node['x-kubernetes-int-or-string'] === true) out.format = 'int-or-string';
  else if (typeof node.format === 'string') out.format = node.format;
  const values = crdEnum(node);
  if (values.length) out.enum = values.map(String);
  if (typeof node.description === 'string') out.description = node.description;
  const properties = crdProperties(node);
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, asSchemaNode(child)]));
  const required = crdRequired(node);
  if (required.length) out.required = required;
  const mapValues = objectOf(node.additionalProperties);
  if (mapValues) out.additionalProperties = asSchemaNode(mapValues);
  const items = objectOf(node.items);
  if (items) out.items = asSchemaNode(items);
  return out;
}
