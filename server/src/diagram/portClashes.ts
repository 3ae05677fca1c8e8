import type { ContainerModel, PodModel, PortModel } from '../pod/podModel';
import { portClashes as clashesOf } from '../pod/portClashes';

/**
 * The diagram's words for each port that clashes: the names of the containers that run at the same time on the same
 * port and protocol. Which ports clash is the Pod model's fact (pod/portClashes.ts), read here as the port rule and
 * the hover read it; this module only words it, with at most MAX_NAMES names.
 */
export function portClashes(pod: PodModel): Map<PortModel, string> {
  const words = new Map<PortModel, string>();
  for (const [port, clash] of clashesOf(pod)) {
    const names: string[] = [];
    let more = clash.more;
    for (const partner of clash.partners) {
      const name = nameOf(partner.container);
      if (names.includes(name)) continue;
      if (names.length === MAX_NAMES) {
        more = true;
        break;
      }
      names.push(name);
    }
    words.set(port, more ? `${names.join(', ')} and others` : names.join(', '));
  }
  return words;
}

/** The most names a port lists; past it, "and others". */
const MAX_NAMES = 5;

function nameOf(c: ContainerModel): string {
  return c.name ?? `${c.list}[${c.index}]`;
}
