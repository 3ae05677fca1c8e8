import type { ContainerModel, PodModel, PortModel } from '../pod/podModel';

/**
 * Ports that two containers open at the same time. Every container of a Pod shares one network namespace (one IP),
 * so two containers that run together cannot both listen on the same port and protocol: the second one fails to
 * bind. Who runs together: the app containers and every native sidecar; a regular init container runs alone, beside
 * only the native sidecars started before it.
 */
export function portClashes(pod: PodModel): Map<PortModel, string> {
  const clashes = new Map<PortModel, string>();
  const inits = pod.containers.filter((c) => c.list === 'initContainers');
  const sidecars = inits.filter((c) => c.isNativeSidecar);
  const steady = [...sidecars, ...pod.containers.filter((c) => c.list === 'containers')];
  markClashes(steady, steady, clashes);
  inits.forEach((init, position) => {
    if (init.isNativeSidecar) return;
    markClashes([init], inits.slice(0, position).filter((c) => c.isNativeSidecar), clashes);
  });
  return clashes;
}

/** Marks each port of `group` that another container of `others` also opens, with that container's name. */
function markClashes(group: readonly ContainerModel[], others: readonly ContainerModel[], clashes: Map<PortModel, string>): void {
  for (const container of group) {
    for (const port of container.ports) {
      if (port.containerPort === undefined) continue;
      for (const other of others) {
        if (other === container) continue;
        const twin = other.ports.find((p) => p.containerPort === port.containerPort && p.protocol === port.protocol);
        if (!twin) continue;
        addName(clashes, port, nameOf(other));
        addName(clashes, twin, nameOf(container));
      }
    }
  }
}

function nameOf(c: ContainerModel): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

function addName(clashes: Map<PortModel, string>, port: PortModel, name: string): void {
  const names = clashes.get(port)?.split(', ') ?? [];
  if (!names.includes(name)) clashes.set(port, [...names, name].join(', '));
}
