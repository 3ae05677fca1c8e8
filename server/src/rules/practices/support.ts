import { nodeAtPath, scalarString } from '../../document/yamlTree';
import type { ManifestDocument } from '../../document/manifestDocument';
import type { ContainerModel, PodModel } from '../../pod/podModel';

/**
 * What the practice rules share: which Pods serve (run until stopped) and which containers keep running in them.
 * A practice about serving (probes, replicas, spreading) means nothing for a Job's Pod, which runs to completion.
 */

/** True for a Pod that keeps running: not a Job's, CronJob's or KEDA ScaledJob's, and not a bare Pod with restartPolicy Never/OnFailure. */
export function servesUntilStopped(pod: PodModel): boolean {
  if (pod.workload.runsToCompletion) return false;
  if (pod.workload.kind === 'Pod' && (pod.restartPolicy === 'Never' || pod.restartPolicy === 'OnFailure')) return false;
  return true;
}

/** The containers that keep running beside the app: app containers and native sidecars (not init steps, not ephemeral). */
export function runningContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.list === 'containers' || c.isNativeSidecar);
}

/** The containers a manifest defines to run (init and app; ephemeral containers are added to a live Pod). */
export function definedContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.list !== 'ephemeralContainers');
}

/** The number written at `path` from the document root, when it is an integer. */
export function integerAt(doc: ManifestDocument, path: readonly (string | number)[]): number | undefined {
  const node = nodeAtPath(doc.root, [...path]) as { value?: unknown } | undefined;
  return typeof node?.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** The string written at `path` from the document root. */
export function stringAt(doc: ManifestDocument, path: readonly (string | number)[]): string | undefined {
  return scalarString(nodeAtPath(doc.root, [...path]));
}
