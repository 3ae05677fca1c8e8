import { isScalar } from 'yaml';
import { scalarString, valueOf } from '../../document/yamlTree';
import { definedContainers, mountsOf, podModelOf, type PodModel } from '../../pod/podModel';
import type { Check, CheckContext, RuleDescriptor } from '../../core/rule';
import { containerLabel, sentence, spanOf } from '../support';

/**
 * Host access practices, reported whatever podsmith.podSecurityStandard says: the node's namespaces, the container
 * runtime's socket, sensitive or writable host directories, and ports that say "remote shell" or "needs root".
 * Where the Pod Security rules are on they report the namespaces themselves, so host-namespaces steps aside.
 */

export const hostNamespacesRule: RuleDescriptor = {
  id: 'host-namespaces',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'hostNetwork, hostPID and hostIPC put the Pod in the node\'s own namespaces: it sees every process or connection of the node and can reach services bound to the node\'s localhost.',
  example: 'spec:\n  hostNetwork: true',
  fix: 'Remove the field (the default is false); only node agents (CNI plugins, monitoring agents) need it.',
};

export const runtimeSocketRule: RuleDescriptor = {
  id: 'runtime-socket-mount',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A container that mounts the Docker, containerd or CRI-O socket can start privileged containers on the node: it owns the node.',
  example: 'volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock',
  fix: 'Remove the volume and its mounts; build images with a rootless builder (BuildKit, kaniko) instead of the node\'s daemon.',
};

export const sensitiveHostPathRule: RuleDescriptor = {
  id: 'sensitive-host-path',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A hostPath of the node\'s system directories (/, /etc, /proc, /sys, /dev, /boot, /lib, /usr, /root, /var/lib/kubelet) exposes its credentials and configuration, and written to, changes the node itself.',
  example: 'volumes:\n  - name: etc\n    hostPath:\n      path: /etc',
  fix: 'Mount only the file the container needs, read-only, or deliver it as a configMap or secret. (Mounted read-only only, the finding is information.)',
};

export const writableHostPathRule: RuleDescriptor = {
  id: 'writable-host-path',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'A container that may write into a hostPath changes files of the node, which outlive the Pod and are seen by every other Pod that mounts them.',
  example: 'volumeMounts:\n  - name: logs\n    mountPath: /var/log/app\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log',
  fix: 'Add readOnly: true to the mount, or use an emptyDir or a persistentVolumeClaim for data the container writes.',
};

export const sshPortRule: RuleDescriptor = {
  id: 'ssh-port',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'Port 22 is SSH: a remote shell into a container is a way around the image, the audit trail and the API server\'s access control.',
  example: 'ports:\n  - containerPort: 22',
  fix: 'Remove the port and the SSH server; use kubectl exec or kubectl debug, which the API server authorises and records.',
};

export const privilegedPortRule: RuleDescriptor = {
  id: 'privileged-port',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'Binding a port below 1024 needs root or the NET_BIND_SERVICE capability, so a container that listens there cannot drop either.',
  example: 'ports:\n  - containerPort: 80',
  fix: 'Listen on a port of 1024 or above (8080) and let the Service map port 80 to it.',
};

/** The container runtimes' sockets: owning one is owning the node. */
const RUNTIME_SOCKET = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$/;
/** Directories of the node whose contents are its identity and configuration. */
const SENSITIVE_DIRECTORIES = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/root', '/var/lib/kubelet']);

