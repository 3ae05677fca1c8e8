import { definition, type SchemaNode } from './kubernetesSchema';

/**
 * The generated schema compiled into lookup tables for the validation walk.
 *
 * Why: the walk visits every node of files with tens of thousands of lines, so it must not follow `$ref`s, build
 * key lists or lower-case names per node. Each definition is compiled once, on first use, into a `Shape` whose
 * fields are a Map, with the lower-case names, the required fields and the enum values ready; the walk then only
 * does Map lookups.
 */
export type ShapeKind =
  | 'object'
  | 'map'
  | 'array'
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'int-or-string'
  | 'quantity'
  | 'any';

export interface Shape {
  readonly kind: ShapeKind;
  /** The definition name, for shapes that are a named definition (`io.k8s.api.core.v1.Container`). */
  readonly definition?: string;
  /** Fields of an object, by name. */
  readonly fields: ReadonlyMap<string, Shape>;
  /** Field names of an object by their lower-case form, for "did you mean" on a wrong case. */
  readonly lowerCaseFields: ReadonlyMap<string, string>;
  /** Field names of an object, in schema order. */
  readonly fieldNames: readonly string[];
  /** Required fields of an object. */
  readonly required: readonly string[];
  /** The shape of a map's values or an array's items. */
  readonly element?: Shape;
  /** Allowed strings, when the schema lists them. */
  readonly enumValues?: ReadonlySet<string>;
  /** `int32` or `int64` for integers; `date-time` for times. */
  readonly format?: string;
}

const REF_PREFIX = '#/definitions/';

/**
 * Fields the API server requires although the OpenAPI schema marks them optional. A container's image is left
 * optional upstream for tools that fill it in later, but the API server rejects a Pod or template without one.
 */
const EXTRA_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'io.k8s.api.core.v1.Container': ['image'],
  'io.k8s.api.core.v1.EphemeralContainer': ['image'],
  // Optional in the schema, but without them there is no PodSpec, and the API server requires its containers.
  'io.k8s.api.core.v1.Pod': ['spec'],
  'io.k8s.api.core.v1.PodTemplate': ['template'],
  'io.k8s.api.core.v1.PodTemplateSpec': ['spec'],
  'io.k8s.api.apps.v1.Deployment': ['spec'],
  'io.k8s.api.apps.v1.StatefulSet': ['spec'],
  'io.k8s.api.apps.v1.DaemonSet': ['spec'],
  'io.k8s.api.apps.v1.ReplicaSet': ['spec'],
  'io.k8s.api.batch.v1.Job': ['spec'],
  'io.k8s.api.batch.v1.JobTemplateSpec': ['spec'],
};

const ANY: Shape = emptyShape('any');
const byDefinition = new Map<string, Shape>();
const inline = new WeakMap<SchemaNode, Shape>();

/** The shape of a named definition, compiled on first use; undefined for a name the schema does not have. */
export function shapeOfDefinition(name: string): Shape | undefined {
  const cached = byDefinition.get(name);
  if (cached) return cached;
  const node = definition(name);
  if (!node) return undefined;
  // Registered before its fields are compiled, so that recursive definitions end.
  const shape = emptyShape(kindOf(node)) as MutableShape;
  shape.definition = name;
  byDefinition.set(name, shape);
  fill(shape, node, EXTRA_REQUIRED[name]);
  return shape;
}

type MutableShape = { -readonly [K in keyof Shape]: Shape[K] };

function emptyShape(kind: ShapeKind): Shape {
  return { kind, fields: new Map(), lowerCaseFields: new Map(), fieldNames: [], required: [] };
}

function shapeOf(node: SchemaNode): Shape {
  if (node.$ref) {
    const name = node.$ref.startsWith(REF_PREFIX) ? node.$ref.slice(REF_PREFIX.length) : node.$ref;
    return shapeOfDefinition(name) ?? ANY;
  }
  const cached = inline.get(node);
  if (cached) return cached;
  const shape = emptyShape(kindOf(node)) as MutableShape;
  inline.set(node, shape);
  fill(shape, node);
  return shape;
}

