import type { Path } from '../document/yamlTree';
import { containerAtPath } from '../pod/containerAt';
import type { ContainerModel, PodModel } from '../pod/podModel';
import { shortQuantity } from '../pod/quantity';

/** Small Markdown helpers shared by the hover sections, so that every section writes names the same way. */

/** Inline code that survives backticks in the text. */
export function code(text: string | number): string {
  const s = String(text);
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s}${fence}`;
}

/** A container as people call it: its name, or its place when it has none. */
export function containerName(c: ContainerModel): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

/** A path as written in kubectl explain style, with container names where the manifest gives them. */
export function formatPath(path: Path, pod?: PodModel): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'number') {
      const container = pod ? containerAtPath(pod, path.slice(0, i + 1)) : undefined;
      // Only the container's own index: a number deeper in it (a port's) names no container.
      const named = container?.path.length === i + 1 ? container.name : undefined;
      out += named ? `[${named}]` : `[${step}]`;
    } else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) {
      out += out ? `.${step}` : step;
    } else {
      // A map key with dots or slashes (`app.kubernetes.io/name`) would read as several steps: bracket it.
      out += `[${JSON.stringify(step)}]`;
    }
  }
  return out;
}

/** "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The most items a hover lists; a Pod with a hundred containers must not fill the screen. */
export const MAX_LISTED = 12;

/** A bulleted list (at most MAX_LISTED items, then a count of the rest), or undefined for no items. */
export function bullets(items: readonly string[], indent = ''): string | undefined {
  if (!items.length) return undefined;
  const shown = items.slice(0, MAX_LISTED).map((i) => `${indent}- ${i}`);
  if (items.length > MAX_LISTED) shown.push(`${indent}- … and ${items.length - MAX_LISTED} more`);
  return shown.join('\n');
}

/** Items joined by `separator`, at most MAX_LISTED of them, then a count of the rest. */
export function capped(items: readonly string[], separator: string): string {
  const shown = items.slice(0, MAX_LISTED);
  if (items.length > MAX_LISTED) shown.push(`… and ${items.length - MAX_LISTED} more`);
  return shown.join(separator);
}

/** An amount of a resource, named once: `500m CPU`, `memory 128 MiB`, `nvidia.com/gpu 1`. */
export function amount(resource: string, value: number): string {
  return resource === 'cpu' ? shortQuantity(resource, value) : `${resource} ${shortQuantity(resource, value)}`;
}
