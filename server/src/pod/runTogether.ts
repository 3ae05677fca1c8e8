import type { ContainerModel, PodModel } from './podModel';

/**
 * Which containers of a Pod run at the same time, and so share the Pod's network (one IP, one port space) at once.
 *
 * The app containers run together, beside every native sidecar. Init steps run one at a time, in order; a native
 * sidecar starts at its step and keeps running, so it runs beside every later init step and then beside the app
 * containers. A regular init step runs beside the native sidecars started before it, and nothing else. Ephemeral
 * containers are attached for debugging and declare no ports (the API rejects them), so they run beside nothing
 * here.
 */
export function runTogether(a: ContainerModel, b: ContainerModel): boolean {
  if (a === b || a.list === 'ephemeralContainers' || b.list === 'ephemeralContainers') return false;
  if (runsBesideApps(a) && runsBesideApps(b)) return true;
  // One is a regular init step: it runs beside the native sidecars started before it.
  const [step, other] = a.list === 'initContainers' && !a.isNativeSidecar ? [a, b] : [b, a];
  return other.isNativeSidecar && other.index < step.index;
}

/** Whether a container keeps running beside the app containers: an app container or a native sidecar. */
export function runsBesideApps(c: ContainerModel): boolean {
  return c.list === 'containers' || c.isNativeSidecar;
}

/** The containers that keep running beside the app: app containers and native sidecars (not init steps, not ephemeral). */
export function containersBesideApps(pod: PodModel): ContainerModel[] {
  return pod.containers.filter(runsBesideApps);
}
