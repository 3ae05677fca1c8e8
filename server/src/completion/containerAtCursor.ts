import { containerAtPath } from '../pod/containerAt';
import type { ContainerList, PodModel } from '../pod/podModel';
import { isNativeSidecarPolicy } from '../pod/restartPolicies';
import type { CursorContext } from './cursorContext';

/** The container whose key or value is being typed, as far as its offers depend on it. */
export interface ContainerAtCursor {
  readonly list: ContainerList;
  /** An init container with `restartPolicy: Always`. */
  readonly isNativeSidecar: boolean;
  /** Its image as written, when it has one. */
  readonly image?: string;
}

const LISTS: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * The container at the cursor: a key of a container's mapping (or the value of one), or the first key of a new
 * item under a container list. Read from the text of the mapping (`presentValues`), since the line being typed
 * keeps the parse from holding it; in flow style, where the text gives no values, from the Pod model.
 */
export function containerAtCursor(context: CursorContext, podSpecPath: readonly (string | number)[] | undefined, pod: PodModel | undefined): ContainerAtCursor | undefined {
  if (!podSpecPath || !podSpecPath.every((step, i) => context.path[i] === step)) return undefined;
  const tail = context.path.slice(podSpecPath.length);
  const list = LISTS.find((l) => l === tail[0]);
  if (!list) return undefined;
  const depth = context.position === 'key' ? 2 : 3;
  // Under the list's key without a dash: the key starts a new, empty item.
  if (context.position === 'key' && tail.length === 1 && !context.itemStart) return { list, isNativeSidecar: false };
  if (tail.length !== depth || typeof tail[1] !== 'number') return undefined;
  const values = context.presentValues;
  if (context.style === 'flow') {
    const model = pod ? containerAtPath(pod, context.path) : undefined;
    return { list, isNativeSidecar: !!model?.isNativeSidecar, image: model?.image };
  }
  return { list, isNativeSidecar: isNativeSidecarPolicy(list, values.get('restartPolicy')), image: values.get('image') };
}
