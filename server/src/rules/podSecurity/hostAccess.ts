import { hostAccessControls } from '../../pod/podSecurity/hostAccess';
import { controlRule, podSecurityCheck } from './support';

/** Pod Security Standard controls on reaching the node: host namespaces, host ports, HostProcess, probes aimed elsewhere. */
export const hostNamespacesRule = controlRule(
  'pss-host-namespaces',
  'With podsmith.podSecurityStandard set: hostNetwork, hostPID and hostIPC share the node\'s namespaces, which baseline forbids.',
  'spec:\n  hostNetwork: true',
  'Remove the field or set it to false.',
);
export const hostPortsRule = controlRule(
  'pss-host-ports',
  'With podsmith.podSecurityStandard set: a hostPort opens a port on the node\'s address, which baseline forbids.',
  'ports:\n  - containerPort: 80\n    hostPort: 80',
  'Remove hostPort and expose the port through a Service.',
);
export const hostProcessRule = controlRule(
  'pss-host-process',
  'With podsmith.podSecurityStandard set: a Windows HostProcess container runs on the node itself, which baseline forbids.',
  'securityContext:\n  windowsOptions:\n    hostProcess: true',
  'Remove windowsOptions.hostProcess.',
);
export const hostProbesRule = controlRule(
  'pss-host-probes',
  'With podsmith.podSecurityStandard set (Kubernetes 1.34+): a probe or lifecycle hook with a host makes the kubelet connect elsewhere, which baseline forbids.',
  'livenessProbe:\n  httpGet:\n    host: 10.0.0.1\n    port: 80',
  'Remove host: the kubelet then targets the Pod\'s IP.',
);

export const podSecurityHostAccessCheck = podSecurityCheck('pod-security-host-access', hostAccessControls, [hostNamespacesRule, hostPortsRule, hostProcessRule, hostProbesRule]);
