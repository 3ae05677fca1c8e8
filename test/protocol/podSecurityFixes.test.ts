import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor } from './support/applyEdits';
import { LspServer } from './support/lspServer';

/**
 * Quick fixes of the Pod Security Standard findings through the bundled server, with the restricted level on:
 * ask the actions of one published pss-* diagnostic, apply the named action's edit, send the new text, and check
 * the exact text, that the finding is gone and that no finding appeared that was not there before.
 */
const SETTINGS = { podSecurityStandard: 'restricted', rules: { 'missing-resources': 'off' } };

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;

interface Case {
  readonly name: string;
  readonly text: string;
  /** The diagnostic to fix: its code and its start `line:col`. */
  readonly code: string;
  readonly at: string;
  /** The exact title of the action to apply, and whether it is the preferred one. */
  readonly title: string;
  readonly preferred: boolean;
  readonly expected: string;
}

/** The head of a Pod that meets restricted at the Pod level (runAsNonRoot and seccomp for every container). */
const POD_HEAD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault'];

/** A container's own securityContext that meets restricted (with POD_HEAD). */
const SAFE_CONTAINER = '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}';

const CASES: Case[] = [
  // ---- pss-privilege-escalation
  {
    name: 'allowPrivilegeEscalation: true becomes false',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: true', '        capabilities:', '          drop: [ALL]'),
    code: 'pss-privilege-escalation',
    at: '13:34',
    title: 'Set `allowPrivilegeEscalation: false`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]'),
  },
  {
    name: 'a container without securityContext gets one with allowPrivilegeEscalation: false',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2'),
    code: 'pss-privilege-escalation',
    at: '10:12',
    title: 'Set `allowPrivilegeEscalation: false` in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false'),
  },
  {
    name: 'a flow-style container gets a flow securityContext',
    text: lines(...POD_HEAD, '  containers:', '    - {name: web, image: shop:1.4.2, securityContext: {capabilities: {drop: [ALL]}}}'),
    code: 'pss-privilege-escalation',
    at: '10:37',
    title: 'Set `allowPrivilegeEscalation: false` in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - {name: web, image: shop:1.4.2, securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false}}'),
  },
  // ---- pss-run-as-non-root
  {
    name: "the Pod's runAsNonRoot: false becomes true",
    text: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: false', '    seccompProfile: {type: RuntimeDefault}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    ),
    code: 'pss-run-as-non-root',
    at: '5:18',
    title: 'Set `runAsNonRoot: true`',
    preferred: true,
    expected: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile: {type: RuntimeDefault}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    ),
  },
  {
    name: "runAsNonRoot missing everywhere: set in the container's securityContext",
    text: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}',
    ),
    code: 'pss-run-as-non-root',
    at: '9:6',
    title: 'Set `runAsNonRoot: true` in container `web`',
    preferred: true,
    expected: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        runAsNonRoot: true',
    ),
  },
  {
    name: "runAsNonRoot missing everywhere: set in the Pod's securityContext, which every container inherits",
    text: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}',
    ),
    code: 'pss-run-as-non-root',
    at: '9:6',
    title: "Set `runAsNonRoot: true` in the Pod's securityContext (every container inherits it)",
    preferred: false,
    expected: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '    runAsNonRoot: true', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}',
    ),
  },
  {
    name: "a Pod without securityContext gets one with runAsNonRoot: true (kubectl's compact lists)",
    text: lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:',
      '      containers:', '      - name: web', '        image: shop:1.4.2',
    ),
    code: 'pss-run-as-non-root',
    at: '12:14',
    title: "Set `runAsNonRoot: true` in the Pod's securityContext (every container inherits it)",
    preferred: false,
    expected: lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:',
      '      containers:', '      - name: web', '        image: shop:1.4.2', '      securityContext:', '        runAsNonRoot: true',
    ),
  },
  // ---- pss-seccomp
  {
    name: 'a seccomp profile type Unconfined becomes RuntimeDefault',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        seccompProfile:', '          type: Unconfined'),
    code: 'pss-seccomp',
    at: '16:16',
    title: 'Set the seccomp profile type to `RuntimeDefault`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        seccompProfile:', '          type: RuntimeDefault'),
  },
  {
    name: "no seccomp profile anywhere: a block-style profile in the Pod's securityContext of a Deployment's template",
    text: lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:',
      '      securityContext:', '        runAsNonRoot: true', '      containers:', '      - name: web', '        image: shop:1.4.2', '        securityContext:', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]',
    ),
    code: 'pss-seccomp',
    at: '16:8',
    title: "Set `seccompProfile: {type: RuntimeDefault}` in the Pod's securityContext (every container inherits it)",
    preferred: true,
    expected: lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:',
      '      securityContext:', '        runAsNonRoot: true', '        seccompProfile:', '          type: RuntimeDefault', '      containers:', '      - name: web', '        image: shop:1.4.2', '        securityContext:', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]',
    ),
  },
  {
    name: "no seccomp profile anywhere: the container's flow securityContext gets a flow profile",
    text: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext: {runAsNonRoot: true}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    ),
    code: 'pss-seccomp',
    at: '8:6',
    title: 'Set `seccompProfile: {type: RuntimeDefault}` in container `web`',
    preferred: false,
    expected: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext: {runAsNonRoot: true}', '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}',
    ),
  },
  {
    name: 'a container without securityContext gets one with a block-style seccomp profile',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: web', '      image: shop:1.4.2'),
    code: 'pss-seccomp',
    at: '7:12',
    title: 'Set `seccompProfile: {type: RuntimeDefault}` in container `web`',
    preferred: false,
    expected: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: web', '      image: shop:1.4.2',
      '      securityContext:', '        seccompProfile:', '          type: RuntimeDefault',
    ),
  },
  // ---- pss-capabilities
  {
    name: 'an added capability beyond NET_BIND_SERVICE is removed from the list',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '          add:', '            - NET_ADMIN', '            - NET_BIND_SERVICE'),
    code: 'pss-capabilities',
    at: '17:14',
    title: 'Remove `NET_ADMIN` from `capabilities.add`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '          add:', '            - NET_BIND_SERVICE'),
  },
  {
    name: 'no capabilities: created under the securityContext with drop: [ALL]',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false'),
    code: 'pss-capabilities',
    at: '12:6',
    title: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]'),
  },
  {
    name: 'a drop list without ALL gets ALL appended',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [NET_RAW]'),
    code: 'pss-capabilities',
    at: '15:10',
    title: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [NET_RAW, ALL]'),
  },
  {
    name: 'capabilities with only add gets a drop list beside it',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          add: [NET_BIND_SERVICE]'),
    code: 'pss-capabilities',
    at: '14:8',
    title: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          add: [NET_BIND_SERVICE]', '          drop: [ALL]'),
  },
  // ---- pss-privileged
  {
    name: 'privileged: true becomes false',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        privileged: true', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
    code: 'pss-privileged',
    at: '13:20',
    title: 'Set `privileged: false`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        privileged: false', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
  // ---- pss-host-namespaces
  {
    name: 'hostNetwork: true is removed (the Pod keeps its own network namespace)',
    text: lines(...POD_HEAD, '  hostNetwork: true # for the metrics port', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
    code: 'pss-host-namespaces',
    at: '9:15',
    title: 'Remove `hostNetwork` (the Pod keeps its own namespace)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
  },
  {
    name: 'hostPID: true becomes false',
    text: lines(...POD_HEAD, '  hostPID: true', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
    code: 'pss-host-namespaces',
    at: '9:11',
    title: 'Set `hostPID: false`',
    preferred: false,
    expected: lines(...POD_HEAD, '  hostPID: false', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
  },
  // ---- pss-proc-mount
  {
    name: 'procMount: Unmasked becomes Default',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        procMount: Unmasked'),
    code: 'pss-proc-mount',
    at: '15:19',
    title: 'Set `procMount: Default`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        procMount: Default'),
  },
  // ---- pss-host-ports
  {
    name: 'a hostPort is removed and the containerPort kept',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - containerPort: 8080', '          hostPort: 8080', '          protocol: TCP'),
    code: 'pss-host-ports',
    at: '15:20',
    title: 'Remove `hostPort` (keep the containerPort; expose it through a Service)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - containerPort: 8080', '          protocol: TCP'),
  },
  {
    name: 'a hostPort in a flow port is removed with its comma',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports: [{containerPort: 8080, hostPort: 80}]'),
    code: 'pss-host-ports',
    at: '13:46',
    title: 'Remove `hostPort` (keep the containerPort; expose it through a Service)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports: [{containerPort: 8080}]'),
  },
  // ---- pss-host-process
  {
    name: 'hostProcess: true becomes false',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        windowsOptions: {hostProcess: true}'),
    code: 'pss-host-process',
    at: '15:38',
    title: 'Set `hostProcess: false`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        windowsOptions: {hostProcess: false}'),
  },
  {
    name: 'hostProcess removed with the windowsOptions it leaves empty',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        windowsOptions:', '          hostProcess: true', '        capabilities: {drop: [ALL]}'),
    code: 'pss-host-process',
    at: '15:23',
    title: 'Remove `hostProcess`',
    preferred: false,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
  // ---- pss-apparmor
  {
    name: 'an AppArmor profile type Unconfined becomes RuntimeDefault',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: Unconfined'),
    code: 'pss-apparmor',
    at: '16:16',
    title: 'Set the AppArmor profile type to `RuntimeDefault`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: RuntimeDefault'),
  },
  {
    name: 'an Unconfined AppArmor profile with a stray localhostProfile: RuntimeDefault, and the localhostProfile removed',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: Unconfined', '          localhostProfile: shop-web'),
    code: 'pss-apparmor',
    at: '16:16',
    title: 'Set the AppArmor profile type to `RuntimeDefault`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: RuntimeDefault'),
  },
  {
    name: 'an AppArmor annotation unconfined becomes runtime/default',
    text: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', '  annotations:', '    container.apparmor.security.beta.kubernetes.io/web: unconfined', ...POD_HEAD.slice(4),
      '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER,
    ),
    code: 'pss-apparmor',
    at: '5:56',
    title: 'Set the AppArmor annotation to `runtime/default`',
    preferred: true,
    expected: lines(
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', '  annotations:', '    container.apparmor.security.beta.kubernetes.io/web: runtime/default', ...POD_HEAD.slice(4),
      '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER,
    ),
  },
  // ---- pss-selinux
  {
    name: 'an SELinux type spc_t becomes container_t',
    text: lines(...POD_HEAD, '    seLinuxOptions:', '      type: spc_t', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    code: 'pss-selinux',
    at: '10:12',
    title: 'Set the SELinux type to `container_t`',
    preferred: true,
    expected: lines(...POD_HEAD, '    seLinuxOptions:', '      type: container_t', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    name: 'an SELinux user is removed and the level kept',
    text: lines(...POD_HEAD, '    seLinuxOptions:', '      user: system_u', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    code: 'pss-selinux',
    at: '10:12',
    title: 'Remove the SELinux user `system_u`',
    preferred: true,
    expected: lines(...POD_HEAD, '    seLinuxOptions:', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    name: "a container's SELinux role alone is removed with its seLinuxOptions",
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seLinuxOptions: {role: sysadm_r}}'),
    code: 'pss-selinux',
    at: '12:109',
    title: 'Remove the SELinux role `sysadm_r`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  // ---- pss-sysctls
  {
    name: 'an unsafe sysctl is removed and the safe one kept',
    text: lines(...POD_HEAD, '    sysctls:', '      - name: net.core.somaxconn', '        value: "1024"', '      - name: net.ipv4.tcp_syncookies', '        value: "1"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    code: 'pss-sysctls',
    at: '10:14',
    title: 'Remove the sysctl `net.core.somaxconn`',
    preferred: true,
    expected: lines(...POD_HEAD, '    sysctls:', '      - name: net.ipv4.tcp_syncookies', '        value: "1"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    name: 'the only sysctl is removed with its sysctls key',
    text: lines(...POD_HEAD, '    sysctls:', '      - name: kernel.msgmax', '        value: "65536"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    code: 'pss-sysctls',
    at: '10:14',
    title: 'Remove the sysctl `kernel.msgmax`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  // ---- pss-run-as-user
  {
    name: "a container's runAsUser: 0 is removed",
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        runAsUser: 0', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
    code: 'pss-run-as-user',
    at: '13:19',
    title: "Remove `runAsUser: 0` (the image's user applies)",
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
  {
    name: "the Pod's runAsUser: 0 is removed",
    text: lines(...POD_HEAD.slice(0, 6), '    runAsUser: 0', ...POD_HEAD.slice(6), '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    code: 'pss-run-as-user',
    at: '6:15',
    title: "Remove `runAsUser: 0` (the image's user applies)",
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
];

describe('protocol: Pod Security Standard quick fixes over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start({ settings: SETTINGS })));
  after(async () => server.stop());

  let counter = 0;
  for (const c of CASES) {
    it(c.name, async () => {
      const uri = `file:///pss-fix/${++counter}.yaml`;
      const before = await server.open(uri, c.text);
      const candidates = before.filter((d) => d.code === c.code && at(d) === c.at);
      assert.equal(candidates.length, 1, `one ${c.code} diagnostic at ${c.at}, got: ${before.map((d) => `${d.code}@${at(d)}`).join(', ')}`);
      const fixed = candidates[0];
      const actions = (await server.codeActions(uri, fixed.range, [fixed])) ?? [];
      const action = actions.find((a) => a.title === c.title);
      assert.ok(action, `action "${c.title}" among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred ?? false, c.preferred);
      assert.deepEqual(action.diagnostics?.map((d) => d.code), [c.code]);
      const after = applyTextEdits(c.text, editsFor(action.edit, uri));
      const diagnostics = await server.change(uri, [{ text: after }]);
      server.close(uri);
      assert.equal(after, c.expected);
      const key = (d: Diagnostic) => `${d.code}: ${d.message}`;
      assert.ok(!diagnostics.some((d) => key(d) === key(fixed)), `still reported: ${key(fixed)}`);
      const known = new Set(before.map(key));
      assert.deepEqual(diagnostics.filter((d) => !known.has(key(d))).map(key), [], 'no new diagnostic');
    });
  }

  it("offers no runAsUser removal on a container under a Pod's runAsUser: 0 (it would stay root)", async () => {
    const uri = 'file:///pss-fix/root-under-root.yaml';
    const text = lines(...POD_HEAD.slice(0, 6), '    runAsUser: 0', ...POD_HEAD.slice(6), '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {runAsUser: 0, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}');
    const before = await server.open(uri, text);
    assert.deepEqual(before.filter((d) => d.code === 'pss-run-as-user').map(at), ['6:15', '13:35']);
    const onContainer = before.find((d) => d.code === 'pss-run-as-user' && at(d) === '13:35')!;
    const actions = (await server.codeActions(uri, onContainer.range, [onContainer])) ?? [];
    server.close(uri);
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Remove `runAsUser')).map((a) => a.title), []);
  });

  it('removes every hostPort of the file with one fix-all action', async () => {
    const uri = 'file:///pss-fix/all-host-ports.yaml';
    const text = lines(
      ...POD_HEAD, '  containers:',
      '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - {containerPort: 8080, hostPort: 8080}',
      '    - name: metrics', '      image: metrics:0.9.1', SAFE_CONTAINER, '      ports:', '        - containerPort: 9090', '          hostPort: 9090',
    );
    const before = await server.open(uri, text);
    const hostPorts = before.filter((d) => d.code === 'pss-host-ports');
    assert.deepEqual(hostPorts.map(at), ['14:42', '20:20']);
    const actions = (await server.codeActions(uri, hostPorts[0].range, [hostPorts[0]])) ?? [];
    const all = actions.find((a) => a.title === 'Fix all pss-host-ports problems in the file');
    assert.ok(all, `fix-all among: ${actions.map((a) => a.title).join(' | ')}`);
    const after = applyTextEdits(text, editsFor(all.edit, uri));
    assert.equal(after, text.replace(', hostPort: 8080', '').replace('\n          hostPort: 9090', ''));
    const diagnostics = await server.change(uri, [{ text: after }]);
    server.close(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'pss-host-ports').map(at), []);
  });

  it('fixes every container of the file with one action per rule, leaving fixes that create a securityContext out', async () => {
    const uri = 'file:///pss-fix/all.yaml';
    const text = lines(
      ...POD_HEAD,
      '  containers:',
      '    - name: web',
      '      image: shop:1.4.2',
      '      securityContext: {allowPrivilegeEscalation: true, capabilities: {drop: [ALL]}}',
      '    - name: log',
      '      image: log:2.0.1',
      '      securityContext:',
      '        allowPrivilegeEscalation: true',
      '        capabilities: {drop: [ALL]}',
      '    - name: cache',
      '      image: cache:7.2.4',
    );
    const before = await server.open(uri, text);
    const escalation = before.filter((d) => d.code === 'pss-privilege-escalation');
    assert.deepEqual(escalation.map(at), ['12:50', '16:34', '18:12']);
    const actions = (await server.codeActions(uri, escalation[0].range, [escalation[0]])) ?? [];
    const all = actions.find((a) => a.title === 'Fix all pss-privilege-escalation problems in the file');
    assert.ok(all, `fix-all among: ${actions.map((a) => a.title).join(' | ')}`);
    const after = applyTextEdits(text, editsFor(all.edit, uri));
    assert.equal(after, text.replace(/allowPrivilegeEscalation: true/g, 'allowPrivilegeEscalation: false'));
    const diagnostics = await server.change(uri, [{ text: after }]);
    server.close(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'pss-privilege-escalation').map(at), ['18:12']);
  });
});
