import { readSchemaAsset } from './assets';

/**
 * Our own knowledge of the Pod model, in our own words: for each field of the PodSpec, a container, the workload
 * specs and the security contexts, which level it belongs to (its scope), a short explanation of what that means
 * for the field, a kubernetes.io docs link, and the reason to give when the field is written at the wrong level.
 *
 * The texts live in `schemas/*.yaml`; `scripts/build-annotations.mjs` checks and compiles them into
 * `dist/schema/annotations.json`, which this module reads once, on first use (the server starts faster when a
 * document never needs it, and tests that never ask do not need the build).
 */

/** Where a field belongs: the whole Pod, one container, or the controller that makes Pods. */
export type Scope = 'pod' | 'container' | 'workload';

/** Where a securityContext field exists: only the Pod's, only a container's, or both (the container's value wins). */
export type SecurityLevel = 'pod' | 'container' | 'both';

/** The reusable concept texts, named so hovers and messages can point to one ("see: shared network"). */
export type ConceptName = 'network' | 'storage' | 'lifecycle' | 'resources' | 'scheduling' | 'security' | 'identity' | 'templates';
export const CONCEPT_NAMES: readonly ConceptName[] = ['network', 'storage', 'lifecycle', 'resources', 'scheduling', 'security', 'identity', 'templates'];

/** The parts a container can play in a Pod. A native sidecar is an init container with restartPolicy Always. */
export type RoleName = 'app' | 'init' | 'sidecar' | 'ephemeral';
export const ROLE_NAMES: readonly RoleName[] = ['app', 'init', 'sidecar', 'ephemeral'];

export interface FieldAnnotation {
  readonly scope: Scope;
  /** 1-3 sentences on what the scope means for this field. */
  readonly explain?: string;
  /** A https://kubernetes.io/docs/... page for the concept. */
  readonly docs?: string;
  /** A clause (lower case, no full stop) for "`field` belongs to the Pod (path): <misplaced>". Set where people often misplace the field. */
  readonly misplaced?: string;
  /** The concept this field illustrates, for a "learn more" line. */
  readonly concept?: ConceptName;
  /** The schema has the field but the API rejects it here (fields an ephemeral container cannot have). */
  readonly unsupported?: true;
}

export interface ScopeDescription {
  readonly label: 'Pod-level' | 'container-level' | 'workload-level';
  readonly explain: string;
  readonly docs?: string;
}

export interface Concept {
  readonly title: string;
  readonly explain: string;
  readonly docs?: string;
}

export interface Role {
  readonly label: string;
  readonly explain: string;
  readonly docs?: string;
}

/** Definition names, as keyed in the generated schema, of everything annotated. */
export const DEFINITIONS = {
  PodSpec: 'io.k8s.api.core.v1.PodSpec',
  Container: 'io.k8s.api.core.v1.Container',
  EphemeralContainer: 'io.k8s.api.core.v1.EphemeralContainer',
  PodSecurityContext: 'io.k8s.api.core.v1.PodSecurityContext',
  SecurityContext: 'io.k8s.api.core.v1.SecurityContext',
  PodTemplateSpec: 'io.k8s.api.core.v1.PodTemplateSpec',
  DeploymentSpec: 'io.k8s.api.apps.v1.DeploymentSpec',
  StatefulSetSpec: 'io.k8s.api.apps.v1.StatefulSetSpec',
  DaemonSetSpec: 'io.k8s.api.apps.v1.DaemonSetSpec',
  ReplicaSetSpec: 'io.k8s.api.apps.v1.ReplicaSetSpec',
  JobSpec: 'io.k8s.api.batch.v1.JobSpec',
  JobTemplateSpec: 'io.k8s.api.batch.v1.JobTemplateSpec',
  CronJobSpec: 'io.k8s.api.batch.v1.CronJobSpec',
} as const;

/**
 * The levels homeOf answers with, in this order: the Pod, a container, then the workloads. EphemeralContainer is
 * left out (its fields are the Container's), and so are the templates (only metadata/spec) and the security
 * contexts (use securityContextLevel for those).
 */
