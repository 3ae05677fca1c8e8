import type { WorkloadKind } from '../pod/workloadKinds';
import { shapeOfDefinition, shapeVariant, type Shape } from './shapes';

/**
 * The shape of the Kubernetes value a custom resource embeds (a Rollout's PodTemplateSpec, a ScaledJob's JobSpec),
 * as the project's variant of the types reads it (Knative's RevisionSpec: a PodSpec with fields of its own, and
 * fields Knative fills in). Undefined for a Kubernetes kind.
 */
export function embeddedShapeOf(workload: WorkloadKind): Shape | undefined {
  const custom = workload.customResource;
  const shape = custom ? shapeOfDefinition(custom.schemaDefinition) : undefined;
  if (!custom || !shape) return undefined;
  return shapeVariant(shape, { id: custom.project, defaulted: custom.defaulted, podSpecExtras: custom.podSpecExtras });
}

/**
 * A stand-in for the whole custom resource: open mappings along `path` down to `inner`. Only the levels of the Pod
 * read it (to find the shapes at their paths); the walk starts at `path` and never sees the stand-in's fields.
 */
export function shapeAround(path: readonly (string | number)[], inner: Shape): Shape {
  let shape = inner;
  for (let i = path.length - 1; i >= 0; i--) {
    const step = String(path[i]);
    shape = { kind: 'object', fields: new Map([[step, shape]]), lowerCaseFields: new Map([[step.toLowerCase(), step]]), fieldNames: [step], required: [] };
  }
  return shape;
}
