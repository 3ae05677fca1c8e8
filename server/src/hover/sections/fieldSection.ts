import { roleLabel } from '../../pod/roles';
import { ifAnnotationsBuilt, scopeDescription, type Scope } from '../../schema/annotations';
import { typeLabel } from '../../schema/kubernetesSchema';
import type { HoverContext } from '../hoverContext';
import { code, containerName, formatPath } from '../markdown';
import type { HoverSection } from '../section';

/** The first line of every hover: where the node is (its path), where it belongs (the scope badge), its type. */
export const fieldHeaderSection: HoverSection = {
  id: 'fieldHeader',
  render(ctx) {
    const header = [code(formatPath(ctx.path, ctx.pod)), scopeBadge(ctx)];
    const type = ctx.schema ? typeText(ctx) : undefined;
    if (type) header.push(type);
    return header.join(' · ');
  },
};

/** Our explanation of the field, and what its scope means when the cursor is on an annotated key. */
export const fieldExplanationSection: HoverSection = {
  id: 'fieldExplanation',
  render(ctx) {
    const lines: string[] = [];
    if (ctx.annotation?.unsupported) {
      lines.push(`**Not accepted here:** the schema lists ${code(ctx.field!)}, but the API rejects it on an ephemeral container, which only joins a running Pod to debug it.`);
    }
    if (ctx.annotation?.explain) lines.push(ctx.annotation.explain);
    if (ctx.onKey && ctx.annotation) {
      const scope = scopeText(ctx.scope);
      if (scope) lines.push(`_${scope.label}: ${scope.explain}_`);
    }
    return lines.length ? lines.join('\n\n') : undefined;
  },
};

/**
 * A node our annotations do not name (a label, a port's number) gets the explanation of the nearest field above
 * it that they do name, introduced as such, unless a concern section has already told the same in this Pod's terms.
 */
export const enclosingFieldSection: HoverSection = {
  id: 'enclosingField',
  render(ctx) {
    if (ctx.annotation || !ctx.nearest?.annotation.explain) return undefined;
    // The network, storage, resources and scheduling sections already explain these nodes in this Pod's terms.
    if (ctx.pod && COVERED_CONCEPTS.has(ctx.nearest.annotation.concept ?? '')) return undefined;
    return `Part of ${code(ctx.nearest.field)}: ${ctx.nearest.annotation.explain}`;
  },
};

const COVERED_CONCEPTS = new Set(['network', 'storage', 'resources', 'scheduling']);

/** The scope in bold, with the container and its role when the node is inside one. */
export function scopeBadge(ctx: HoverContext): string {
  const label = scopeText(ctx.scope)?.label ?? FALLBACK_LABELS[ctx.scope];
  const c = ctx.container;
  if (!c || ctx.scope !== 'container') return `**${label}**`;
  const role = ctx.roles().get(c);
  let who: string;
  if (c.list === 'ephemeralContainers') who = `ephemeral container ${code(containerName(c))}`;
  else if (role?.role === 'native-sidecar') who = `native sidecar ${code(containerName(c))} (init step ${role.step})`;
  else if (role?.role === 'init') who = `init container ${code(containerName(c))} (step ${role.step})`;
  else who = `${role && role.role !== 'app' ? roleLabel(role) : 'app container'} ${code(containerName(c))}`;
  return `**${label}** · ${who}`;
}

const FALLBACK_LABELS: Record<Scope, string> = { pod: 'Pod-level', container: 'container-level', workload: 'workload-level' };

function scopeText(scope: Scope) {
  return ifAnnotationsBuilt(() => scopeDescription(scope));
}

function typeText(ctx: HoverContext): string | undefined {
  const schema = ctx.schema!;
  let label = code(typeLabel(schema));
  const values = schema.node.enum;
  if (values?.length) label += `: ${values.map((v) => code(v)).join(' | ')}`;
  return label;
}