const HOME_DEFINITIONS: readonly string[] = [
  DEFINITIONS.PodSpec,
  DEFINITIONS.Container,
  DEFINITIONS.DeploymentSpec,
  DEFINITIONS.StatefulSetSpec,
  DEFINITIONS.DaemonSetSpec,
  DEFINITIONS.ReplicaSetSpec,
  DEFINITIONS.JobSpec,
  DEFINITIONS.CronJobSpec,
];

/** The shape of annotations.json (see scripts/build-annotations.mjs). */
interface AnnotationsFile {
  version: number;
  scopes: Record<Scope, ScopeDescription>;
  roles: Record<string, Role>;
  concepts: Record<string, Concept>;
  securityContext: Record<string, SecurityLevel>;
  definitions: Record<string, { fields: Record<string, FieldAnnotation> }>;
}

/** Maps instead of the JSON objects, so that a field named like `constructor` or `toString` finds nothing. */
interface Loaded {
  file: AnnotationsFile;
  definitions: Map<string, Map<string, FieldAnnotation>>;
  homes: Map<string, readonly string[]>;
  security: Map<string, SecurityLevel>;
  concepts: Map<string, Concept>;
  roles: Map<string, Role>;
}

let loaded: Loaded | undefined;

function data(): Loaded {
  if (loaded) return loaded;
  const file = readSchemaAsset('annotations.json') as AnnotationsFile;
  if (file?.version !== 1) throw new Error('dist/schema/annotations.json has an unknown format: run `npm run build`');
  const definitions = new Map<string, Map<string, FieldAnnotation>>();
  for (const [name, def] of Object.entries(file.definitions)) {
    definitions.set(name, new Map(Object.entries(def.fields).map(([field, entry]) => [field, Object.freeze(entry)])));
  }
  const homes = new Map<string, string[]>();
  for (const name of HOME_DEFINITIONS) {
    for (const field of definitions.get(name)?.keys() ?? []) {
      const list = homes.get(field) ?? [];
      list.push(name);
      homes.set(field, list);
    }
  }
  loaded = {
    file,
    definitions,
    homes,
    security: new Map(Object.entries(file.securityContext)),
    concepts: new Map(Object.entries(file.concepts)),
    roles: new Map(Object.entries(file.roles)),
  };
  return loaded;
}

/** The annotation of `field` in `definition` (e.g. 'io.k8s.api.core.v1.PodSpec', 'volumes'), if we have one. */
export function fieldAnnotation(definition: string, field: string): FieldAnnotation | undefined {
  return data().definitions.get(definition)?.get(field);
}

/** The annotated field names of a definition, sorted; empty for a definition we do not annotate. */
export function annotatedFields(definition: string): readonly string[] {
  return [...(data().definitions.get(definition)?.keys() ?? [])];
}

/** What a scope means, with its label for display ("Pod-level"). */
export function scopeDescription(scope: Scope): ScopeDescription {
  return data().file.scopes[scope];
}

/** A reusable concept text (shared network, storage, lifecycle, resources, scheduling, ...). */
export function concept(name: ConceptName): Concept | undefined {
  return data().concepts.get(name);
}

/** What a container's role means: app, init, native sidecar or ephemeral. */
export function role(name: RoleName): Role | undefined {
  return data().roles.get(name);
}

/**
 * Where a securityContext field exists. 'both' means the Pod's value is the default and a container's own value
 * wins. undefined for a name that is no securityContext field.
 */
export function securityContextLevel(field: string): SecurityLevel | undefined {
  return data().security.get(field);
}

/**
 * The definitions where `field` is valid, among the PodSpec, Container and the workload specs, in that order;
 * empty when it is valid in none. A validator that finds `volumes` inside a container gets
 * ['io.k8s.api.core.v1.PodSpec'] and can then read fieldAnnotation(home, field).misplaced for the reason.
 */
export function homeOf(field: string): readonly string[] {
  return data().homes.get(field) ?? [];
}

/**
 * `read()` over the annotations, or undefined when dist/schema/annotations.json is not built (a checkout before
 * `npm run build`, a test without the build): every feature then falls back to the upstream description or its
 * own words instead of failing.
 */
export function ifAnnotationsBuilt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** fieldAnnotation, or undefined when the annotations are not built. */
export function annotationIfBuilt(definition: string, field: string): FieldAnnotation | undefined {
  return ifAnnotationsBuilt(() => fieldAnnotation(definition, field));
}
