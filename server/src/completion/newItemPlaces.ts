import { belowPodSpec } from '../pod/containerAt';
import type { CompletionContext } from './completionContext';
import type { CursorContext } from './cursorContext';

/**
 * Where the cursor is at the place of a new item of one of the Pod's lists: under the list's key, right after a
 * fresh `- `, or (a container) at an empty entry of a flow list. Several providers offer whole items there.
 */

/** The container list whose new item is at the cursor. */
export function containerListAt(ctx: CompletionContext): 'containers' | 'initContainers' | undefined {
  const { cursor, podSpecPath } = ctx;
  if (!podSpecPath) return undefined;
  const tail = belowPodSpec(podSpecPath, cursor.path);
  if (!tail) return undefined;
  const list = tail[0];
  if (list !== 'containers' && list !== 'initContainers') return undefined;
  if (tail.length === 1 && !cursor.itemStart) return list;
  if (tail.length === 2 && cursor.style === 'flow' && cursor.position === 'value' && typeof tail[1] === 'number') return list;
  if (tail.length === 2 && cursor.itemStart && cursor.presentKeys.size === 0 && cursor.lineIsOpen) return list;
  return undefined;
}

/** A new item of the Pod's volumes. */
export function isVolumeListAt(ctx: CompletionContext): boolean {
  const { cursor, podSpecPath } = ctx;
  const tail = podSpecPath && belowPodSpec(podSpecPath, cursor.path);
  if (!tail || tail[0] !== 'volumes') return false;
  return (tail.length === 1 && !cursor.itemStart) || (tail.length === 2 && cursor.itemStart && cursor.presentKeys.size === 0 && cursor.lineIsOpen);
}

/** A new item of a container's `list` (`volumeMounts:` then a new line, or a fresh `- `). */
export function isNewItemOf(cursor: CursorContext, list: string): boolean {
  const path = cursor.path;
  const last = path[path.length - 1];
  if (last === list && !cursor.itemStart) return true;
  return path[path.length - 2] === list && typeof last === 'number' && cursor.itemStart && cursor.presentKeys.size === 0 && cursor.lineIsOpen;
}

/**
 * A new item of a flow sequence (`containers: [|]`, after a comma): an item's place with nothing typed yet, and
 * nothing but spaces between the cursor and the entry's end (`,`, `]` or the line's end).
 */
export function isNewFlowItem(ctx: CompletionContext): boolean {
  const { cursor } = ctx;
  if (cursor.style !== 'flow' || cursor.position !== 'value' || typeof cursor.path[cursor.path.length - 1] !== 'number' || cursor.typed !== '') return false;
  const offset = ctx.req.offset;
  return /^[ \t]*(?:[,\]\r\n]|$)/.test(ctx.lines.text.slice(offset, offset + 200));
}
