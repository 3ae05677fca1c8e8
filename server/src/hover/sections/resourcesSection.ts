import type { EffectiveResource } from '../../pod/effectiveResources';
import type { ContainerModel, ResourceList } from '../../pod/podModel';
import type { HoverContext } from '../hoverContext';
import { amount, bullets, code, containerName } from '../markdown';
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
  const share = (name: string, total: EffectiveResource) => {
    const own = c?.requests.values.get(name)?.value;
    if (own === undefined || !total.value) return '';
    return `; ${code(containerName(c!))}'s share ${Math.round((own / total.value) * 100)}%`;
  };
  const requestLines = [...effective.requests].map(
    ([name, r]) => `${r.value === undefined ? `${name} unbounded` : amount(name, r.value)} (${r.from}${share(name, r)})`,
  );
  const limitLines = [...effective.limits].map(
    ([name, r]) => r.value === undefined ? `${name} unbounded (a container that runs then sets no ${name} limit)` : `${amount(name, r.value)} (${r.from})`,
  );
  const parts: string[] = [];
  if (requestLines.length) parts.push(`**Pod's effective requests** (what the scheduler reserves on one node):\n${bullets(requestLines)}`);
  if (limitLines.length) parts.push(`**Pod's effective limits:**\n${bullets(limitLines)}`);
  return parts.join('\n\n');
}

function listText(list: ResourceList): string {
  const entries = [...list.values].map(([name, q]) => amount(name, q.value));
  return entries.length ? entries.join(', ') : 'none';
}
