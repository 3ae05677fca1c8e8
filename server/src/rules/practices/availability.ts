import { isMap, isSeq } from 'yaml';
import { nodeAtPath, pairOf, valueOf } from '../../document/yamlTree';
import { podModelOf } from '../../pod/podModel';
import type { Check, RuleDescriptor } from '../../core/rule';
import { spanOf } from '../support';
import { integerAt } from './support';
import { servesUntilStopped } from '../../pod/restartPolicies';

/**
 * Availability practices of replicated workloads: enough replicas, spread so that one node or zone going away
 * does not take them all, and a priority that keeps them scheduled when the cluster is full.
 */

export const replicasWithoutSpreadRule: RuleDescriptor = {
  id: 'replicas-without-spread',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'The scheduler packs Pods where they fit, so several replicas can land on one node; without pod anti-affinity or topology spread constraints, one node failing can take them all.',
  example: 'kind: Deployment\nspec:\n  replicas: 3',
  fix: 'Add topologySpreadConstraints over kubernetes.io/hostname (and topology.kubernetes.io/zone), or a preferred podAntiAffinity on the Pods\' own labels.',
};

export const tooFewReplicasRule: RuleDescriptor = {
  id: 'too-few-replicas',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'A single replica means downtime at every rollout, node drain or crash.',
  example: 'kind: Deployment\nspec:\n  replicas: 1',
  fix: 'Run at least 2 replicas (3 across zones), or leave replicas to a HorizontalPodAutoscaler with minReplicas of 2 or more.',
};

export const priorityClassMissingRule: RuleDescriptor = {
  id: 'priority-class-missing',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'Without a priorityClassName every Pod has the same priority, so when the cluster is full an important service waits behind (or is preempted for) batch work.',
  example: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers: [...]',
  fix: 'Set priorityClassName to one of the cluster\'s PriorityClasses that says how important the workload is.',
};

const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** Replicas, their spread across nodes, and their priority. */
export const availabilityPracticesCheck: Check = {
  name: 'availability-practices',
  rules: [replicasWithoutSpreadRule, tooFewReplicasRule, priorityClassMissingRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod?.podSpec || !servesUntilStopped(pod)) return;
    const kind = pod.workload.kind;
    if (REPLICATED.has(kind)) {
      const replicas = integerAt(ctx.doc, ['spec', 'replicas']);
      const replicasSpan = spanOf(nodeAtPath(ctx.doc.root, ['spec', 'replicas']));
      if (replicas !== undefined && replicas >= 2 && replicasSpan && !spreads(pod.podSpec)) {
        ctx.report(replicasWithoutSpreadRule, {
          message: `${replicas} replicas and nothing spreads them: the scheduler may put them all on one node, and that node failing takes the whole ${kind} down. Add topologySpreadConstraints over kubernetes.io/hostname (or a podAntiAffinity on the Pods' labels).`,
          ...replicasSpan,
        });
      }
      // An unwritten replicas may be an autoscaler's: only a written 0 or 1 is a choice to question.
      if (replicas === 1 && replicasSpan) {
        ctx.report(tooFewReplicasRule, {
          message: `replicas: 1 means downtime at every rollout, node drain or crash of this ${kind}. Run at least 2 (3 across zones), or let a HorizontalPodAutoscaler with minReplicas >= 2 set it.`,
          ...replicasSpan,
        });
      }
    }
    if (!pairOf(pod.podSpec, 'priorityClassName')) {
      const at = spanOf(pod.podSpec.items[0]?.key);
      if (at) {
        ctx.report(priorityClassMissingRule, {
          message: 'No priorityClassName: the Pod has the default priority, so when the cluster is full it waits like any batch Pod. Set a PriorityClass that says how important it is.',
          ...at,
        });
      }
    }
  },
};

/** True when the Pod spec spreads its replicas: topology spread constraints, or pod anti-affinity of any kind. */
function spreads(spec: unknown): boolean {
  const constraints = valueOf(spec, 'topologySpreadConstraints');
  if (isSeq(constraints) && constraints.items.length > 0) return true;
  const antiAffinity = valueOf(valueOf(spec, 'affinity'), 'podAntiAffinity');
  return isMap(antiAffinity) && antiAffinity.items.length > 0;
}