/** The node's namespaces, runtime sockets, system directories and writable host directories, SSH and low ports. */
export const hostAccessPracticesCheck: Check = {
  name: 'host-access-practices',
  rules: [hostNamespacesRule, runtimeSocketRule, sensitiveHostPathRule, writableHostPathRule, sshPortRule, privilegedPortRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    if (ctx.settings.podSecurityStandard === 'off') checkNamespaces(ctx, pod);
    checkHostPaths(ctx, pod);
    for (const c of definedContainers(pod)) {
      for (const port of c.ports) {
        const node = valueOf(port.node, 'containerPort');
        const span = spanOf(node);
        if (port.containerPort === undefined || !span) continue;
        if (port.containerPort === 22 && port.protocol === 'TCP') {
          ctx.report(sshPortRule, {
            message: sentence(`${containerLabel(c)} listens on port 22, the SSH port. A remote shell into a container goes around the image, the audit trail and the API server's access control. Remove the SSH server and use kubectl exec or kubectl debug.`),
            ...span,
          });
        } else if (port.containerPort >= 1 && port.containerPort < 1024) {
          ctx.report(privilegedPortRule, {
            message: sentence(`${containerLabel(c)} listens on port ${port.containerPort}, below 1024: binding it needs root or NET_BIND_SERVICE. Listen on 1024 or above and let the Service map port ${port.containerPort} to it.`),
            ...span,
          });
        }
      }
    }
  },
};

function checkNamespaces(ctx: CheckContext, pod: PodModel): void {
  const what: Record<string, string> = {
    hostNetwork: "the node's network: it can reach every service bound to the node's localhost and see its traffic, and its ports are the node's ports",
    hostPID: "the node's processes: it can see (and, as root, signal or trace) every process of the node, other Pods' too",
    hostIPC: "the node's shared memory and IPC: it can read or disturb what other processes of the node share there",
  };
  for (const field of Object.keys(what)) {
    const node = valueOf(pod.podSpec, field);
    const span = spanOf(node);
    if (!isScalar(node) || node.value !== true || !span) continue;
    ctx.report(hostNamespacesRule, {
      message: `${field}: true puts the Pod in ${what[field]}. Only node agents (a CNI plugin, a monitoring agent) need it; remove it otherwise.`,
      ...span,
    });
  }
}

function checkHostPaths(ctx: CheckContext, pod: PodModel): void {
  for (const volume of pod.volumes) {
    const pathNode = valueOf(valueOf(volume.node, 'hostPath'), 'path');
    const path = scalarString(pathNode);
    const span = spanOf(pathNode);
    if (path === undefined || !span) continue;
    const mounts = volume.name ? mountsOf(pod, volume.name) : [];
    const writable = mounts.filter((m) => !m.mount.readOnly && m.container.list !== 'ephemeralContainers');
    const normalized = withoutTrailingSlashes(path);
    if (RUNTIME_SOCKET.test(normalized)) {
      ctx.report(runtimeSocketRule, {
        message: `The hostPath ${normalized} is the container runtime's socket: whoever can talk to it can start a privileged container on the node, so the Pod owns the node. Remove the volume and its mounts; build images with a rootless builder instead.`,
        ...span,
      });
    } else if (SENSITIVE_DIRECTORIES.has(normalized)) {
      ctx.report(sensitiveHostPathRule, {
        message: writable.length
          ? `The hostPath ${normalized} is a system directory of the node, and ${writable.map((m) => containerLabel(m.container)).join(', ')} may write to it: a change there alters the node itself. Mount only the file needed, read-only, or use a configMap or secret.`
          : `The hostPath ${normalized} is a system directory of the node: it exposes the node's configuration and credentials. Mount only what the container needs, read-only.`,
        ...span,
        severity: writable.length ? undefined : 'information',
      });
    }
    for (const { container, mount } of writable) {
      const mountSpan = spanOf(valueOf(mount.node, 'mountPath')) ?? spanOf(valueOf(mount.node, 'name'));
      if (!mountSpan) continue;
      ctx.report(writableHostPathRule, {
        message: sentence(`${containerLabel(container)} mounts the hostPath ${normalized} writable: files it writes land on the node, outlive the Pod and are seen by every Pod that mounts them. Add readOnly: true, or use an emptyDir or a persistentVolumeClaim for data it writes.`),
        ...mountSpan,
        related: [{ ...span, message: `the hostPath ${normalized}` }],
      });
    }
  }
}

/** `/proc/` is `/proc`; `/` stays `/`. A loop, not a regular expression: a run of slashes costs one pass. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
