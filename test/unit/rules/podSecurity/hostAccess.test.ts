import { lines } from '../support';
import { pod, pssTable } from './support';

/** Baseline controls on reaching the node: host namespaces, host ports, HostProcess, host probes and hooks. */
describe('rules: Pod Security Standard, host access', () => {
  pssTable('pss-host-namespaces', [
    {
      title: 'hostNetwork, hostPID and hostIPC at baseline, each on its value',
      level: 'baseline',
      manifest: pod('  hostNetwork: «true»', '  hostPID: «true»', '  hostIPC: «true»', '  containers: [{name: web, image: app:1}]'),
      says: /^Pod Security Standard baseline, control "Host Namespaces": `host(Network|PID|IPC): true` puts the whole Pod into the node's .* A namespace that enforces this level rejects the Pod\. Remove host/,
    },
    {
      title: 'at restricted it is named as baseline, so also restricted',
      manifest: pod('  hostNetwork: «true»', '  containers: [{name: web, image: app:1}]'),
      says: /^Pod Security Standard baseline \(so also restricted\), control "Host Namespaces"/,
    },
    { title: 'silent: false is allowed', level: 'baseline', manifest: pod('  hostNetwork: false', '  hostPID: false', '  containers: [{name: web, image: app:1}]') },
    { title: 'silent with the setting off (the default)', level: 'off', manifest: pod('  hostNetwork: true', '  containers: [{name: web, image: app:1}]') },
    {
      title: 'a Deployment\'s template',
      level: 'baseline',
      manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      hostPID: «true»', '      containers: [{name: web, image: app:1}]'),
      says: /hostPID: true.* A namespace that enforces this level rejects the Pods this Deployment creates\./,
    },
  ]);

  pssTable('pss-host-ports', [
    {
      title: 'a non-zero hostPort in an app container, an init container and a native sidecar',
      level: 'baseline',
      manifest: pod(
        '  initContainers:',
        '    - name: seed',
        '      image: app:1',
        '      ports: [{containerPort: 9000, hostPort: «9000»}]',
        '    - name: proxy',
        '      image: envoy:1',
        '      restartPolicy: Always',
        '      ports: [{containerPort: 15001, hostPort: «15001»}]',
        '  containers:',
        '    - name: web',
        '      image: app:1',
        '      ports:',
        '        - containerPort: 80',
        '          hostPort: «8080»',
      ),
      says: /control "Host Ports": (Init container `seed`|Native sidecar `proxy`|Container `web`) opens hostPort \d+, a port on the node's own address\./,
    },
    { title: 'silent: hostPort 0 or none', level: 'baseline', manifest: pod('  containers:', '    - name: web', '      image: app:1', '      ports: [{containerPort: 80, hostPort: 0}, {containerPort: 81}]') },
  ]);

  pssTable('pss-host-process', [
    {
      title: 'HostProcess on the Pod and on a container',
      level: 'baseline',
      manifest: pod(
        '  os: {name: windows}',
        '  securityContext:',
        '    windowsOptions: {hostProcess: «true», runAsUserName: "NT AUTHORITY\\\\SYSTEM"}',
        '  containers:',
        '    - name: agent',
        '      image: agent:1',
        '      securityContext:',
        '        windowsOptions:',
        '          hostProcess: «true»',
      ),
      says: /control "HostProcess": (The Pod|Container `agent`) asks for a Windows HostProcess container/,
    },
    { title: 'silent: hostProcess false', level: 'baseline', manifest: pod('  containers:', '    - name: agent', '      image: agent:1', '      securityContext: {windowsOptions: {hostProcess: false}}') },
  ]);

  const probeHost = pod(
    '  containers:',
    '    - name: web',
    '      image: app:1',
    '      livenessProbe:',
    '        httpGet: {host: «10.0.0.1», port: 80}',
    '      readinessProbe:',
    '        tcpSocket: {host: «db.internal», port: 5432}',
    '      lifecycle:',
    '        preStop:',
    '          httpGet: {host: «example.com», path: /drain, port: 80}',
  );
  pssTable('pss-host-probes', [
    { title: 'a host on probes and hooks, from Kubernetes 1.34', level: 'baseline', manifest: probeHost, says: /control "Host Probes \/ Lifecycle Hooks": Container `web`'s (livenessProbe\.httpGet|readinessProbe\.tcpSocket|lifecycle\.preStop\.httpGet) sets host/ },
    { title: 'silent when targeting 1.33, whose policy has no such control', level: 'baseline', version: '1.33', manifest: probeHost.replace(/[«»]/g, '') },
    { title: 'silent: an empty host', level: 'baseline', manifest: pod('  containers:', '    - name: web', '      image: app:1', '      livenessProbe: {httpGet: {host: "", port: 80}}') },
  ]);
});
