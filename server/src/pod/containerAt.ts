import type { Path } from '../document/yamlTree';
import { isContainerList, type ContainerList, type ContainerModel, type PodModel } from './podModel';

/** Where a path of the document is inside a container: the list, the index, and the path inside the container. */
export interface ContainerPlace {
  readonly list: ContainerList;
  readonly index: number;
  /** The path below the container's mapping (empty on the container itself). */
  readonly inContainer: Path;
}

/** The path below the PodSpec, when `path` is inside it (empty on the PodSpec itself). */
export function belowPodSpec(podSpecPath: Path, path: Path): Path | undefined {
  if (path.length < podSpecPath.length || !podSpecPath.every((step, i) => path[i] === step)) return undefined;
  return path.slice(podSpecPath.length);
}

/**
 * The container place of a path, `[...podSpecPath, list, index, ...inContainer]`, read from the path alone: for
 * readers that have no Pod model at hand (the schema's levels) or where the model lags the text (completion).
 */
export function containerPlace(podSpecPath: Path, path: Path): ContainerPlace | undefined {
  const below = belowPodSpec(podSpecPath, path);
  const [list, index] = below ?? [];
  if (!below || !isContainerList(list) || typeof index !== 'number') return undefined;
  return { list, index, inContainer: below.slice(2) };
}

/**
 * The container that holds a path of the document: `[...podSpecPath, list, index, ...]`. The one place that maps a
 * path (a cursor's, a finding's) to a container of the Pod model.
 */
export function containerAtPath(pod: PodModel, path: Path): ContainerModel | undefined {
  const place = containerPlace(pod.podSpecPath, path);
  return place && pod.containers.find((c) => c.list === place.list && c.index === place.index);
}

/** The container whose mapping holds a document offset (a finding's start, a cursor), if any. */
export function containerAtOffset(pod: PodModel, offset: number): ContainerModel | undefined {
  return pod.containers.find((c) => !!c.node.range && c.node.range[0] <= offset && offset < c.node.range[1]);
}
