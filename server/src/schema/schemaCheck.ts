import { isMap } from 'yaml';
import { workloadKindOf } from '../pod/workloadKinds';
import type { Check, CheckContext } from '../core/rule';
import { companionDefinitionForKind, definitionForKind, schemaVersion } from './kubernetesSchema';
import { KindLevels } from './levels';
import { SCHEMA_RULES } from './schemaRules';
import { SchemaWalk } from './schemaWalk';
import { shapeOfDefinition } from './shapes';
import { versionDelta } from './versions';

/**
 * Validates a document against the generated schema: a pod-carrying kind (Pod, Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, Job, CronJob, PodTemplate) with the Pod levels, so a key at the wrong level is named with its home;
 * a companion kind (Service, ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount, Ingress, NetworkPolicy,
 * HorizontalPodAutoscaler, PodDisruptionBudget) without them (an unknown key gets its did-you-mean only). Both
 * need the apiVersion the API server serves. Other kinds (custom resources...) are left alone: we have no schema
 * of theirs, and guessing would be noise.
 */
export const schemaCheck: Check = {
  name: 'schema',
  rules: SCHEMA_RULES,
  appliesTo: 'kubernetes',
  run(ctx: CheckContext) {
    const { doc } = ctx;
    const root = doc.root;
    if (!isMap(root)) return;
    const workload = workloadKindOf(doc.identity);
    const podDefinition = workload ? definitionForKind(doc.identity) : undefined;
    const definition = podDefinition ?? companionDefinitionForKind(doc.identity);
    const shape = definition ? shapeOfDefinition(definition) : undefined;
    if (!shape) return;
    const levels = podDefinition && workload ? KindLevels.of(workload) : undefined;
    const delta = versionDelta(ctx.settings.kubernetesVersion, schemaVersion());
    new SchemaWalk(ctx, levels, delta).run(root, shape);
  },
};
