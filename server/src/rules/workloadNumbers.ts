import { nodeAtPath, type Path } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { checkAtLeast, intField } from './fieldValues';
import type { Check, RuleDescriptor } from '../core/rule';

export const workloadNumberRule: RuleDescriptor = {
  id: 'workload-number',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Counts, limits and durations of a workload spec (replicas, minReadySeconds, revisionHistoryLimit, parallelism, completions, backoffLimit, deadlines, history limits...) cannot be negative, and a Deployment\'s progress deadline must exceed minReadySeconds; the API server rejects others.',
  example: 'kind: Deployment\nspec:\n  replicas: -1',
  fix: 'Use 0 or a positive number.',
};

interface Bound {
  /** Path below the object's spec (or a CronJob's Job spec for the Job fields). */
  readonly path: Path;
  readonly key: string;
  readonly min: number;
  /** What the field means, in a few words, for the message. */
  readonly why: string;
}

const REPLICAS: Bound = { path: [], key: 'replicas', min: 0, why: 'the number of Pods to run' };
const MIN_READY: Bound = { path: [], key: 'minReadySeconds', min: 0, why: 'how long a new Pod must be ready before it counts as available' };
const HISTORY: Bound = { path: [], key: 'revisionHistoryLimit', min: 0, why: 'how many old revisions to keep for rollbacks' };

/** The Job spec's bounds, shared by Jobs and the jobTemplate of CronJobs. */
const JOB_BOUNDS: readonly Bound[] = [
  { path: [], key: 'parallelism', min: 0, why: 'how many Pods run at once' },
  { path: [], key: 'completions', min: 0, why: 'how many Pods must succeed' },
  { path: [], key: 'activeDeadlineSeconds', min: 0, why: 'how long the Job may run' },
  { path: [], key: 'backoffLimit', min: 0, why: 'how many retries before the Job fails' },
  { path: [], key: 'backoffLimitPerIndex', min: 0, why: 'how many retries each index gets' },
  { path: [], key: 'maxFailedIndexes', min: 0, why: 'how many indexes may fail before the Job fails' },
  { path: [], key: 'ttlSecondsAfterFinished', min: 0, why: 'how long a finished Job is kept' },
];

/** Bounds per kind, with the path from the document root to the spec they are under. */
const BOUNDS: Record<string, readonly { spec: Path; bounds: readonly Bound[] }[]> = {
  Deployment: [{ spec: ['spec'], bounds: [REPLICAS, MIN_READY, HISTORY, { path: [], key: 'progressDeadlineSeconds', min: 0, why: 'how long a rollout may stall before it is reported as failed' }] }],
  ReplicaSet: [{ spec: ['spec'], bounds: [REPLICAS, MIN_READY] }],
  DaemonSet: [{ spec: ['spec'], bounds: [MIN_READY, HISTORY] }],
  StatefulSet: [{
    spec: ['spec'],
    bounds: [
      REPLICAS, MIN_READY, HISTORY,
      { path: ['ordinals'], key: 'start', min: 0, why: 'the ordinal of the first Pod' },
      { path: ['updateStrategy', 'rollingUpdate'], key: 'partition', min: 0, why: 'the ordinal from which Pods are updated' },
    ],
  }],
  Job: [{ spec: ['spec'], bounds: JOB_BOUNDS }],
  CronJob: [
    {
      spec: ['spec'],
      bounds: [
        { path: [], key: 'startingDeadlineSeconds', min: 0, why: 'how late a missed run may still start' },
        { path: [], key: 'successfulJobsHistoryLimit', min: 0, why: 'how many finished Jobs to keep' },
        { path: [], key: 'failedJobsHistoryLimit', min: 0, why: 'how many failed Jobs to keep' },
      ],
    },
    { spec: ['spec', 'jobTemplate', 'spec'], bounds: JOB_BOUNDS },
  ],
};

/** Numbers of workload specs the API server bounds: nothing negative, progress deadlines after readiness. */
export const workloadNumbersCheck: Check = {
  name: 'workloadNumbers',
  rules: [workloadNumberRule],
  appliesTo: 'pod',
  run(ctx) {
    const kind = podModelOf(ctx.doc)?.workload.kind;
    for (const { spec, bounds } of (kind && BOUNDS[kind]) || []) {
      const specNode = nodeAtPath(ctx.doc.root, spec);
      for (const bound of bounds) checkAtLeast(ctx, workloadNumberRule, nodeAtPath(specNode, bound.path), bound.key, bound.min, bound.why);
    }
    if (kind !== 'Deployment') return;
    const spec = nodeAtPath(ctx.doc.root, ['spec']);
    const deadline = intField(spec, 'progressDeadlineSeconds');
    const minReady = intField(spec, 'minReadySeconds')?.value ?? 0;
    if (deadline && deadline.value >= 0 && deadline.value <= minReady) {
      ctx.report(workloadNumberRule, {
        message: `progressDeadlineSeconds (${deadline.value}) must be greater than minReadySeconds (${minReady}): a new Pod counts as available only after minReadySeconds, so the rollout would always be reported as stalled. The API server rejects it.`,
        ...deadline.span,
      });
    }
  },
};
