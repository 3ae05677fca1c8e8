import { mountsOf } from '../../pod/podModel';
import { podSecurityVerdict, type PodSecurityVerdict } from '../../pod/podSecurity';
import { roleLabel } from '../../pod/roles';
import { pathIs } from '../hoverContext';
import { amount, bullets, capped, code, containerName } from '../markdown';
import type { HoverSection } from '../section';
import { sourceText } from './storageSection';

/**
 * On `kind` of a pod-carrying object, and on the key of its PodSpec: the Pod at a glance (containers by role,
 * ports, volumes, effective resources).
 */
export const podSummary: HoverSection = {
  id: 'podSummary',
  render(ctx) {
    const { pod } = ctx;
    if (!pod || !(pathIs(ctx.path, 'kind') || (ctx.onKey && pathIs(ctx.inPodSpec)))) return undefined;
    const kind = ctx.workload.kind;
    const project = ctx.workload.customResource?.project;
    const title =
      kind === 'Pod'
        ? `**Pod${pod.name ? ` ${code(pod.name)}` : ''}**`
        : `**${kind}${pod.name ? ` ${code(pod.name)}` : ''}**${project ? ` (${project})` : ''}: the controller creates Pods from the template at ${code(pod.podSpecPath.slice(0, -1).join('.'))}; each Pod is:`;
    const roles = ctx.roles();
    const items: string[] = [];
    const running = pod.containers;
    if (running.length) {
      const lines = running.map((c) => {
        const info = roles.get(c);
        return `${code(containerName(c))}: ${info ? roleLabel(info) : 'container'}`;
      });
      items.push(`Containers:\n${bullets(lines, '  ')}`);
    } else {
      items.push('Containers: none yet');
    }
    const ports = running.flatMap((c) => c.ports.filter((p) => p.containerPort !== undefined).map((p) => `${code(`${p.containerPort}/${p.protocol}`)} ${containerName(c)}`));
    if (ports.length) items.push(`Ports, on one shared Pod IP: ${capped(ports, ', ')}`);
    if (pod.volumes.length) {
      items.push(
        `Volumes: ${capped(
          pod.volumes.map((v) => {
            const users = v.name ? [...new Set(mountsOf(pod, v.name).map(({ container }) => containerName(container)))] : [];
            return `${code(v.name ?? '?')} (${sourceText(v)}) → ${users.length ? capped(users, ', ') : 'unmounted'}`;
          }),
          '; ',
        )}`,
      );
    }
    const effective = ctx.effective();
    if (effective) {
      const fmt = (m: typeof effective.requests) =>
        [...m].map(([name, r]) => (r.value === undefined ? `${name} unlimited (not every container sets a ${name} limit)` : amount(name, r.value))).join(', ');
      if (effective.requests.size) items.push(`Effective requests: ${fmt(effective.requests)}`);
      if (effective.limits.size) items.push(`Effective limits: ${fmt(effective.limits)}`);
    }
    const settings = ctx.req.settings;
    items.push(podSecurityLine(podSecurityVerdict(pod, { doc: ctx.doc, version: settings.kubernetesVersion }), settings.podSecurityStandard !== 'off'));
    const summary = [title, bullets(items)!];
    summary.push('Every container of the Pod shares its IP (localhost between them), its volumes, its lifecycle and its node.');
    return summary.join('\n\n');
  },
};

/**
 * The highest Pod Security Standard the Pod meets; the controls that keep it from the next level only for a person
 * who checks a level (podsmith.podSecurityStandard), since on every simple example the list is noise.
 */
function podSecurityLine(verdict: PodSecurityVerdict, listFailures: boolean): string {
  const next = verdict.level === 'privileged' ? 'baseline' : 'restricted';
  const blocked = listFailures && verdict.blockedBy.length ? ` (${next} fails: ${capped([...verdict.blockedBy], ', ')})` : '';
  return `Pod Security Standard: meets **${verdict.level}**${blocked}`;
}