function fill(shape: MutableShape, node: SchemaNode, extraRequired: readonly string[] = []): void {
  if (node.format) shape.format = node.format;
  if (node.enum) shape.enumValues = new Set(node.enum);
  if (shape.kind === 'object') {
    const fields = new Map<string, Shape>();
    const lower = new Map<string, string>();
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      fields.set(name, shapeOf(child));
      lower.set(name.toLowerCase(), name);
    }
    shape.fields = fields;
    shape.lowerCaseFields = lower;
    shape.fieldNames = [...fields.keys()];
    shape.required = [...(node.required ?? []), ...extraRequired];
  } else if (shape.kind === 'map') {
    shape.element = typeof node.additionalProperties === 'object' ? shapeOf(node.additionalProperties) : ANY;
  } else if (shape.kind === 'array') {
    shape.element = node.items ? shapeOf(node.items) : ANY;
  }
}

function kindOf(node: SchemaNode): ShapeKind {
  if (node.format === 'int-or-string') return 'int-or-string';
  if (node.format === 'quantity') return 'quantity';
  const type = node.type;
  const types = type === undefined ? [] : typeof type === 'string' ? [type] : type;
  if (types.length === 0) {
    if (node.properties) return 'object';
    return typeof node.additionalProperties === 'object' ? 'map' : 'any';
  }
  if (types.length > 1) return 'any';
  switch (types[0]) {
    case 'object':
      // Every object with fields is closed (additionalProperties false) in the generated schema.
      if (node.properties) return 'object';
      // A free-form object (`{"type": "object"}` alone) accepts anything; a typed one is a map of its values.
      return typeof node.additionalProperties === 'object' ? 'map' : 'any';
    case 'array':
      return 'array';
    case 'string':
      return 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'any';
  }
}

/** A short name for a definition: `io.k8s.api.core.v1.Container` → `Container`. */
export function shortDefinitionName(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('.') + 1);
}

/**
 * How a project's custom resource changes the Kubernetes types it embeds (pod/workloadKinds.ts `CustomResourceShape`):
 * required fields it fills in itself, and fields it adds to the PodSpec.
 */
export interface ShapeVariant {
  /** Names the variant, for the cache. */
  readonly id: string;
  readonly defaulted?: Readonly<Record<string, readonly string[]>>;
  readonly podSpecExtras?: Readonly<Record<string, 'integer'>>;
}

const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';
const variants = new Map<string, Map<Shape, Shape>>();

/**
 * `shape` as a project's variant of the types sees it: a copy of every shape reachable from it (once per variant),
 * with the defaulted fields no longer required and the extra fields on the PodSpec. Copies keep their definition
 * names, so messages, version notes and annotations read them as the Kubernetes types they are.
 */
export function shapeVariant(shape: Shape, variant: ShapeVariant): Shape {
  if (!variant.defaulted && !variant.podSpecExtras) return shape;
  let copies = variants.get(variant.id);
  if (!copies) variants.set(variant.id, (copies = new Map()));
  return copyShape(shape, variant, copies);
}

function copyShape(shape: Shape, variant: ShapeVariant, copies: Map<Shape, Shape>): Shape {
  const done = copies.get(shape);
  if (done) return done;
  const copy = { ...shape } as MutableShape;
  // Registered before its fields are copied, so that recursive shapes end.
  copies.set(shape, copy);
  if (shape.element) copy.element = copyShape(shape.element, variant, copies);
  if (shape.kind !== 'object') return copy;
  const fields = new Map<string, Shape>();
  for (const [name, field] of shape.fields) fields.set(name, copyShape(field, variant, copies));
  const extras = shape.definition === POD_SPEC ? variant.podSpecExtras : undefined;
  for (const [name, kind] of Object.entries(extras ?? {})) fields.set(name, emptyShape(kind));
  copy.fields = fields;
  if (extras) {
    copy.fieldNames = [...fields.keys()];
    copy.lowerCaseFields = new Map([...fields.keys()].map((name) => [name.toLowerCase(), name]));
  }
  const defaulted = shape.definition ? variant.defaulted?.[shape.definition] : undefined;
  if (defaulted) copy.required = shape.required.filter((name) => !defaulted.includes(name));
  return copy;
}
