import { ifAnnotationsBuilt, role as roleText, type RoleName } from '../../schema/annotations';
import { appContainers, initContainers, type ContainerModel, type PodModel } from '../../pod/podModel';
import { DEFAULT_POD_RESTART_POLICY, keepsPodsRunning, runsToCompletion } from '../../pod/restartPolicies';
import type { RoleInfo } from '../../pod/roles';
import type { HoverContext } from '../hoverContext';
import { bullets, code, containerName, joinWords } from '../markdown';
import type { HoverSection } from '../section';

/**
 * One lifecycle for the Pod, restarts per container: on a container's name, its role and what it has; on
 * restartPolicy, what it governs here; on the container lists, the order in which the Pod starts them.
 */
export const lifecycleSection: HoverSection = {
  id: 'lifecycle',
  render(ctx) {
    const { pod, container, inContainer, inPodSpec } = ctx;
    if (!pod) return undefined;
    if (container && inContainer?.length === 1 && inContainer[0] === 'name') return containerText(ctx, pod, container);
    if (container && inContainer?.length === 1 && inContainer[0] === 'restartPolicy' && ctx.onKey) return containerRestartText(container);
    if (!container && inPodSpec?.length === 1) {
      if (inPodSpec[0] === 'restartPolicy' && ctx.onKey) return podRestartText(ctx, pod);
      if ((inPodSpec[0] === 'initContainers' || inPodSpec[0] === 'containers') && ctx.onKey) return startOrderText(ctx, pod);
    }
    return undefined;
  },
};

function containerText(ctx: HoverContext, pod: PodModel, c: ContainerModel): string {
  const info = ctx.roles().get(c);
  const lines = [`**${code(containerName(c))}** — ${roleWords(info, pod)}`];
  const explain = info ? annotatedRole(info) : undefined;
  if (explain) lines.push(explain);
  if (info?.reason) lines.push(`Why ${info.role}: ${info.reason}.`);
  const facts: string[] = [];
  if (c.image) facts.push(`Image: ${code(c.image)}`);
  const ports = c.ports.filter((p) => p.containerPort !== undefined);
  if (ports.length) facts.push(`Ports: ${ports.map((p) => `${code(`${p.containerPort}/${p.protocol}`)}${p.name ? ` (${p.name})` : ''}`).join(', ')} — on the Pod's IP, ${code(`localhost:${ports[0].containerPort}`)} for its siblings`);
  if (c.mounts.length) facts.push(`Mounts: ${c.mounts.map((m) => `${code(m.name ?? '?')} at ${code(m.mountPath ?? '?')}${m.readOnly ? ' (read-only)' : ''}`).join(', ')}`);
  if (facts.length) lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n\n');
}

function roleWords(info: RoleInfo | undefined, pod: PodModel): string {
  const inits = initContainers(pod).length;
  if (!info) return 'container';
  switch (info.role) {
    case 'init':
      return `init container, step ${info.step} of ${inits}: runs to completion before the next step; the app containers start after the last one.`;
    case 'native-sidecar':
      return `native sidecar (init step ${info.step} of ${inits}): starts in the init sequence, then keeps running beside the app containers until they have stopped.`;
    case 'ephemeral':
      return 'ephemeral debug container, added to a running Pod by kubectl debug.';
    case 'app':
      return 'app container: starts with the other app containers once every init container has finished.';
    default:
      return `app container, ${info.role} pattern (detected): runs beside the main app container for the whole life of the Pod.`;
  }
}

/** Our annotation text for a role, where the annotations name it. */
function annotatedRole(info: RoleInfo): string | undefined {
  const name: RoleName | undefined =
    info.role === 'init' ? 'init' : info.role === 'native-sidecar' ? 'sidecar' : info.role === 'ephemeral' ? 'ephemeral' : undefined;
  if (!name) return undefined;
  return ifAnnotationsBuilt(() => roleText(name)?.explain);
}

function containerRestartText(c: ContainerModel): string {
  if (c.list === 'initContainers') {
    return c.isNativeSidecar
      ? `With \`restartPolicy: Always\` the init container ${code(containerName(c))} is a **native sidecar**: the next init step starts as soon as it has started, it runs beside the app containers, is restarted when it exits, and is stopped after them.`
      : `On an init container, \`restartPolicy: Always\` makes it a **native sidecar** that keeps running beside the app containers. Without it, the init container runs once to completion, and the Pod's restartPolicy decides whether a failed attempt is retried.`;
  }
  return `A container-level restartPolicy is mostly met on init containers, where Always makes a native sidecar. On an app container it is accepted only where the cluster enables container restart rules (the ContainerRestartRules feature, alpha in Kubernetes 1.34), and then replaces the Pod's restartPolicy for this container alone.`;
}

function podRestartText(ctx: HoverContext, pod: PodModel): string {
  const policy = pod.restartPolicy ?? `${DEFAULT_POD_RESTART_POLICY} (the default)`;
  const lines = [
    `The Pod's restartPolicy, here ${code(policy)}, covers every app container of the Pod, and whether a failed init container is retried (it is, unless Never). Restarts happen in place, inside the same Pod.`,
  ];
  const sidecars = initContainers(pod).filter((c) => c.isNativeSidecar);
  if (sidecars.length) {
    const names = joinWords(sidecars.map((c) => code(containerName(c))));
    lines.push(sidecars.length > 1
      ? `The native sidecars ${names} set their own \`restartPolicy: Always\` and are always restarted, whatever this says.`
      : `The native sidecar ${names} sets its own \`restartPolicy: Always\` and is always restarted, whatever this says.`);
  }
  const kind = ctx.workload.kind;
  if (keepsPodsRunning(ctx.workload)) lines.push(`A ${kind} accepts only \`Always\`: its Pods are meant to run until replaced.`);
  if (runsToCompletion(ctx.workload)) lines.push(`A ${kind}'s Pods must use \`OnFailure\` or \`Never\`: they are meant to finish.`);
  return lines.join('\n\n');
}

function startOrderText(ctx: HoverContext, pod: PodModel): string | undefined {
  const inits = initContainers(pod);
  const apps = appContainers(pod);
  if (!inits.length && !apps.length) return undefined;
  const steps = inits.map((c, i) =>
    c.isNativeSidecar ? `step ${i + 1}: ${code(containerName(c))} starts and keeps running (native sidecar)` : `step ${i + 1}: ${code(containerName(c))} runs to completion`,
  );
  if (apps.length) steps.push(`${inits.length ? 'then ' : ''}${joinWords(apps.map((c) => code(containerName(c))))} start${apps.length > 1 ? ' together' : 's'} (app container${apps.length > 1 ? 's' : ''})`);
  return `How this Pod starts:\n${bullets(steps)}`;
}
