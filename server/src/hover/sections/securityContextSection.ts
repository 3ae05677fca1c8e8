import {
  CONTAINER_ONLY_FIELDS,
  POD_ONLY_FIELDS,
  SHARED_FIELDS,
  containerSecurity,
  defaultMeaning,
  describeValue,
  effectiveSetting,
  inheritanceOf,
  podSecurityOf,
  type ContainerSecurity,
  type EffectiveSetting,
  type PodSecuritySettings,
} from '../../pod/securityContext';
import { podSecurityViolations } from '../../pod/podSecurity';
import { ifAnnotationsBuilt, securityContextLevel, type SecurityLevel } from '../../schema/annotations';
import type { HoverContext } from '../hoverContext';
import { bullets, capped, code, containerName } from '../markdown';
import type { HoverSection } from '../section';

/**
 * securityContext is where the Pod/container split confuses people most: it exists at both levels, some fields
 * live at only one of them, and for the shared ones a container's value wins. On every securityContext key and
 * field this says which level the field lives at, and what the container really runs with: the effective value
 * and where it comes from (the container, the Pod, or the default); on the Pod's field, who inherits it and who
 * overrides it.
 */
export const securityContextSection: HoverSection = {
  id: 'securityContext',
  render(ctx) {
    const { pod } = ctx;
    if (!pod) return undefined;
    const security = podSecurityOf(pod);
    if (ctx.container && ctx.inContainer?.[0] === 'securityContext') {
      const c = containerSecurity(security, ctx.container);
      if (!c) return undefined;
      const field = typeof ctx.inContainer[1] === 'string' ? ctx.inContainer[1] : undefined;
      if (field) return containerFieldText(security, c, field);
      return [containerSummary(security, c), standardLine(ctx, c)].filter(Boolean).join('\n\n');
    }
    if (!ctx.container && ctx.inPodSpec?.[0] === 'securityContext') {
      const field = typeof ctx.inPodSpec[1] === 'string' ? ctx.inPodSpec[1] : undefined;
      return field ? podFieldText(ctx, security, field) : podSummaryText(security);
    }
    return undefined;
  },
};

function levelOf(field: string): SecurityLevel | undefined {
  // The annotations are a build artefact; the model's own lists give the same answer without them.
  const level = ifAnnotationsBuilt(() => securityContextLevel(field));
  if (level) return level;
  if ((SHARED_FIELDS as readonly string[]).includes(field)) return 'both';
  if ((CONTAINER_ONLY_FIELDS as readonly string[]).includes(field)) return 'container';
  if ((POD_ONLY_FIELDS as readonly string[]).includes(field)) return 'pod';
  return undefined;
}

const LEVEL_WORDS: Record<SecurityLevel, string> = {
  pod: "**Pod-level only:** this field exists only in the Pod's securityContext (spec.securityContext) and applies to every container.",
  container: "**Container-level only:** this field exists only in a container's securityContext; each container sets its own, and the Pod's securityContext has no such field.",
  both: "**Pod and container:** the Pod's value is the default for every container; a container's own value wins.",
};

function containerFieldText(pod: PodSecuritySettings, c: ContainerSecurity, field: string): string | undefined {
  const level = levelOf(field);
  if (!level) return undefined;
  const name = code(containerName(c.container));
  if (level === 'pod') {
    return `**Pod-level only:** ${code(field)} exists only in the Pod's securityContext, because it acts on what all containers share; here, in container ${name}'s securityContext, the API server rejects it. Move it to spec.securityContext.`;
  }
  const lines = [LEVEL_WORDS[level]];
  lines.push(`Effective for ${name}: ${effectiveLine(effectiveSetting(pod, c, field))}.`);
  if (field === 'windowsOptions') lines.push("windowsOptions merge field by field: those the container leaves out come from the Pod's.");
  return lines.join('\n\n');
}

function podFieldText(ctx: HoverContext, pod: PodSecuritySettings, field: string): string | undefined {
  const level = levelOf(field);
  if (!level) return undefined;
  if (level === 'container') {
    return `**Container-level only:** ${code(field)} exists only in a container's securityContext, because it acts on one container's processes or filesystem; in the Pod's securityContext the API server rejects it. Set it in each container that needs it.`;
  }
  const lines = [LEVEL_WORDS[level]];
  const all = pod.containers;
  if (level === 'pod') {
    lines.push(all.length ? `Applies to ${all.length === 1 ? 'the one container' : `all ${all.length} containers`}: ${capped(all.map((c) => code(containerName(c.container))), ', ')}.` : 'Applies to every container of the Pod (none yet).');
    if ((field === 'fsGroup' || field === 'fsGroupChangePolicy') && ctx.pod?.volumes.length) {
      lines.push(`It acts on the Pod's volumes: ${capped(ctx.pod.volumes.map((v) => code(v.name ?? '?')), ', ')}.`);
    }
    return lines.join('\n\n');
  }
  const value = pod.own.get(field)?.value;
  const { inherit, override } = inheritanceOf(pod, field);
  if (inherit.length) {
    lines.push(`Inherited by ${capped(inherit.map((c) => code(containerName(c.container))), ', ')}: ${inherit.length === 1 ? 'it runs' : 'they run'} with ${field} ${describeValue(field, value)}.`);
  }
  if (override.length) {
    lines.push(`Overridden by:\n${bullets(override.map((c) => `${code(containerName(c.container))}: ${field} ${describeValue(field, c.own.get(field)!.value)}`))}`);
  }
  if (!inherit.length && !override.length) lines.push('No container yet: every container added without its own value will inherit it.');
  if (!inherit.length && override.length) lines.push('Every container sets its own value, so this one is only a default for containers added later.');
  return lines.join('\n\n');
}

