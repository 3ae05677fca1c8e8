import { isScalar } from 'yaml';
import type { EffectiveResource } from '../../pod/effectiveResources';
import type { ContainerModel, ResourceList } from '../../pod/podModel';
import type { HoverContext } from '../hoverContext';
import { amount, bullets, code, containerName, joinWords } from '../markdown';
import type { HoverSection } from '../section';

/**
 * Resources are set per container and added up for the Pod: on a container's resources, its own figures, its
 * share, and the Pod's effective requests and limits (init containers and sidecars included); on the Pod-level
 * resources and overhead, the effective figures.
 */
export const resourcesSection: HoverSection = {
  id: 'resources',
  render(ctx) {
    const { pod, container, inContainer, inPodSpec } = ctx;
    if (!pod) return undefined;
    if (container && inContainer?.[0] === 'resources' && container.list !== 'ephemeralContainers') return containerText(ctx, container);
    if (!container && (inPodSpec?.[0] === 'resources' || inPodSpec?.[0] === 'overhead')) return podText(ctx);
    return undefined;
  },
};

function containerText(ctx: HoverContext, c: ContainerModel): string {
  const lines = [
    `Container ${code(containerName(c))}: requests ${listText(c.requests)}; limits ${listText(c.limits)}.`,
  ];
  if (c.list === 'initContainers' && !c.isNativeSidecar) {
    lines.push('Init containers run one at a time, so the Pod reserves the larger of its busiest init step and the sum of the app containers and native sidecars.');
  } else {
    lines.push('Requests of the containers that run together are added up: the scheduler needs one node with room for the sum.');
  }
  const effective = effectiveText(ctx, c);
  if (effective) lines.push(effective);
  return lines.join('\n\n');
}

function podText(ctx: HoverContext): string | undefined {
  const effective = effectiveText(ctx);
  return effective ? `Resources are set per container and added up for the Pod.\n\n${effective}` : undefined;
}

/** The Pod's effective figures, with `c`'s share of each request when given. */
function effectiveText(ctx: HoverContext, c?: ContainerModel): string | undefined {
  const effective = ctx.effective();
  if (!effective || (!effective.requests.size && !effective.limits.size)) return undefined;
  const requestLines = [...effective.requests].map(
    ([name, r]) => `${r.value === undefined ? `${name} unbounded` : amount(name, r.value)} (${r.from}${c ? shareText(c, name, r) : ''})`,
  );
  const limitLines = [...effective.limits].map(([name, r]) =>
    r.value === undefined ? `${name} unbounded (${unboundedText(name, r)})` : `${amount(name, r.value)} (${r.from})`,
  );
  const parts: string[] = [];
  if (requestLines.length) parts.push(`**Pod's effective requests** (what the scheduler reserves on one node):\n${bullets(requestLines)}`);
  if (limitLines.length) parts.push(`**Pod's effective limits:**\n${bullets(limitLines)}`);
  return parts.join('\n\n');
}

/**
 * `c`'s part of the Pod's request for `name`. Only the containers that run at the moment the figure describes add
 * up to it: an init container has finished before the app containers start, so it has no share in their sum.
 */
function shareText(c: ContainerModel, name: string, total: EffectiveResource): string {
  // A container that sets only a limit requests that much (API defaulting), as in the figure itself.
  const own = c.requests.values.get(name)?.value ?? c.limits.values.get(name)?.value;
  if (own === undefined || !total.value || !total.containers.length) return '';
  if (!total.containers.includes(c)) return `; ${code(containerName(c))} does not run then, so it is not part of it`;
  return `; ${code(containerName(c))}'s share ${Math.round((own / total.value) * 100)}%`;
}

/** Which containers leave the Pod's limit open (every one), each named with its place in the Pod's lifecycle. */
function unboundedText(name: string, limit: EffectiveResource): string {
  const open = limit.unboundedBy ?? [];
  if (!open.length) return `a container that runs then sets no ${name} limit`;
  const named = open.map((c) => {
    const kind = c.list === 'containers' ? 'container' : c.isNativeSidecar ? 'native sidecar' : 'init container';
    return `${kind} ${code(containerName(c))}`;
  });
  return `${joinWords(named)} ${open.length > 1 ? 'set' : 'sets'} no ${name} limit`;
}

/** A container's requests or limits as written; an entry that is no quantity is named so, not left out. */
function listText(list: ResourceList): string {
  const entries = [...list.nodes.keys()].map((name) => {
    const q = list.values.get(name);
    if (q) return amount(name, q.value);
    const written = list.nodes.get(name);
    const shown = isScalar(written) ? ` ${code(String(written.value))}` : '';
    return `${name}${shown} (not a quantity, so not counted)`;
  });
  return entries.length ? entries.join(', ') : 'none';
}
