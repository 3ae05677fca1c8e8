import { DEFAULT_GRACE_PERIOD_SECONDS, type PodModel } from './podModel';
import { PROBE_TIMING_DEFAULTS } from './probes';
import { DEFAULT_POD_RESTART_POLICY, runsToCompletion } from './restartPolicies';

/**
 * The values the API server fills in when a manifest leaves a field out (its defaulting functions, run on create):
 * a Pod fact, read by inlay hints. `level` says whether the default decides what happens at run time (`behaviour`)
 * or rarely surprises anyone (`all`).
 */
/** A default as YAML text: a scalar, or a mapping of them (a strategy). */
export type DefaultText = string | { readonly [key: string]: DefaultText };

export interface DefaultValue {
  readonly field: string;
  readonly value: DefaultText;
  readonly level: 'behaviour' | 'all';
  /** A few words for an inlay hint (the editor cuts hints past about 40 characters, so several must fit). */
  readonly short: string;
  /** Why it matters, in one or two sentences. */
  readonly why: string;
}

export interface PodDefaults {
  /** Defaults of the PodSpec's own fields. */
  readonly podSpec: readonly DefaultValue[];
  /** Defaults of the workload's spec (a Deployment's strategy...), empty for a Pod. */
  readonly workloadSpec: readonly DefaultValue[];
  /** Defaults of a probe's timing fields (the same for every kind of probe). */
  readonly probe: readonly DefaultValue[];
}

const filled = 'Filled in by the API server when left out.';

const RESTART_ALWAYS: DefaultValue = {
  short: `restartPolicy ${DEFAULT_POD_RESTART_POLICY}`, field: 'restartPolicy', value: DEFAULT_POD_RESTART_POLICY, level: 'behaviour',
  why: `${filled} Every container that exits is restarted, whatever its exit code, with a growing back-off.`,
};

const POD_SPEC: readonly DefaultValue[] = [
  { short: `grace ${DEFAULT_GRACE_PERIOD_SECONDS}s`, field: 'terminationGracePeriodSeconds', value: String(DEFAULT_GRACE_PERIOD_SECONDS), level: 'behaviour', why: `${filled} On deletion the containers get SIGTERM, then ${DEFAULT_GRACE_PERIOD_SECONDS} seconds to exit before SIGKILL.` },
  { short: 'dnsPolicy ClusterFirst', field: 'dnsPolicy', value: 'ClusterFirst', level: 'all', why: `${filled} Names resolve through the cluster's DNS first, then the node's upstream servers.` },
];

const WORKLOAD_SPEC: Readonly<Record<string, readonly DefaultValue[]>> = {
  Deployment: [
    { short: 'replicas 1', field: 'replicas', value: '1', level: 'behaviour', why: `${filled} One Pod: any restart or node drain is an outage.` },
    {
      short: 'RollingUpdate 25%/25%', field: 'strategy', value: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, level: 'behaviour',
      why: `${filled} A rollout replaces Pods gradually: up to 25% extra Pods are started, and up to 25% of the desired Pods may be unavailable at a time (both rounded: surge up, unavailable down).`,
    },
    { short: 'history 10', field: 'revisionHistoryLimit', value: '10', level: 'all', why: `${filled} Ten old ReplicaSets are kept for rollbacks.` },
    { short: 'deadline 600s', field: 'progressDeadlineSeconds', value: '600', level: 'all', why: `${filled} A rollout that makes no progress for ten minutes is reported as failed (it is not rolled back).` },
  ],
  StatefulSet: [
    { short: 'replicas 1', field: 'replicas', value: '1', level: 'behaviour', why: `${filled} One Pod.` },
    { short: 'OrderedReady', field: 'podManagementPolicy', value: 'OrderedReady', level: 'behaviour', why: `${filled} Pods are created one at a time in ordinal order, each after the previous one is Ready, and removed in reverse.` },
    { short: 'RollingUpdate', field: 'updateStrategy', value: { type: 'RollingUpdate' }, level: 'behaviour', why: `${filled} A change to the template replaces Pods one at a time, from the highest ordinal down.` },
    { short: 'history 10', field: 'revisionHistoryLimit', value: '10', level: 'all', why: `${filled} Ten old revisions are kept.` },
  ],
  DaemonSet: [
    { short: 'RollingUpdate, 1 node at a time', field: 'updateStrategy', value: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '1' } }, level: 'behaviour', why: `${filled} A change to the template replaces the Pod of one node at a time.` },
    { short: 'history 10', field: 'revisionHistoryLimit', value: '10', level: 'all', why: `${filled} Ten old revisions are kept.` },
  ],
  ReplicaSet: [{ short: 'replicas 1', field: 'replicas', value: '1', level: 'behaviour', why: `${filled} One Pod.` }],
  Job: [
    { short: 'backoffLimit 6', field: 'backoffLimit', value: '6', level: 'behaviour', why: `${filled} The Job is marked failed after 6 retries (Pod failures), with exponential back-off between them.` },
    { short: 'completions 1', field: 'completions', value: '1', level: 'all', why: `${filled} The Job is complete after one Pod succeeds.` },
    { short: 'parallelism 1', field: 'parallelism', value: '1', level: 'all', why: `${filled} One Pod runs at a time.` },
  ],
  CronJob: [
    { short: 'concurrency Allow', field: 'concurrencyPolicy', value: 'Allow', level: 'behaviour', why: `${filled} A new Job starts on schedule even while the previous one still runs.` },
    { short: 'keep 3 succeeded', field: 'successfulJobsHistoryLimit', value: '3', level: 'all', why: `${filled} Three finished Jobs are kept.` },
    { short: 'keep 1 failed', field: 'failedJobsHistoryLimit', value: '1', level: 'all', why: `${filled} One failed Job is kept.` },
  ],
};

const { periodSeconds, timeoutSeconds, failureThreshold } = PROBE_TIMING_DEFAULTS;
const PROBE_TIMING: readonly DefaultValue[] = [
  { short: `every ${periodSeconds}s`, field: 'periodSeconds', value: String(periodSeconds), level: 'behaviour', why: `${filled} The probe runs every ${periodSeconds} seconds.` },
  { short: `timeout ${timeoutSeconds}s`, field: 'timeoutSeconds', value: String(timeoutSeconds), level: 'behaviour', why: `${filled} A probe that takes longer than ${timeoutSeconds} s counts as a failure: a slow endpoint under load fails it.` },
  { short: `${failureThreshold} failures`, field: 'failureThreshold', value: String(failureThreshold), level: 'behaviour', why: `${filled} ${failureThreshold} failures in a row make the probe fail.` },
];

/** The defaults of a Pod's kind and spec. */
export function defaultsOf(pod: PodModel): PodDefaults {
  const kind = pod.workload.kind;
  // A Job's Pods must say how they restart (OnFailure or Never): the default the API would fill in is rejected there.
  const restart = runsToCompletion(pod.workload) ? [] : [RESTART_ALWAYS];
  return {
    podSpec: [...restart, ...POD_SPEC],
    workloadSpec: WORKLOAD_SPEC[kind] ?? [],
    probe: PROBE_TIMING,
  };
}
