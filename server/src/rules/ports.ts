import { isScalar } from 'yaml';
import { valueOf } from '../document/yamlTree';
import { podModelOf, type ContainerModel, type PortModel } from '../pod/podModel';
import { earlierPartner } from '../pod/portClashes';
import { runsBesideApps } from '../pod/runTogether';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, sentence, spanOf, twoLabels, type Span } from './support';

export const portRangeRule: RuleDescriptor = {
  id: 'port-range',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'containerPort and hostPort are TCP/UDP/SCTP port numbers, 1..65535; the API server rejects others.',
  example: 'ports:\n  - containerPort: 80800',
  fix: 'Use the number the process listens on, between 1 and 65535.',
};

export const hostPortConflictRule: RuleDescriptor = {
  id: 'host-port-conflict',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A host port (with its protocol and host IP) can be bound once per node, so two containers of a Pod cannot both claim it; the API server rejects it.',
  example: 'containers:\n  - name: a\n    ports: [{containerPort: 80, hostPort: 8080}]\n  - name: b\n    ports: [{containerPort: 81, hostPort: 8080}]',
  fix: 'Give each container its own hostPort, or drop hostPort and reach the Pod through a Service.',
};

export const hostNetworkPortRule: RuleDescriptor = {
  id: 'host-network-port',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'With hostNetwork the containers bind the node\'s ports directly, so a hostPort must equal its containerPort; the API server rejects others.',
  example: 'hostNetwork: true\ncontainers:\n  - name: agent\n    ports: [{containerPort: 9100, hostPort: 9101}]',
  fix: 'Remove hostPort (it defaults to containerPort) or make both equal.',
};

export const duplicatePortNameRule: RuleDescriptor = {
  id: 'duplicate-port-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Services and probes find a container\'s port by name, so port names must be unique within a container; the API server rejects a repeat.',
  example: 'ports:\n  - name: http\n    containerPort: 80\n  - name: http\n    containerPort: 8080',
  fix: 'Give each port its own name, e.g. `http` and `http-alt`.',
};

export const sharedContainerPortRule: RuleDescriptor = {
  id: 'shared-container-port',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'All containers of a Pod share one network namespace (one IP, one localhost), so two containers cannot both listen on the same port and protocol: the second bind fails.',
  example: 'containers:\n  - name: web\n    ports: [{containerPort: 8080}]\n  - name: metrics\n    ports: [{containerPort: 8080}]',
  fix: 'Make the containers listen on different ports.',
};

/** Ports: numbers in range, unique names, and the Pod's single network namespace (host ports, shared ports). */
export const portsCheck: Check = {
  name: 'ports',
  rules: [portRangeRule, hostPortConflictRule, hostNetworkPortRule, duplicatePortNameRule, sharedContainerPortRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const hostPorts = new Map<string, { container: ContainerModel; span: Span }>();
    for (const c of pod.containers) {
      if (c.list === 'ephemeralContainers') continue;
      const names = new Map<string, Span>();
      for (const port of c.ports) {
        const containerPortSpan = spanOf(valueOf(port.node, 'containerPort'));
        const hostPortSpan = spanOf(valueOf(port.node, 'hostPort'));
        checkRange(ctx, c, port, containerPortSpan, hostPortSpan);
        const nameSpan = spanOf(valueOf(port.node, 'name'));
        if (port.name !== undefined && nameSpan) {
          const first = names.get(port.name);
          if (first) {
            ctx.report(duplicatePortNameRule, {
              message: sentence(`${containerLabel(c)} already has a port named \`${port.name}\`. Services and probes find a container's port by name, so names must be unique within the container; the API server rejects it.`),
              ...nameSpan,
              related: [{ ...first, message: `\`${port.name}\` is first used here` }],
            });
          } else {
            names.set(port.name, nameSpan);
          }
        }
        if (pod.hostNetwork && port.hostPort !== undefined && port.containerPort !== undefined && port.hostPort !== port.containerPort && hostPortSpan) {
          ctx.report(hostNetworkPortRule, {
            message: `With hostNetwork: true the container binds the node's port ${port.containerPort} directly, so hostPort must equal containerPort (${port.containerPort}), not ${port.hostPort}; the API server rejects it. Remove hostPort or make both equal.`,
            ...hostPortSpan,
            related: containerPortSpan ? [{ ...containerPortSpan, message: 'the containerPort' }] : undefined,
          });
        }
        // Host ports are checked among app containers, as the API server does.
        if (c.list === 'containers' && port.hostPort !== undefined && port.hostPort > 0 && hostPortSpan) {
          const key = `${port.protocol}/${port.hostIP ?? ''}/${port.hostPort}`;
          const first = hostPorts.get(key);
          if (first) {
            ctx.report(hostPortConflictRule, {
              message: `hostPort ${port.hostPort}/${port.protocol}${port.hostIP ? ` on ${port.hostIP}` : ''} is already claimed by ${first.container === c ? 'another port of this container' : twoLabels(c, first.container)[1]}. A host port can be bound once per node, so the API server rejects the Pod. Use another hostPort, or reach the Pod through a Service instead.`,
              ...hostPortSpan,
              related: [{ ...first.span, message: `hostPort ${port.hostPort} is first claimed here` }],
            });
          } else {
            hostPorts.set(key, { container: c, span: hostPortSpan });
          }
        }
        // Containers that run at the same time cannot bind one port; pod/portClashes.ts says which ones do. The later
        // of the two carries the finding.
        const earlier = containerPortSpan ? earlierPartner(pod, { container: c, port }) : undefined;
        const earlierSpan = earlier && spanOf(valueOf(earlier.port.node, 'containerPort'));
        if (earlier && containerPortSpan && earlierSpan) {
          const [self, other] = twoLabels(c, earlier.container);
          const during = runsBesideApps(c)
            ? ''
            : ` ${sentence(other)} keeps running while the later init steps run, so it is still listening when ${containerLabel(c)} starts.`;
          ctx.report(sharedContainerPortRule, {
            message: sentence(`${self} and ${other} both declare containerPort ${port.containerPort}/${port.protocol}.${during} All containers of a Pod share one network namespace (one IP, one localhost), so only one process can listen on that port: the second one's bind fails. Give them different ports.`),
            ...containerPortSpan,
            related: [{ ...earlierSpan, message: `${other} declares ${port.containerPort}/${port.protocol} here` }],
          });
        }
      }
    }
  },
};

function checkRange(ctx: CheckContext, c: ContainerModel, port: PortModel, containerPortSpan?: Span, hostPortSpan?: Span): void {
  const containerPortNode = valueOf(port.node, 'containerPort');
  const value = isScalar(containerPortNode) ? containerPortNode.value : undefined;
  if (typeof value === 'number' && containerPortSpan && (!Number.isInteger(value) || value < 1 || value > 65535)) {
    ctx.report(portRangeRule, {
      message: `containerPort ${value} of ${containerLabel(c)} is out of range: a port number is 1..65535. The API server rejects it; use the port the process listens on.`,
      ...containerPortSpan,
    });
  }
  const hostNode = valueOf(port.node, 'hostPort');
  const host = isScalar(hostNode) ? hostNode.value : undefined;
  // hostPort 0 means "none"; anything else must be a port number.
  if (typeof host === 'number' && hostPortSpan && host !== 0 && (!Number.isInteger(host) || host < 1 || host > 65535)) {
    ctx.report(portRangeRule, {
      message: `hostPort ${host} of ${containerLabel(c)} is out of range: a port number is 1..65535 (or leave hostPort out). The API server rejects it.`,
      ...hostPortSpan,
    });
  }
}
