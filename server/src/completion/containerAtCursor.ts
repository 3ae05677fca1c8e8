import { belowPodSpec, containerAtPath, containerPlace } from '../pod/containerAt';
import { isContainerList, type ContainerList, type PodModel } from '../pod/podModel';
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

/**
 * The container at the cursor: a key of a container's mapping (or the value of one), or the first key of a new
 * item under a container list. Read from the text of the mapping (`presentValues`), since the line being typed
 * keeps the parse from holding it; in flow style, where the text gives no values, from the Pod model.
 */
export function containerAtCursor(context: CursorContext, podSpecPath: readonly (string | number)[] | undefined, pod: PodModel | undefined): ContainerAtCursor | undefined {
  if (!podSpecPath) return undefined;
  // Under the list's key without a dash: the key starts a new, empty item.
  const tail = belowPodSpec(podSpecPath, context.path);
  if (tail && context.position === 'key' && tail.length === 1 && !context.itemStart && isContainerList(tail[0])) {
    return { list: tail[0], isNativeSidecar: false };
  }
  const place = containerPlace(podSpecPath, context.path);
  // A key typed right in the container's mapping, or the value of one of its fields.
  if (!place || place.inContainer.length !== (context.position === 'key' ? 0 : 1)) return undefined;
  const { list } = place;
  if (context.style === 'flow') {
    const model = pod ? containerAtPath(pod, context.path) : undefined;
    return { list, isNativeSidecar: !!model?.isNativeSidecar, image: model?.image };
  }
  const values = context.presentValues;
  return { list, isNativeSidecar: isNativeSidecarPolicy(list, values.get('restartPolicy')), image: values.get('image') };
}
