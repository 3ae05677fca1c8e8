import { gateOnByDefault } from '../versions/featureGates';
import type { WorkloadKind } from './workloadKinds';

/**
 * Which restart policies a Pod and its containers may have, by the kind that carries the Pod. The workload rules,
 * their fixes, completion, hover, the diagram, inlay hints and the practice rules read these; none keeps its own list.
 *
 * This module takes plain values (the carrying kind, a list's name, a policy as written) rather than the Pod model,
 * so that the model itself can use it (`isNativeSidecar`).
 */

/** The Pod-level restart policies the API knows (the enum of PodSpec.restartPolicy). */
export const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
export type PodRestartPolicy = (typeof POD_RESTART_POLICIES)[number];

/** What the API server fills in when a PodSpec names no restartPolicy. */
export const DEFAULT_POD_RESTART_POLICY: PodRestartPolicy = 'Always';

/** The Kubernetes controllers that keep their Pods running until replaced: their templates may only say Always. */
const KEEP_RUNNING = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** The carrying kind, as far as its restart policies depend on it. */
type Carrier = Pick<WorkloadKind, 'kind' | 'runsToCompletion' | 'customResource'>;

/** True for a value the API accepts as a Pod's restartPolicy. */
export function isPodRestartPolicy(value: string): value is PodRestartPolicy {
  return (POD_RESTART_POLICIES as readonly string[]).includes(value);
}

/** True for a Kubernetes controller that keeps its Pods running (Deployment, ReplicaSet, StatefulSet, DaemonSet). */
export function keepsPodsRunning(workload: Carrier): boolean {
  return !workload.customResource && KEEP_RUNNING.has(workload.kind);
}

/** True for a kind whose Pods run to completion (a Job's, a CronJob's, a KEDA ScaledJob's). */
export function runsToCompletion(workload: Carrier): boolean {
  return workload.runsToCompletion === true;
}

/**
 * The Pod restart policies a kind accepts in its template, in the order completion offers them and fixes propose
 * them: Always only for a controller that keeps Pods running; OnFailure or Never for Pods that run to completion (a
 * Job's usually fail over to a new Pod, Never first; a CronJob's usually retry in place, OnFailure first); all three
 * for a bare Pod, a PodTemplate and the custom resources that restrict nothing.
 */
export function allowedRestartPolicies(workload: Carrier): readonly PodRestartPolicy[] {
  if (keepsPodsRunning(workload)) return ['Always'];
  if (runsToCompletion(workload)) return workload.kind === 'CronJob' ? ['OnFailure', 'Never'] : ['Never', 'OnFailure'];
  return POD_RESTART_POLICIES;
}

/** True for a kind whose validation accepts fewer Pod restart policies than a bare Pod. */
export function restrictsRestartPolicy(workload: Carrier): boolean {
  return allowedRestartPolicies(workload).length < POD_RESTART_POLICIES.length;
}

/** The Pod's restart policy in force: as written, else the API's default. */
export function effectiveRestartPolicy(pod: { readonly restartPolicy?: string }): string {
  return pod.restartPolicy ?? DEFAULT_POD_RESTART_POLICY;
}

/**
 * True for a Pod that keeps running until stopped: not one that runs to completion, and not a bare Pod whose policy
 * lets it finish (Never, OnFailure). A practice about serving (probes, replicas, spreading) means nothing for the others.
 */
export function servesUntilStopped(pod: { readonly workload: Carrier; readonly restartPolicy?: string }): boolean {
  if (runsToCompletion(pod.workload)) return false;
  // A controller's template that says otherwise is rejected (workload-restart-policy): judge it as what it means to be.
  return pod.workload.kind !== 'Pod' || effectiveRestartPolicy(pod) === 'Always';
}

/**
 * restartPolicy and restartPolicyRules on a regular container, and restartPolicy OnFailure or Never on an init
 * container: the ContainerRestartRules gate, on by default (beta) from 1.35.
 */
export function containerRestartRulesOnByDefault(version: string): boolean {
  return gateOnByDefault('ContainerRestartRules', version);
}

/** restartPolicyRules on a native sidecar: the RestartAllContainersOnContainerExits gate, on by default (beta) from 1.36. */
export function sidecarRestartRulesOnByDefault(version: string): boolean {
  return gateOnByDefault('RestartAllContainersOnContainerExits', version);
}

/** The container-level policy that turns an init container into a native sidecar. */
export const NATIVE_SIDECAR_RESTART_POLICY: PodRestartPolicy = 'Always';

/** True for an init container whose own restartPolicy makes it a native sidecar. */
export function isNativeSidecarPolicy(list: string, restartPolicy: string | undefined): boolean {
  return list === 'initContainers' && restartPolicy === NATIVE_SIDECAR_RESTART_POLICY;
}

/**
 * True for an init container's restartPolicy that overrides the Pod's for that one step (OnFailure, Never): the
 * ContainerRestartRules gate, on by default from 1.35 (`initContainerRestartPolicies`).
 */
export function overridesPodRestartPolicy(restartPolicy: string | undefined): restartPolicy is 'OnFailure' | 'Never' {
  return restartPolicy === 'OnFailure' || restartPolicy === 'Never';
}

/** The restart policies an init container may have at a version with its default gates: Always, then the overrides. */
export function initContainerRestartPolicies(version: string): readonly PodRestartPolicy[] {
  return containerRestartRulesOnByDefault(version) ? ['Always', 'OnFailure', 'Never'] : ['Always'];
}
