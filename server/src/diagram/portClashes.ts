import type { ContainerModel, PodModel, PortModel } from '../pod/podModel';

/**
 * Ports that two containers open at the same time. Every container of a Pod shares one network namespace (one IP),
 * so two containers that run together cannot both listen on the same port and protocol: the second one fails to
 * bind. Who runs together: the app containers and every native sidecar; a regular init container runs alone, beside
 * only the native sidecars started before it.
 *
 * Work is bounded (a hostile Pod may hold thousands of containers on one port): containers are indexed by port,
 * and each port lists at most MAX_NAMES others, looking at no more than MAX_SCAN candidates.
 */
export function portClashes(pod: PodModel): Map<PortModel, string> {
  const inits = pod.containers.filter((c) => c.list === 'initContainers');
  const steady = [...inits.filter((c) => c.isNativeSidecar), ...pod.containers.filter((c) => c.list === 'containers')];
  const steadyByKey = indexByKey(steady);
  // For a native sidecar: the regular init containers that start after it (they run beside it), by port.
  const initsAfter = new Map<ContainerModel, ContainerModel[]>();
  // For a regular init container: the native sidecars started before it, by port.
  const sidecarsBefore = new Map<ContainerModel, Map<string, ContainerModel[]>>();
  const sidecarsSoFar = new Map<string, ContainerModel[]>();
  for (const init of inits) {
    if (init.isNativeSidecar) {
      for (const key of keysOf(init)) push(sidecarsSoFar, key, init);
      continue;
    }
    const before = new Map<string, ContainerModel[]>();
    for (const key of keysOf(init)) {
      const sidecars = sidecarsSoFar.get(key);
      if (!sidecars) continue;
      before.set(key, sidecars.slice(0, MAX_SCAN));
      for (const sidecar of sidecars.slice(0, MAX_SCAN)) {
        const list = initsAfter.get(sidecar) ?? [];
        if (list.length <= MAX_SCAN) list.push(init);
        initsAfter.set(sidecar, list);
      }
    }
    sidecarsBefore.set(init, before);
  }

  const clashes = new Map<PortModel, string>();
  for (const container of pod.containers) {
    const firstPortOf = new Map<string, PortModel>();
    for (const port of container.ports) {
      const key = keyOf(port);
      if (key === undefined) continue;
      const first = !firstPortOf.has(key);
      if (first) firstPortOf.set(key, port);
      let candidates: Iterable<ContainerModel>;
      if (container.list === 'initContainers' && !container.isNativeSidecar) {
        candidates = sidecarsBefore.get(container)?.get(key) ?? [];
      } else if (container.list === 'ephemeralContainers') {
        continue;
      } else {
        const others = steadyByKey.get(key) ?? [];
        // Regular init containers that start after a native sidecar are named on its first port with that number.
        const later = first && container.isNativeSidecar ? (initsAfter.get(container) ?? []).filter((i) => keysOf(i).has(key)) : [];
        candidates = [...others.slice(0, MAX_SCAN + 1), ...later];
      }
      const text = namesOf(candidates, container);
      if (text) clashes.set(port, text);
    }
  }
  return clashes;
}

/** The most names a port lists; past it, "and others". */
const MAX_NAMES = 5;
/** The most candidates looked at for one port: bounds the work on a Pod with thousands of containers. */
const MAX_SCAN = 1000;

function keyOf(port: PortModel): string | undefined {
  return port.containerPort === undefined ? undefined : `${port.containerPort}/${port.protocol}`;
}

function keysOf(c: ContainerModel): Set<string> {
  const keys = new Set<string>();
  for (const port of c.ports) {
    const key = keyOf(port);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

function indexByKey(containers: readonly ContainerModel[]): Map<string, ContainerModel[]> {
  const index = new Map<string, ContainerModel[]>();
  for (const c of containers) for (const key of keysOf(c)) push(index, key, c);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The distinct names of the candidates other than `self`, in order, at most MAX_NAMES of them. */
function namesOf(candidates: Iterable<ContainerModel>, self: ContainerModel): string | undefined {
  const names: string[] = [];
  let scanned = 0;
  let more = false;
  for (const other of candidates) {
    if (other === self) continue;
    if (++scanned > MAX_SCAN) {
      more = true;
      break;
    }
    const name = nameOf(other);
    if (names.includes(name)) continue;
    if (names.length === MAX_NAMES) {
      more = true;
      break;
    }
    names.push(name);
  }
  if (names.length === 0) return undefined;
  return more ? `${names.join(', ')} and others` : names.join(', ');
}

function nameOf(c: ContainerModel): string {
  return c.name ?? `${c.list}[${c.index}]`;
}