/** On a container's securityContext key: what it runs with, field by field, and where each value comes from. */
function containerSummary(pod: PodSecuritySettings, c: ContainerSecurity): string {
  const name = code(containerName(c.container));
  const items: string[] = [];
  for (const field of [...SHARED_FIELDS, ...CONTAINER_ONLY_FIELDS]) {
    const effective = effectiveSetting(pod, c, field);
    if (effective.source !== 'default') items.push(`${field} ${effectiveLine(effective)}`);
  }
  const lines = [`**Effective security settings of ${name}** (its own securityContext, over the Pod's):`];
  lines.push(items.length ? bullets(items)! : 'None set: every field has its default.');
  const podOnly = POD_ONLY_FIELDS.filter((f) => pod.own.has(f));
  if (podOnly.length) lines.push(`From the Pod for every container: ${podOnly.map((f) => `${f} ${describeValue(f, pod.own.get(f)!.value)}`).join(', ')}.`);
  lines.push("A container's securityContext holds its own settings (privileged, capabilities, allowPrivilegeEscalation, readOnlyRootFilesystem, procMount) and overrides the shared ones (runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, appArmorProfile, windowsOptions).");
  return lines.join('\n\n');
}

/**
 * With podsmith.podSecurityStandard set: whether anything written in this container fails the level, by control,
 * so the summary of what it runs with ends with what the cluster would say about it.
 */
function standardLine(ctx: HoverContext, c: ContainerSecurity): string | undefined {
  const level = ctx.req.settings.podSecurityStandard;
  const range = c.container.node.range;
  if (level === 'off' || !ctx.pod || !range) return undefined;
  const violations = podSecurityViolations(ctx.pod, { doc: ctx.doc, version: ctx.req.settings.kubernetesVersion });
  const here = violations.filter((v) => (level === 'restricted' || v.level === 'baseline') && v.start >= range[0] && v.end <= range[1]);
  const controls = [...new Set(here.map((v) => v.control))];
  return controls.length
    ? `Pod Security Standard ${level}: this container fails ${controls.map((n) => `"${n}"`).join(', ')}; the diagnostics say how to fix each.`
    : `Pod Security Standard ${level}: nothing in this container fails it.`;
}

/** On the Pod's securityContext key: its shared fields with who inherits them, and its Pod-only fields. */
function podSummaryText(pod: PodSecuritySettings): string {
  const lines = ["**The Pod's securityContext:** defaults for every container, and the settings only the Pod can have (fsGroup, supplementalGroups, sysctls...)."];
  const items: string[] = [];
  for (const field of SHARED_FIELDS) {
    const own = pod.own.get(field);
    if (!own) continue;
    const { inherit, override } = inheritanceOf(pod, field);
    const overriding = override.length ? `; overridden by ${capped(override.map((c) => code(containerName(c.container))), ', ')}` : '';
    items.push(`${field} ${describeValue(field, own.value)}: inherited by ${inherit.length ? capped(inherit.map((c) => code(containerName(c.container))), ', ') : 'no container'}${overriding}`);
  }
  for (const field of POD_ONLY_FIELDS) {
    const own = pod.own.get(field);
    if (own) items.push(`${field} ${describeValue(field, own.value)}: applies to every container`);
  }
  if (items.length) lines.push(bullets(items)!);
  return lines.join('\n\n');
}

/** "1000, from the Pod; this container does not override it", "0, set in this container, overriding the Pod's 1000". */
function effectiveLine(e: EffectiveSetting): string {
  switch (e.source) {
    case 'container':
      return `${describeValue(e.field, e.value)}, set in this container${e.overrides ? `, overriding the Pod's ${describeValue(e.field, e.overrides.value)}` : ''}`;
    case 'pod':
      return `${describeValue(e.field, e.value)}, from the Pod; this container does not override it`;
    default:
      return `not set here or on the Pod, so the default: ${defaultMeaning(e.field) ?? 'the API default'}`;
  }
}
