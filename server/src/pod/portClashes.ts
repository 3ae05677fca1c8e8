import type { ContainerModel, PodModel, PortModel } from './podModel';
import { runsBesideApps } from './runTogether';

/** A declared port of a container. */
export interface PortUse {
  readonly container: ContainerModel;
  readonly port: PortModel;
}

/** The containers that run at the same time as a port's container and declare the same port and protocol. */
export interface PortClash {
  /** Each such container with its first port of that number and protocol, in the Pod's order; at most MAX_PARTNERS. */
  readonly partners: readonly PortUse[];
  /** True when there are more partners than listed. */
  readonly more: boolean;
}

/** The most partners listed for one port: a hostile Pod may put thousands of containers on one port. */
export const MAX_PARTNERS = 50;

/**
 * Ports that two containers open at the same time (see `runTogether`): every container of a Pod shares one network
 * namespace, so the second bind of a port and protocol fails. This is the one place that says which ports clash;
 * the port rule, the hover and the diagram read it. Memoised on the Pod model.
 *
 * Work is bounded: ports are indexed by number and protocol, and each port lists at most MAX_PARTNERS partners.
 */
export function portClashes(pod: PodModel): ReadonlyMap<PortModel, PortClash> {
  let clashes = MEMO.get(pod);
  if (!clashes) {
    clashes = computeClashes(pod);
    MEMO.set(pod, clashes);
  }
  return clashes;
}

const MEMO = new WeakMap<PodModel, ReadonlyMap<PortModel, PortClash>>();

/** The clash of one port, when it has one. */
export function portClashOf(pod: PodModel, port: PortModel): PortClash | undefined {
  return portClashes(pod).get(port);
}

/**
 * The partner a port's clash is reported against: the first container before this one (in the Pod's order) that
 * runs beside it on the same port. The later of two clashing ports carries the finding; the earlier one is named.
 */
export function earlierPartner(pod: PodModel, use: PortUse): PortUse | undefined {
  const first = portClashOf(pod, use.port)?.partners[0];
  return first && pod.containers.indexOf(first.container) < pod.containers.indexOf(use.container) ? first : undefined;
}

function computeClashes(pod: PodModel): Map<PortModel, PortClash> {
  // By port key, the first port of each container that declares it, in the Pod's order: those running beside the
  // apps (native sidecars, then app containers), and the regular init steps.
  const besideApps = new Map<string, PortUse[]>();
  const initSteps = new Map<string, PortUse[]>();
  for (const container of pod.containers) {
    if (container.list === 'ephemeralContainers') continue;
    const into = runsBesideApps(container) ? besideApps : initSteps;
    const seen = new Set<string>();
    for (const port of container.ports) {
      const key = keyOf(port);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      push(into, key, { container, port });
    }
  }
  const clashes = new Map<PortModel, PortClash>();
  for (const container of pod.containers) {
    if (container.list === 'ephemeralContainers') continue;
    for (const port of container.ports) {
      const key = keyOf(port);
      if (key === undefined) continue;
      const clash = partnersOf(container, besideApps.get(key) ?? [], initSteps.get(key) ?? []);
      if (clash.partners.length) clashes.set(port, clash);
    }
  }
  return clashes;
}

/** The partners of `container` among the users of one port key, in the Pod's order. */
function partnersOf(container: ContainerModel, besideApps: readonly PortUse[], initSteps: readonly PortUse[]): PortClash {
  const out: PortUse[] = [];
  let more = false;
  const add = (use: PortUse) => {
    if (use.container === container) return true;
    if (out.length === MAX_PARTNERS) {
      more = true;
      return false;
    }
    out.push(use);
    return true;
  };
  if (!runsBesideApps(container)) {
    // A regular init step: the native sidecars started before it.
    for (const use of besideApps) {
      if (!use.container.isNativeSidecar || use.container.index > container.index) break;
      if (!add(use)) break;
    }
    return { partners: out, more };
  }
  // Beside the apps: every other such container, and for a native sidecar the regular init steps after it, merged
  // in the Pod's order (init steps by index; app containers after every init step).
  const laterSteps = container.isNativeSidecar ? initSteps.slice(firstAfter(initSteps, container.index)) : [];
  let i = 0;
  let j = 0;
  while (i < besideApps.length || j < laterSteps.length) {
    const a = besideApps[i];
    const b = laterSteps[j];
    const takeStep = b !== undefined && (a === undefined || (a.container.list === 'initContainers' && a.container.index > b.container.index) || a.container.list === 'containers');
    const use = takeStep ? laterSteps[j++] : besideApps[i++];
    if (!add(use)) break;
  }
  return { partners: out, more };
}

/** The position of the first init step whose index is above `index` (steps are in order). */
function firstAfter(steps: readonly PortUse[], index: number): number {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (steps[mid].container.index > index) high = mid;
    else low = mid + 1;
  }
  return low;
}

function keyOf(port: PortModel): string | undefined {
  return port.containerPort === undefined ? undefined : `${port.containerPort}/${port.protocol}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
