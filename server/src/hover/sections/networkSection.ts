import type { ContainerModel, PodModel, PortModel } from '../../pod/podModel';
import { portClashOf } from '../../pod/portClashes';
import { isProbeField } from '../../pod/probes';
import { runsBesideApps } from '../../pod/runTogether';
import type { HoverContext } from '../hoverContext';
import { bullets, capped, code, containerName, joinWords } from '../markdown';
import type { HoverSection } from '../section';


/**
 * The Pod's one network, told where it matters: on a container's ports (who reaches it, how, and clashes with a
 * sibling), on a probe's named port, and on the Pod-level network fields.
 */
export const networkSection: HoverSection = {
  id: 'network',
  render(ctx) {
    const { pod, container, inContainer } = ctx;
    if (!pod) return undefined;
    if (container && inContainer?.[0] === 'ports') {
      if (typeof inContainer[1] !== 'number') return containerPortsText(pod, container);
      const port = container.ports.find((p) => p.index === inContainer[1]);
      return port ? portText(pod, container, port) : undefined;
    }
    if (container && inContainer && isProbeField(inContainer[0]) && inContainer[inContainer.length - 1] === 'port') {
      return probePortText(ctx, container);
    }
    if (!container && ctx.inPodSpec && ctx.nearest?.annotation.concept === 'network') return podNetworkText(pod);
    return undefined;
  },
};

function portText(pod: PodModel, c: ContainerModel, port: PortModel): string | undefined {
  const number = port.containerPort;
  if (number === undefined) return undefined;
  const lines: string[] = [];
  const named = port.name ? ` (named ${code(port.name)})` : '';
  lines.push(`Container ${code(containerName(c))} listens on **${number}/${port.protocol}**${named}, on the Pod's IP address.`);
  if (c.list === 'initContainers' && !c.isNativeSidecar) {
    lines.push(`An init container runs before the app containers start, so this port is open only while ${code(containerName(c))} runs.`);
  }
  const others = siblingsOf(pod, c).map(containerName).map(code);
  const reach = others.length
    ? `Reachable from the other containers of this Pod (${others.length > 12 ? `${others.slice(0, 12).join(', ')}…` : joinWords(others)}) as ${code(`localhost:${number}`)}`
    : `Reachable from the other containers of this Pod (none besides it yet) as ${code(`localhost:${number}`)}`;
  lines.push(`${reach}; other Pods reach it as ${code(`<pod-ip>:${number}`)}, or through a Service whose targetPort is ${number}${port.name ? ` or ${code(port.name)}` : ''}.`);
  for (const partner of portClashOf(pod, port)?.partners ?? []) {
    // A regular init step and a native sidecar started before it: the sidecar is still running during the step.
    const during = runsBesideApps(c) && runsBesideApps(partner.container)
      ? ''
      : ` The native sidecar keeps running while the later init steps run, so both are up at once.`;
    lines.push(
      `**Port already in use:** container ${code(containerName(partner.container))} also declares ${partner.port.containerPort}/${partner.port.protocol}.${during} The containers share one port space, so only one process can listen on it.`,
    );
  }
  if (pod.hostNetwork) {
    lines.push(`With \`hostNetwork: true\` the Pod uses the node's network: port ${number} opens on the node's IP, shared with everything else on the node.`);
  } else if (port.hostPort !== undefined) {
    lines.push(`\`hostPort: ${port.hostPort}\` also forwards port ${port.hostPort} of the node's IP to it, so only one such Pod fits on a node.`);
  }
  return lines.join('\n\n');
}

function containerPortsText(pod: PodModel, c: ContainerModel): string {
  const own = c.ports.filter((p) => p.containerPort !== undefined);
  const lines = [
    own.length
      ? `Container ${code(containerName(c))} listens on ${joinWords(own.map((p) => code(`${p.containerPort}/${p.protocol}`)))}. Its siblings reach it on ${code(`localhost:${own[0].containerPort}`)}; other Pods on ${code(`<pod-ip>:${own[0].containerPort}`)}.`
      : `Container ${code(containerName(c))} declares no port yet.`,
  ];
  const rest = allPorts(pod).filter((e) => e.container !== c);
  if (rest.length) lines.push(`Already open in this Pod (one port space for all containers): ${capped(rest.map(portLabel), ', ')}.`);
  return lines.join('\n\n');
}

function podNetworkText(pod: PodModel): string {
  const lines = [
    "**One network for the Pod:** every container shares the Pod's IP address and port space. Siblings reach each other on `localhost:<port>`; other Pods reach `<pod-ip>:<port>`.",
  ];
  const ports = allPorts(pod);
  const list = bullets(ports.map(portLabel));
  if (list) lines.push(`Ports open in this Pod:\n${list}`);
  return lines.join('\n\n');
}

function probePortText(ctx: HoverContext, c: ContainerModel): string | undefined {
  const value = ctx.value;
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) {
    const number = Number(value);
    const declared = c.ports.find((p) => p.containerPort === number);
    return declared
      ? `The kubelet probes port ${number} on the Pod's IP: container ${code(containerName(c))}'s port${declared.name ? ` ${code(declared.name)}` : ''} ${number}/${declared.protocol}.`
      : `The kubelet probes port ${number} on the Pod's IP, where this container must listen; ${code(containerName(c))} does not list it in its ports (optional, but it tells people and tools).`;
  }
  const port = c.ports.find((p) => p.name === value);
  if (!port) {
    return `No port of container ${code(containerName(c))} is named ${code(value)}: the kubelet cannot resolve it. Name one of its ports ${code(value)} or write the number.`;
  }
  return `${code(value)} is container ${code(containerName(c))}'s port ${port.containerPort}/${port.protocol}; the kubelet probes it on the Pod's IP.`;
}

interface PortEntry {
  readonly container: ContainerModel;
  readonly port: PortModel;
}

/** Every declared port of the containers that share the network while the app runs (ephemeral ones have none). */
function allPorts(pod: PodModel): PortEntry[] {
  const out: PortEntry[] = [];
  for (const container of pod.containers) {
    if (container.list === 'ephemeralContainers') continue;
    for (const port of container.ports) if (port.containerPort !== undefined) out.push({ container, port });
  }
  return out;
}

function portLabel(e: PortEntry): string {
  return `${code(`${e.port.containerPort}/${e.port.protocol}`)} ${code(containerName(e.container))}${e.port.name ? ` (${e.port.name})` : ''}`;
}

function siblingsOf(pod: PodModel, c: ContainerModel): ContainerModel[] {
  return pod.containers.filter((o) => o !== c && runsBesideApps(o));
}
