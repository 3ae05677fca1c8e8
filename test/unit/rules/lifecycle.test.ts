import { lines, ruleTable } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);
const app = ['  containers:', '    - name: web', '      image: nginx:1.27'];

describe('rules: lifecycle', () => {
  ruleTable('init-container-field', 1, [
    { title: 'a readiness probe on an init container', manifest: pod('  initContainers:', '    - name: migrate', '      image: app:1.0', '      «readinessProbe»:', '        exec:', '          command: ["true"]', ...app), says: /readinessProbe is not allowed on init container `migrate`.*restartPolicy: Always/ },
    { title: 'lifecycle hooks on an init container', manifest: pod('  initContainers:', '    - name: migrate', '      image: app:1.0', '      «lifecycle»:', '        preStop:', '          exec: {command: ["true"]}', ...app) },
    { title: 'silent: a native sidecar may have probes', manifest: pod('  initContainers:', '    - name: proxy', '      image: envoy:1.0', '      restartPolicy: Always', '      readinessProbe:', '        tcpSocket: {port: 9901}', ...app) },
  ]);

  ruleTable('init-container-restart-policy', 1, [
    { title: 'OnFailure on an init container, rejected before 1.35', manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '      restartPolicy: «OnFailure»', ...app), settings: { kubernetesVersion: '1.34' }, says: /restartPolicy `OnFailure` on an init container needs the ContainerRestartRules feature, alpha and off by default before Kubernetes 1.35 \(you target 1.34\): the API server accepts only Always there/ },
    { title: 'Never on an init container, rejected in 1.28', manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '      restartPolicy: «Never»', ...app), settings: { kubernetesVersion: '1.28' }, says: /you target 1\.28/ },
    { title: 'Never: a warning about the beta gate from 1.35', manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '      restartPolicy: «Never»', ...app), settings: { kubernetesVersion: '1.35' }, severity: 2, says: /relies on the ContainerRestartRules feature gate \(alpha in 1\.34, beta from 1\.35\).*a failed step is not retried and the Pod fails/ },
    { title: 'OnFailure: a warning at the default version (1.36)', manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '      restartPolicy: «OnFailure»', ...app), severity: 2, says: /a failed step is retried in place/ },
    { title: 'silent: Always', manifest: pod('  initContainers:', '    - name: setup', '      image: busybox:1.36', '      restartPolicy: Always', ...app), settings: { kubernetesVersion: '1.34' } },
    { title: 'silent: no restartPolicy on the init container', manifest: pod('  restartPolicy: Never', '  initContainers:', '    - name: setup', '      image: busybox:1.36', ...app), settings: { kubernetesVersion: '1.34' } },
  ]);

  ruleTable('container-restart-policy', 1, [
    { title: 'rejected before 1.35', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      «restartPolicy»: Never'), settings: { kubernetesVersion: '1.34' }, says: /ContainerRestartRules feature, which is alpha and off by default before Kubernetes 1.35 \(you target 1.34\)/ },
    { title: 'a warning about the gate from 1.35', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      «restartPolicy»: Never'), settings: { kubernetesVersion: '1.35' }, severity: 2, says: /feature gate/ },
    { title: 'silent: the Pod-level restartPolicy', manifest: pod('  restartPolicy: Never', ...app) },
  ]);

  ruleTable('sidecar-restart-rules', 1, [
    { title: 'restartPolicyRules on a native sidecar, 1.35', settings: { kubernetesVersion: '1.35' }, manifest: pod('  initContainers:', '    - name: watcher', '      image: busybox:1.36', '      restartPolicy: Always', '      «restartPolicyRules»:', '        - action: RestartAllContainers', '          exitCodes: {operator: In, values: [88]}', ...app), says: /RestartAllContainersOnContainerExits/ },
    { title: 'a warning about the beta gate from 1.36', settings: { kubernetesVersion: '1.36' }, severity: 2, says: /beta from 1.36/, manifest: pod('  initContainers:', '    - name: watcher', '      image: busybox:1.36', '      restartPolicy: Always', '      «restartPolicyRules»:', '        - action: RestartAllContainers', '          exitCodes: {operator: In, values: [88]}', ...app) },
    { title: 'silent: a sidecar without rules', manifest: pod('  initContainers:', '    - name: watcher', '      image: busybox:1.36', '      restartPolicy: Always', ...app) },
  ]);

  ruleTable('native-sidecar-version', 2, [
    { title: 'a native sidecar for 1.28', manifest: pod('  initContainers:', '    - name: proxy', '      image: envoy:1.0', '      restartPolicy: «Always»', ...app), settings: { kubernetesVersion: '1.28' }, says: /on by default only from Kubernetes 1.29; you target 1.28/ },
    { title: 'silent: for 1.29', manifest: pod('  initContainers:', '    - name: proxy', '      image: envoy:1.0', '      restartPolicy: Always', ...app), settings: { kubernetesVersion: '1.29' } },
  ]);

  ruleTable('ephemeral-containers-in-manifest', 1, [
    { title: 'ephemeral containers in a Pod', manifest: pod(...app, '  «ephemeralContainers»:', '    - name: debug', '      image: busybox:1.36'), says: /cannot be set in a manifest.*kubectl debug/ },
    { title: 'silent: an empty list', manifest: pod(...app, '  ephemeralContainers: []') },
  ]);
});
