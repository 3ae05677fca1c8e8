import { ruleTable } from '../support';
import { deploymentWith } from './support';

const withVolume = (path: string, mount: string[]) =>
  deploymentWith(['volumeMounts:', ...mount.map((l) => `  ${l}`)], [], ['volumes:', '  - name: host', '    hostPath:', `      path: ${path}`]);

describe('rules: host access practices', () => {
  ruleTable('host-namespaces', 2, [
    { title: 'hostNetwork', manifest: deploymentWith([], [], ['hostNetwork: «true»']), says: /hostNetwork: true puts the Pod in the node's network/ },
    { title: 'hostPID and hostIPC', manifest: deploymentWith([], [], ['hostPID: «true»', 'hostIPC: «true»']) },
    { title: 'silent: false', manifest: deploymentWith([], [], ['hostNetwork: false']) },
    { title: 'silent with the Pod Security setting on (pss-host-namespaces reports it)', manifest: deploymentWith([], [], ['hostNetwork: true']), settings: { podSecurityStandard: 'baseline' } },
    { title: 'silent under the api profile', manifest: deploymentWith([], [], ['hostNetwork: true']), settings: { profile: 'api' } },
  ]);
  ruleTable('runtime-socket-mount', 2, [
    { title: 'the Docker socket', manifest: withVolume('«/var/run/docker.sock»', ['- {name: host, mountPath: /var/run/docker.sock}']), says: /container runtime's socket/ },
    { title: "containerd's socket", manifest: withVolume('«/run/containerd/containerd.sock»', ['- {name: host, mountPath: /run/containerd/containerd.sock, readOnly: true}']) },
    { title: 'silent: another hostPath', manifest: withVolume('/var/log', ['- {name: host, mountPath: /logs, readOnly: true}']) },
  ]);
  ruleTable('sensitive-host-path', 2, [
    { title: '/etc mounted writable', manifest: withVolume('«/etc»', ['- {name: host, mountPath: /host/etc}']), says: /container `web` may write to it/ },
    { title: '/proc mounted read-only: information', manifest: withVolume('«/proc/»', ['- {name: host, mountPath: /host/proc, readOnly: true}']), severity: 3, says: /The hostPath \/proc is a system directory/ },
    { title: 'silent: an application directory', manifest: withVolume('/var/lib/app', ['- {name: host, mountPath: /data}']) },
  ]);
  ruleTable('writable-host-path', 2, [
    { title: 'a mount without readOnly', manifest: withVolume('/var/log', ['- {name: host, mountPath: «/logs»}']), says: /mounts the hostPath \/var\/log writable/ },
    { title: 'silent: readOnly: true', manifest: withVolume('/var/log', ['- {name: host, mountPath: /logs, readOnly: true}']) },
    { title: 'silent: an emptyDir', manifest: deploymentWith(['volumeMounts: [{name: tmp, mountPath: /tmp}]'], [], ['volumes: [{name: tmp, emptyDir: {}}]']) },
  ]);
  ruleTable('ssh-port', 2, [
    { title: 'containerPort 22', manifest: deploymentWith(['ports:', '  - containerPort: «22»']), says: /listens on port 22, the SSH port/ },
    { title: 'silent: UDP 22 is not SSH', manifest: deploymentWith(['ports:', '  - {containerPort: 22, protocol: UDP}']) },
    { title: 'silent: 8080', manifest: deploymentWith(['ports:', '  - containerPort: 8080']) },
  ]);
  ruleTable('privileged-port', 3, [
    { title: 'port 80', manifest: deploymentWith(['ports:', '  - containerPort: «80»']), says: /below 1024: binding it needs root or NET_BIND_SERVICE/ },
    { title: 'silent: 8080', manifest: deploymentWith(['ports:', '  - containerPort: 8080']) },
  ]);
});
