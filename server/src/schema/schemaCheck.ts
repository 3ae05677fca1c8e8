import { isMap } from 'yaml';
import { workloadKindOf } from '../pod/workloadKinds';
import type { Check, CheckContext } from '../core/rule';
import { definitionForKind, schemaVersion } from './kubernetesSchema';
import { KindLevels } from './levels';
import { SCHEMA_RULES } from './schemaRules';
import { SchemaWalk } from './schemaWalk';
import { shapeOfDefinition } from './shapes';
import { versionDelta } from './versions';

/**
 * Validates a document of a pod-carrying kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob,
 * PodTemplate, with the apiVersion the API server serves) against the generated schema. Other kinds (Services,
 * ConfigMaps, custom resources) are left alone: we have no schema of theirs, and guessing would be noise.
 */
export const schemaCheck: Check = {
  name: 'schema',
  rules: SCHEMA_RULES,
  appliesTo: 'pod',
  run(ctx: CheckContext) {
    const { doc } = ctx;
    const root = doc.root;
    if (!isMap(root)) return;
    const workload = workloadKindOf(doc.identity);
    const definition = definitionForKind(doc.identity);
    const shape = definition ? shapeOfDefinition(definition) : undefined;
    if (!workload || !shape) return;
    const delta = versionDelta(ctx.settings.kubernetesVersion, schemaVersion());
    new SchemaWalk(ctx, KindLevels.of(workload), delta).run(root, shape);
  },
};
