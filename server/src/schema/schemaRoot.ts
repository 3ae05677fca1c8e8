import type { DocumentIdentity } from '../document/manifestDocument';
import type { Path } from '../document/yamlTree';
import { podCarrierOf } from '../pod/podCarriers';
import type { WorkloadKind } from '../pod/workloadKinds';
import { companionDefinitionForKind, definitionForKind, schemaAtPath, type ResolvedSchema } from './kubernetesSchema';

/**
 * Where Kubernetes' schema describes a document: from `at` down, as `definition`. For a Kubernetes kind that is the
 * whole document (`at` is empty); for a custom resource with a Pod inside (pod/customPodKinds.ts) only the
 * Kubernetes value it embeds (a Rollout's `spec.template`, a PodTemplateSpec): the rest is the CRD's.
 */
export interface SchemaRoot {
  readonly definition: string;
  readonly at: Path;
}

/**
 * The schema root of a document: its apiVersion/kind's definition (a pod-carrying or a companion kind); for a
 * pod-carrying kind written with a missing or outdated apiVersion, the kind's current one (hover explains and
 * completion helps with the rest); for a known custom resource, the Kubernetes value inside it.
 */
export function schemaRootOf(identity: DocumentIdentity, carrier: WorkloadKind | undefined = podCarrierOf(identity)): SchemaRoot | undefined {
  const custom = carrier?.customResource;
  if (custom) return { definition: custom.schemaDefinition, at: custom.schemaPath };
  const definition =
    definitionForKind(identity) ??
    companionDefinitionForKind(identity) ??
    (carrier ? definitionForKind({ apiVersion: carrier.apiVersion, kind: carrier.kind }) : undefined);
  return definition ? { definition, at: [] } : undefined;
}

/** The schema at `path` of the document, or undefined where the path leaves the schema or lies outside the root. */
export function schemaAt(root: SchemaRoot, path: Path): ResolvedSchema | undefined {
  const inside = relativeToRoot(root, path);
  return inside ? schemaAtPath(root.definition, inside) : undefined;
}

/** `path` from the root's value, or undefined when it is not below the root. */
export function relativeToRoot(root: SchemaRoot, path: Path): Path | undefined {
  if (path.length < root.at.length) return undefined;
  for (let i = 0; i < root.at.length; i++) if (path[i] !== root.at[i]) return undefined;
  return root.at.length ? path.slice(root.at.length) : path;
}
