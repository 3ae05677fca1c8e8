import { isScalar } from 'yaml';
import { isTrue, spanOf, valueOf } from '../../document/yamlTree';
import { LIFECYCLE_HOOKS, PROBE_FIELDS } from '../probes';
import { policyAtLeast, who, type ControlGroup, type Violation } from './standard';

/**
 * Baseline controls on reaching the node itself: the node's namespaces (network, process IDs, IPC), its ports,
 * Windows HostProcess containers, and probes or hooks aimed at another host. Each opens a path out of the Pod's
 * isolation onto the node.
 */
export const hostAccessControls: ControlGroup = (input) => {
  const out: Violation[] = [];
  const { pod, security } = input;

  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    const node = valueOf(pod.podSpec, field);
    const span = isTrue(node) ? spanOf(node) : undefined;
    if (!span) continue;
    out.push({
      ruleId: 'pss-host-namespaces',
      control: 'Host Namespaces',
      level: 'baseline',
      ...span,
      problem: `\`${field}: true\` puts the whole Pod into the node's ${NAMESPACE_WORDS[field]}, outside the isolation every Pod gets.`,
      fix: `Remove ${field} (or set it to false); reach the node through a Service or a hostPort-free design instead.`,
    });
  }

  for (const c of pod.containers) {
    for (const port of c.ports) {
      const node = valueOf(port.node, 'hostPort');
      if (!port.hostPort) continue;
      const span = spanOf(node);
      if (!span) continue;
      out.push({
        ruleId: 'pss-host-ports',
        control: 'Host Ports',
        level: 'baseline',
        ...span,
        problem: `${who(c)} opens hostPort ${port.hostPort}, a port on the node's own address.`,
        fix: 'Remove hostPort (or set it to 0) and expose the containerPort through a Service.',
      });
    }
  }

  // HostProcess: Pod level and every container.
  const podHostProcess = valueOf(security.own.get('windowsOptions')?.node, 'hostProcess');
  if (isTrue(podHostProcess)) {
    out.push(hostProcess(spanOf(podHostProcess)!, 'the Pod'));
  }
  for (const c of security.containers) {
    const node = valueOf(c.own.get('windowsOptions')?.node, 'hostProcess');
    if (isTrue(node)) out.push(hostProcess(spanOf(node)!, who(c.container)));
  }

  // Probes and lifecycle hooks aimed at another host (policy 1.34+).
  if (policyAtLeast(input.version, '1.34')) {
    for (const c of pod.containers) {
      for (const [handlerPath, handler] of handlersOf(c.node)) {
        for (const action of ['httpGet', 'tcpSocket'] as const) {
          const host = valueOf(valueOf(handler, action), 'host');
          if (!isScalar(host) || host.value === null || host.value === '' || !host.range) continue;
          out.push({
            ruleId: 'pss-host-probes',
            control: 'Host Probes / Lifecycle Hooks',
            level: 'baseline',
            ...spanOf(host)!,
            problem: `${who(c)}'s ${handlerPath}.${action} sets host \`${String(host.value)}\`: the kubelet would connect from the node to another address on the Pod's behalf.`,
            fix: "Remove host: the kubelet then targets the Pod's own IP.",
          });
        }
      }
    }
  }
  return out;
};

const NAMESPACE_WORDS = {
  hostNetwork: 'network namespace (its interfaces and every port on them)',
  hostPID: 'process namespace (it sees and can signal every process on the node)',
  hostIPC: 'IPC namespace (shared memory of every process on the node)',
} as const;

function hostProcess(span: { start: number; end: number }, owner: string): Violation {
  return {
    ruleId: 'pss-host-process',
    control: 'HostProcess',
    level: 'baseline',
    ...span,
    problem: `${owner} asks for a Windows HostProcess container, which runs directly on the node with its privileges.`,
    fix: 'Remove windowsOptions.hostProcess (or set it to false).',
  };
}

/** The probes and lifecycle handlers of a container, with their path for messages. */
function* handlersOf(container: unknown): Generator<[string, unknown]> {
  for (const probe of PROBE_FIELDS) {
    const node = valueOf(container, probe);
    if (node) yield [probe, node];
  }
  const lifecycle = valueOf(container, 'lifecycle');
  for (const hook of LIFECYCLE_HOOKS) {
    const node = valueOf(lifecycle, hook);
    if (node) yield [`lifecycle.${hook}`, node];
  }
}
