import type { DocumentIdentity } from '../document/manifestDocument';
import type { Path } from '../document/yamlTree';

/** A kind that carries a Pod, and where its PodSpec sits. */
export interface WorkloadKind {
  readonly kind: string;
  /** The apiVersion the API server serves for it today. */
  readonly apiVersion: string;
  /** Path from the document root to the PodSpec mapping. */
  readonly podSpecPath: Path;
  /** Path to the pod template's metadata (labels matched by the selector), where there is a template. */
  readonly templateMetadataPath?: Path;
  /** apiVersions that served this kind once and were removed, with the release that removed them. */
  readonly removedVersions: Readonly<Record<string, string>>;
  /** True when its Pods run to completion (a Job's), so the practices about serving do not apply. */
  readonly runsToCompletion?: boolean;
  /** Set for a custom resource (pod/customPodKinds.ts): what of it Kubernetes' own schema describes. */
  readonly customResource?: CustomResourceShape;
}

/**
 * A custom resource that embeds a Kubernetes type holding the Pod (a PodTemplateSpec, a JobSpec, a PodSpec). Only
 * that part is checked against the Kubernetes schema; the resource's own fields belong to its CRD.
 */
export interface CustomResourceShape {
  /** The project that defines it (`Argo Rollouts`), for hover. */
  readonly project: string;
  /** Path from the document root to the embedded Kubernetes value. */
  readonly schemaPath: Path;
  /** The Kubernetes definition of that value (`io.k8s.api.core.v1.PodTemplateSpec`). */
  readonly schemaDefinition: string;
  /** Fields the project adds to the PodSpec (Knative's RevisionSpec), with the type of their value. */
  readonly podSpecExtras?: Readonly<Record<string, 'integer'>>;
  /** Required fields of Kubernetes definitions that the project fills in itself, so a manifest may leave them out. */
  readonly defaulted?: Readonly<Record<string, readonly string[]>>;
  /** Found from the CRD's schema (pod/crdPodSites.ts): the CRD's own validation checks the embedded value. */
  readonly fromCrd?: boolean;
}

const TEMPLATE_SPEC = ['spec', 'template', 'spec'];
const TEMPLATE_META = ['spec', 'template', 'metadata'];

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Pod', apiVersion: 'v1', podSpecPath: ['spec'], removedVersions: {} },
  { kind: 'PodTemplate', apiVersion: 'v1', podSpecPath: ['template', 'spec'], templateMetadataPath: ['template', 'metadata'], removedVersions: {} },
  {
    kind: 'Deployment', apiVersion: 'apps/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META,
    removedVersions: { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  },
  {
    kind: 'StatefulSet', apiVersion: 'apps/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META,
    removedVersions: { 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  },
  {
    kind: 'DaemonSet', apiVersion: 'apps/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META,
    removedVersions: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  },
  {
    kind: 'ReplicaSet', apiVersion: 'apps/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META,
    removedVersions: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  },
  { kind: 'Job', apiVersion: 'batch/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META, removedVersions: {}, runsToCompletion: true },
  {
    kind: 'CronJob', apiVersion: 'batch/v1', podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    templateMetadataPath: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
    removedVersions: { 'batch/v1beta1': '1.25', 'batch/v2alpha1': '1.21' }, runsToCompletion: true,
  },
];

const BY_KIND = new Map(WORKLOAD_KINDS.map((k) => [k.kind, k]));

/** The pod-carrying kind of a document written with a served apiVersion, or undefined. */
export function workloadKindOf(identity: DocumentIdentity): WorkloadKind | undefined {
  const kind = identity.kind ? BY_KIND.get(identity.kind) : undefined;
  return kind && identity.apiVersion === kind.apiVersion ? kind : undefined;
}

/** The pod-carrying kind of a document whatever its apiVersion (also removed ones), or undefined. */
export function workloadKindByName(kind: string | undefined): WorkloadKind | undefined {
  return kind ? BY_KIND.get(kind) : undefined;
}

/** True for a document that names both apiVersion and kind: a Kubernetes object. */
export function isKubernetesObject(identity: DocumentIdentity): boolean {
  return identity.apiVersion !== undefined && identity.kind !== undefined;
}
