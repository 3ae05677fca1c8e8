import { isMap, isScalar } from 'yaml';
import { nodeAtPath, pairOf } from '../document/yamlTree';
import { servedPodCarrierOf } from '../pod/podCarriers';
import type { WorkloadKind } from '../pod/workloadKinds';
import type { Check, CheckContext } from '../core/rule';
import { companionDefinitionForKind, definitionForKind, schemaVersion } from './kubernetesSchema';
import { KindLevels } from './levels';
import { SCHEMA_RULES } from './schemaRules';
import { SchemaWalk } from './schemaWalk';
import { embeddedShapeOf } from './embeddedShape';
import { shapeOfDefinition } from './shapes';
import { versionDelta } from './versions';

/**
 * Validates a document against the generated schema: a pod-carrying kind (Pod, Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, Job, CronJob, PodTemplate) with the Pod levels, so a key at the wrong level is named with its home;
 * a companion kind (Service, ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount, Ingress, NetworkPolicy,
 * HorizontalPodAutoscaler, PodDisruptionBudget) without them (an unknown key gets its did-you-mean only). Both
 * need the apiVersion the API server serves. A custom resource of a known project with a Pod inside
 * (pod/customPodKinds.ts) has only the Kubernetes value it embeds checked, with the Pod levels; its own fields are
 * its CRD's. Other kinds (other custom resources...) are left alone: we have no schema of theirs, and guessing
 * would be noise.
 */
export const schemaCheck: Check = {
  name: 'schema',
  rules: SCHEMA_RULES,
  appliesTo: 'kubernetes',
  run(ctx: CheckContext) {
    const { doc } = ctx;
    const root = doc.root;
    if (!isMap(root)) return;
    const workload = servedPodCarrierOf(doc.identity);
    if (workload?.customResource) return checkEmbedded(ctx, workload);
    const podDefinition = workload ? definitionForKind(doc.identity) : undefined;
    const definition = podDefinition ?? companionDefinitionForKind(doc.identity);
    const shape = definition ? shapeOfDefinition(definition) : undefined;
    if (!shape) return;
    const levels = podDefinition && workload ? KindLevels.of(workload) : undefined;
    const delta = versionDelta(ctx.settings.kubernetesVersion, schemaVersion());
    new SchemaWalk(ctx, levels, delta).run(root, shape);
  },
};

/** The Kubernetes value a custom resource embeds (a Rollout's `spec.template`), walked from its key down. */
function checkEmbedded(ctx: CheckContext, workload: WorkloadKind): void {
  const path = workload.customResource!.schemaPath;
  const node = nodeAtPath(ctx.doc.root, path);
  const shape = embeddedShapeOf(workload);
  if (!isMap(node) || !shape) return;
  const key = pairOf(nodeAtPath(ctx.doc.root, path.slice(0, -1)), String(path[path.length - 1]))?.key;
  const delta = versionDelta(ctx.settings.kubernetesVersion, schemaVersion());
  new SchemaWalk(ctx, KindLevels.of(workload), delta).run(node, shape, path, isScalar(key) ? key : undefined);
}
