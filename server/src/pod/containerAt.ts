import type { Path } from '../document/yamlTree';
import type { ContainerModel, PodModel } from './podModel';

/**
 * The container that holds a path of the document: `[...podSpecPath, list, index, ...]`. The one place that maps a
 * path (a cursor's, a finding's) to a container of the Pod model.
 */
export function containerAtPath(pod: PodModel, path: Path): ContainerModel | undefined {
  const at = pod.podSpecPath.length;
  if (!pod.podSpecPath.every((step, i) => path[i] === step)) return undefined;
  const list = path[at];
  const index = path[at + 1];
  if (typeof index !== 'number') return undefined;
  return pod.containers.find((c) => c.list === list && c.index === index);
}
