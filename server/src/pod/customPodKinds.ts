import type { WorkloadKind } from './workloadKinds';

/**
 * Custom resources of popular projects whose own types embed a Kubernetes Pod template, so the Pod inside is the
 * Pod the project's controller creates, and every Pod rule holds for it. Each shape was checked against the
 * project's Go types:
 *
 * - Argo Rollouts `Rollout`: `spec.template` is a `corev1.PodTemplateSpec` (a Deployment's), turned into ReplicaSets.
 * - Knative Serving `Service` and `Configuration`: `spec.template` is a RevisionTemplateSpec whose spec is a
 *   RevisionSpec: a `corev1.PodSpec` inline plus four fields of Knative's own. Knative fills in a container's name,
 *   a port's number and a probe's port, so a manifest may leave them out; its webhook also rejects some PodSpec
 *   fields, which we do not report (silence, never a false error).
 * - KEDA `ScaledJob`: `spec.jobTargetRef` is a `batchv1.JobSpec`; KEDA creates Jobs from it.
 *
 * Left out on purpose: Tekton (a Task's steps are not Containers, and the `podTemplate` of a TaskRun or PipelineRun
 * is a list of Pod settings without containers, not a PodSpec) and Argo Workflows (a template holds one Container,
 * and the Pod around it is Argo's).
 */
const TEMPLATE_SPEC = ['spec', 'template', 'spec'];
const TEMPLATE_META = ['spec', 'template', 'metadata'];
const POD_TEMPLATE_SPEC = 'io.k8s.api.core.v1.PodTemplateSpec';

const KNATIVE = {
  project: 'Knative Serving',
  schemaPath: ['spec', 'template'],
  schemaDefinition: POD_TEMPLATE_SPEC,
  podSpecExtras: { containerConcurrency: 'integer', timeoutSeconds: 'integer', responseStartTimeoutSeconds: 'integer', idleTimeoutSeconds: 'integer' },
  defaulted: {
    'io.k8s.api.core.v1.Container': ['name'],
    'io.k8s.api.core.v1.ContainerPort': ['containerPort'],
    'io.k8s.api.core.v1.HTTPGetAction': ['port'],
    'io.k8s.api.core.v1.TCPSocketAction': ['port'],
    'io.k8s.api.core.v1.GRPCAction': ['port'],
  },
} as const;

export const CUSTOM_POD_KINDS: readonly WorkloadKind[] = [
  {
    kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META, removedVersions: {},
    customResource: { project: 'Argo Rollouts', schemaPath: ['spec', 'template'], schemaDefinition: POD_TEMPLATE_SPEC },
  },
  { kind: 'Service', apiVersion: 'serving.knative.dev/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META, removedVersions: {}, customResource: KNATIVE },
  { kind: 'Configuration', apiVersion: 'serving.knative.dev/v1', podSpecPath: TEMPLATE_SPEC, templateMetadataPath: TEMPLATE_META, removedVersions: {}, customResource: KNATIVE },
  {
    kind: 'ScaledJob', apiVersion: 'keda.sh/v1alpha1', podSpecPath: ['spec', 'jobTargetRef', 'template', 'spec'],
    templateMetadataPath: ['spec', 'jobTargetRef', 'template', 'metadata'], removedVersions: {}, runsToCompletion: true,
    customResource: { project: 'KEDA', schemaPath: ['spec', 'jobTargetRef'], schemaDefinition: 'io.k8s.api.batch.v1.JobSpec' },
  },
];
