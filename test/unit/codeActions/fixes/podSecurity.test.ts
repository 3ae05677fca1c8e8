import { appArmorFixes, capabilitiesFixes, hostNamespacesFixes, hostPortsFixes, hostProcessFixes, privilegeEscalationFixes, privilegedFixes, procMountFixes, runAsNonRootFixes, runAsUserFixes, seLinuxFixes, seccompFixes, sysctlsFixes } from '../../../../server/src/codeActions/podSecurity';
import { appArmorRule, procMountRule, seLinuxRule, seccompRule, sysctlsRule } from '../../../../server/src/rules/podSecurity/confinement';
import { hostNamespacesRule as pssHostNamespacesRule, hostPortsRule, hostProcessRule } from '../../../../server/src/rules/podSecurity/hostAccess';
import { capabilitiesRule as pssCapabilitiesRule, privilegeEscalationRule as pssPrivilegeEscalationRule, privilegedRule as pssPrivilegedRule } from '../../../../server/src/rules/podSecurity/privileges';
import { runAsNonRootRule as pssRunAsNonRootRule, runAsUserRule } from '../../../../server/src/rules/podSecurity/users';
import { hostNamespacesRule } from '../../../../server/src/rules/practices/hostAccess';
import { dangerousCapabilitiesRule, netRawNotDroppedRule, privilegeEscalationRule, privilegedContainerRule, runAsRootRule } from '../../../../server/src/rules/practices/privileges';
import { fixTable, lines } from '../support/fixTable';

/** The head of a Pod that meets restricted at the Pod level (runAsNonRoot and seccomp for every container). */
const POD_HEAD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault'];

/** A container's own securityContext that meets restricted (with POD_HEAD). */
const SAFE_CONTAINER = '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}';

fixTable(privilegeEscalationFixes, [
  {
    title: 'allowPrivilegeEscalation: true becomes false',
    rule: pssPrivilegeEscalationRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: «true»', '        capabilities:', '          drop: [ALL]'),
    apply: 'Set `allowPrivilegeEscalation: false`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]'),
  },
  {
    title: 'a container without securityContext gets one with allowPrivilegeEscalation: false',
    rule: pssPrivilegeEscalationRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: «web»', '      image: shop:1.4.2'),
    apply: 'Set `allowPrivilegeEscalation: false` in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false'),
  },
  {
    title: 'a flow-style container gets a flow securityContext',
    rule: pssPrivilegeEscalationRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - {name: web, image: shop:1.4.2, «securityContext»: {capabilities: {drop: [ALL]}}}'),
    apply: 'Set `allowPrivilegeEscalation: false` in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - {name: web, image: shop:1.4.2, securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false}}'),
  },
  {
    title: 'fix all sets every written value, and leaves out the fix that would create a securityContext',
    rule: pssPrivilegeEscalationRule,
    manifest: lines(
      ...POD_HEAD, '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: «true», capabilities: {drop: [ALL]}}',
      '    - name: log', '      image: log:2.0.1', '      securityContext:', '        allowPrivilegeEscalation: true', '        capabilities: {drop: [ALL]}',
      '    - name: cache', '      image: cache:7.2.4',
    ),
    offers: ['Set `allowPrivilegeEscalation: false`', 'Fix all pss-privilege-escalation problems in the file'],
    apply: 'Fix all pss-privilege-escalation problems in the file',
    expected: lines(
      ...POD_HEAD, '  containers:',
      '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
      '    - name: log', '      image: log:2.0.1', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}',
      '    - name: cache', '      image: cache:7.2.4',
    ),
  },
  {
    title: 'an init step and a native sidecar are named as such, 4-space indentation kept',
    rule: pssPrivilegeEscalationRule,
    manifest: lines(...POD_HEAD, '  initContainers:', '    -   name: migrate', '        image: migrate:3.1', '        «securityContext»:', '            capabilities: {drop: [ALL]}', '    -   name: proxy', '        image: proxy:2.1', '        restartPolicy: Always', '        securityContext:', '            allowPrivilegeEscalation: false', '            capabilities: {drop: [ALL]}', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Set `allowPrivilegeEscalation: false` in init container `migrate`',
    preferred: true,
    expected: lines(...POD_HEAD, '  initContainers:', '    -   name: migrate', '        image: migrate:3.1', '        securityContext:', '            capabilities: {drop: [ALL]}', '            allowPrivilegeEscalation: false', '    -   name: proxy', '        image: proxy:2.1', '        restartPolicy: Always', '        securityContext:', '            allowPrivilegeEscalation: false', '            capabilities: {drop: [ALL]}', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(runAsNonRootFixes, [
  {
    title: "the Pod's runAsNonRoot: false becomes true",
    rule: pssRunAsNonRootRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: «false»', '    seccompProfile: {type: RuntimeDefault}', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Set `runAsNonRoot: true`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile: {type: RuntimeDefault}', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    title: "runAsNonRoot missing everywhere: set in the container's securityContext",
    rule: pssRunAsNonRootRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:', '    - name: web', '      image: shop:1.4.2', '      «securityContext»:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
    apply: 'Set `runAsNonRoot: true` in container `web`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        runAsNonRoot: true'),
  },
  {
    title: "runAsNonRoot missing everywhere: set in the Pod's securityContext, which every container inherits",
    rule: pssRunAsNonRootRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:', '    - name: web', '      image: shop:1.4.2', '      «securityContext»:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
    apply: "Set `runAsNonRoot: true` in the Pod's securityContext (every container inherits it)",
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '    runAsNonRoot: true', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
  {
    title: "a Pod without securityContext gets one with runAsNonRoot: true (kubectl's compact lists)",
    rule: pssRunAsNonRootRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:', '      containers:', '      - name: «web»', '        image: shop:1.4.2'),
    apply: "Set `runAsNonRoot: true` in the Pod's securityContext (every container inherits it)",
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:', '      containers:', '      - name: web', '        image: shop:1.4.2', '      securityContext:', '        runAsNonRoot: true'),
  },
], { podSecurityStandard: 'restricted' });

fixTable(seccompFixes, [
  {
    title: 'a seccomp profile type Unconfined becomes RuntimeDefault',
    rule: seccompRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        seccompProfile:', '          type: «Unconfined»'),
    apply: 'Set the seccomp profile type to `RuntimeDefault`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        seccompProfile:', '          type: RuntimeDefault'),
  },
  {
    title: "no seccomp profile anywhere: a block-style profile in the Pod's securityContext of a Deployment's template",
    rule: seccompRule,
    manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:', '      securityContext:', '        runAsNonRoot: true', '      containers:', '      - name: web', '        image: shop:1.4.2', '        «securityContext»:', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]'),
    apply: "Set `seccompProfile: {type: RuntimeDefault}` in the Pod's securityContext (every container inherits it)",
    preferred: true,
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:', '      securityContext:', '        runAsNonRoot: true', '        seccompProfile:', '          type: RuntimeDefault', '      containers:', '      - name: web', '        image: shop:1.4.2', '        securityContext:', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]'),
  },
  {
    title: "no seccomp profile anywhere: the container's flow securityContext gets a flow profile",
    rule: seccompRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext: {runAsNonRoot: true}', '  containers:', '    - name: web', '      image: shop:1.4.2', '      «securityContext»: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
    apply: 'Set `seccompProfile: {type: RuntimeDefault}` in container `web`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext: {runAsNonRoot: true}', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}'),
  },
  {
    title: 'a container without securityContext gets one with a block-style seccomp profile',
    rule: seccompRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: «web»', '      image: shop:1.4.2'),
    apply: 'Set `seccompProfile: {type: RuntimeDefault}` in container `web`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        seccompProfile:', '          type: RuntimeDefault'),
  },
  {
    title: "CRLF: the Pod's new seccomp profile ends its lines in CRLF",
    rule: seccompRule,
    crlf: true,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER.replace('securityContext', '«securityContext»')),
    apply: "Set `seccompProfile: {type: RuntimeDefault}` in the Pod's securityContext (every container inherits it)",
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: shop}', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(capabilitiesFixes, [
  {
    title: 'an added capability beyond NET_BIND_SERVICE is removed from the list',
    rule: pssCapabilitiesRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '          add:', '            - «NET_ADMIN»', '            - NET_BIND_SERVICE'),
    apply: 'Remove `NET_ADMIN` from `capabilities.add`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '          add:', '            - NET_BIND_SERVICE'),
  },
  {
    title: 'no capabilities: created under the securityContext with drop: [ALL]',
    rule: pssCapabilitiesRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      «securityContext»:', '        allowPrivilegeEscalation: false'),
    apply: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]'),
  },
  {
    title: 'a drop list without ALL gets ALL appended',
    rule: pssCapabilitiesRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          «drop»: [NET_RAW]'),
    apply: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [NET_RAW, ALL]'),
  },
  {
    title: 'capabilities with only add gets a drop list beside it',
    rule: pssCapabilitiesRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        «capabilities»:', '          add: [NET_BIND_SERVICE]'),
    apply: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          add: [NET_BIND_SERVICE]', '          drop: [ALL]'),
  },
  {
    title: 'a native sidecar with no capabilities gets drop: [ALL] in its securityContext',
    rule: pssCapabilitiesRule,
    manifest: lines(...POD_HEAD, '  initContainers:', '    - name: proxy', '      image: proxy:2.1', '      restartPolicy: Always', '      «securityContext»:', '        allowPrivilegeEscalation: false', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Drop `ALL` capabilities in native sidecar `proxy`',
    preferred: true,
    expected: lines(...POD_HEAD, '  initContainers:', '    - name: proxy', '      image: proxy:2.1', '      restartPolicy: Always', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(privilegedFixes, [
  {
    title: 'privileged: true becomes false',
    rule: pssPrivilegedRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        privileged: «true»', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
    apply: 'Set `privileged: false`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        privileged: false', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
  {
    title: 'no edit on a container that came through an alias',
    rule: pssPrivilegedRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - &web', '      name: web', '      image: shop:1.4.2', '      securityContext: {privileged: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}', '  initContainers:', '    - «*web»'),
    offers: [],
  },
], { podSecurityStandard: 'restricted' });

fixTable(hostNamespacesFixes, [
  {
    title: 'hostNetwork: true is removed (the Pod keeps its own network namespace)',
    rule: pssHostNamespacesRule,
    manifest: lines(...POD_HEAD, '  hostNetwork: «true» # for the metrics port', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Remove `hostNetwork` (the Pod keeps its own namespace)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    title: 'hostPID: true becomes false',
    rule: pssHostNamespacesRule,
    manifest: lines(...POD_HEAD, '  hostPID: «true»', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Set `hostPID: false`',
    expected: lines(...POD_HEAD, '  hostPID: false', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(procMountFixes, [
  {
    title: 'procMount: Unmasked becomes Default',
    rule: procMountRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        procMount: «Unmasked»'),
    apply: 'Set `procMount: Default`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        procMount: Default'),
  },
], { podSecurityStandard: 'restricted' });

fixTable(hostPortsFixes, [
  {
    title: 'a hostPort is removed and the containerPort kept',
    rule: hostPortsRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - containerPort: 8080', '          hostPort: «8080»', '          protocol: TCP'),
    apply: 'Remove `hostPort` (keep the containerPort; expose it through a Service)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - containerPort: 8080', '          protocol: TCP'),
  },
  {
    title: 'a hostPort in a flow port is removed with its comma',
    rule: hostPortsRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports: [{containerPort: 8080, hostPort: «80»}]'),
    apply: 'Remove `hostPort` (keep the containerPort; expose it through a Service)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports: [{containerPort: 8080}]'),
  },
  {
    title: 'every hostPort of the file removed with one action, block and flow alike',
    rule: hostPortsRule,
    manifest: lines(
      ...POD_HEAD, '  containers:',
      '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - {containerPort: 8080, hostPort: «8080»}',
      '    - name: metrics', '      image: metrics:0.9.1', SAFE_CONTAINER, '      ports:', '        - containerPort: 9090', '          hostPort: 9090',
    ),
    offers: ['Remove `hostPort` (keep the containerPort; expose it through a Service)', 'Fix all pss-host-ports problems in the file'],
    apply: 'Fix all pss-host-ports problems in the file',
    expected: lines(
      ...POD_HEAD, '  containers:',
      '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports:', '        - {containerPort: 8080}',
      '    - name: metrics', '      image: metrics:0.9.1', SAFE_CONTAINER, '      ports:', '        - containerPort: 9090',
    ),
  },
], { podSecurityStandard: 'restricted' });

fixTable(hostProcessFixes, [
  {
    title: 'hostProcess: true becomes false',
    rule: hostProcessRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        windowsOptions: {hostProcess: «true»}'),
    apply: 'Set `hostProcess: false`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        windowsOptions: {hostProcess: false}'),
  },
  {
    title: 'hostProcess removed with the windowsOptions it leaves empty',
    rule: hostProcessRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        windowsOptions:', '          hostProcess: «true»', '        capabilities: {drop: [ALL]}'),
    apply: 'Remove `hostProcess`',
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
], { podSecurityStandard: 'restricted' });

fixTable(appArmorFixes, [
  {
    title: 'an AppArmor profile type Unconfined becomes RuntimeDefault',
    rule: appArmorRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: «Unconfined»'),
    apply: 'Set the AppArmor profile type to `RuntimeDefault`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: RuntimeDefault'),
  },
  {
    title: 'an Unconfined AppArmor profile with a stray localhostProfile: RuntimeDefault, and the localhostProfile removed',
    rule: appArmorRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: «Unconfined»', '          localhostProfile: shop-web'),
    apply: 'Set the AppArmor profile type to `RuntimeDefault`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}', '        appArmorProfile:', '          type: RuntimeDefault'),
  },
  {
    title: 'an AppArmor annotation unconfined becomes runtime/default',
    rule: appArmorRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', '  annotations:', '    container.apparmor.security.beta.kubernetes.io/web: «unconfined»', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Set the AppArmor annotation to `runtime/default`',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', '  annotations:', '    container.apparmor.security.beta.kubernetes.io/web: runtime/default', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(seLinuxFixes, [
  {
    title: 'an SELinux type spc_t becomes container_t',
    rule: seLinuxRule,
    manifest: lines(...POD_HEAD, '    seLinuxOptions:', '      type: «spc_t»', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Set the SELinux type to `container_t`',
    preferred: true,
    expected: lines(...POD_HEAD, '    seLinuxOptions:', '      type: container_t', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    title: 'an SELinux user is removed and the level kept',
    rule: seLinuxRule,
    manifest: lines(...POD_HEAD, '    seLinuxOptions:', '      user: «system_u»', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Remove the SELinux user `system_u`',
    preferred: true,
    expected: lines(...POD_HEAD, '    seLinuxOptions:', '      level: "s0:c123,c456"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    title: "a container's SELinux role alone is removed with its seLinuxOptions",
    rule: seLinuxRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seLinuxOptions: {role: «sysadm_r»}}'),
    apply: 'Remove the SELinux role `sysadm_r`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(sysctlsFixes, [
  {
    title: 'an unsafe sysctl is removed and the safe one kept',
    rule: sysctlsRule,
    manifest: lines(...POD_HEAD, '    sysctls:', '      - name: «net.core.somaxconn»', '        value: "1024"', '      - name: net.ipv4.tcp_syncookies', '        value: "1"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Remove the sysctl `net.core.somaxconn`',
    preferred: true,
    expected: lines(...POD_HEAD, '    sysctls:', '      - name: net.ipv4.tcp_syncookies', '        value: "1"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    title: 'the only sysctl is removed with its sysctls key',
    rule: sysctlsRule,
    manifest: lines(...POD_HEAD, '    sysctls:', '      - name: «kernel.msgmax»', '        value: "65536"', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: 'Remove the sysctl `kernel.msgmax`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
], { podSecurityStandard: 'restricted' });

fixTable(runAsUserFixes, [
  {
    title: "a container's runAsUser: 0 is removed",
    rule: runAsUserRule,
    manifest: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        runAsUser: «0»', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
    apply: "Remove `runAsUser: 0` (the image's user applies)",
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities: {drop: [ALL]}'),
  },
  {
    title: "the Pod's runAsUser: 0 is removed",
    rule: runAsUserRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  securityContext:', '    runAsUser: «0»', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault', '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
    apply: "Remove `runAsUser: 0` (the image's user applies)",
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER),
  },
  {
    title: "no removal on a container under a Pod's runAsUser: 0 (it would stay root)",
    rule: runAsUserRule,
    manifest: lines(...POD_HEAD.slice(0, 6), '    runAsUser: 0', ...POD_HEAD.slice(6), '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext: {runAsUser: «0», allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
    offers: [],
  },
], { podSecurityStandard: 'restricted' });

// ---- The practice rules reported on the same settings, whatever podsmith.podSecurityStandard says.
const practice = { podSecurityStandard: 'off' } as const;
const web = (...securityContext: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: web:1.4.2', ...securityContext);

fixTable(privilegeEscalationFixes, [
  {
    title: 'a written true becomes false',
    rule: privilegeEscalationRule,
    manifest: web('      securityContext:', '        allowPrivilegeEscalation: «true»'),
    apply: 'Set `allowPrivilegeEscalation: false`',
    preferred: true,
    expected: web('      securityContext:', '        allowPrivilegeEscalation: false'),
  },
  {
    title: "no setting written into a securityContext that comes through an alias",
    rule: privilegeEscalationRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  securityContext: &sc', '    runAsUser: 10001', '  containers:', '    - name: web', '      image: web:1.4.2', '      «securityContext»: *sc'),
    offers: [],
  },
], practice);

fixTable(runAsNonRootFixes, [
  {
    title: 'runAsNonRoot false becomes true',
    rule: runAsRootRule,
    manifest: web('      securityContext:', '        runAsNonRoot: «false»'),
    apply: 'Set `runAsNonRoot: true`',
    preferred: true,
    expected: web('      securityContext:', '        runAsNonRoot: true'),
  },
  {
    title: 'no fix where runAsUser is 0 (runAsNonRoot would stop the container from starting)',
    rule: runAsRootRule,
    manifest: web('      securityContext:', '        runAsUser: «0»'),
    offers: [],
  },
], practice);

fixTable(capabilitiesFixes, [
  {
    title: 'the capability is removed from add',
    rule: dangerousCapabilitiesRule,
    manifest: web('      securityContext:', '        capabilities:', '          add: [NET_BIND_SERVICE, «SYS_ADMIN»]'),
    apply: 'Remove `SYS_ADMIN` from `capabilities.add`',
    preferred: true,
    expected: web('      securityContext:', '        capabilities:', '          add: [NET_BIND_SERVICE]'),
  },
  {
    title: 'ALL appended to a flow drop list',
    rule: netRawNotDroppedRule,
    manifest: web('      «securityContext»:', '        capabilities:', '          drop: [CHOWN]'),
    apply: 'Drop `ALL` capabilities in container `web`',
    preferred: true,
    expected: web('      securityContext:', '        capabilities:', '          drop: [CHOWN, ALL]'),
  },
], practice);

fixTable(privilegedFixes, [
  {
    title: 'privileged false',
    rule: privilegedContainerRule,
    manifest: web('      securityContext: {privileged: «true»}'),
    apply: 'Set `privileged: false`',
    preferred: true,
    expected: web('      securityContext: {privileged: false}'),
  },
], practice);

fixTable(hostNamespacesFixes, [
  {
    title: 'hostNetwork removed, or set to false',
    rule: hostNamespacesRule,
    manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  hostNetwork: «true»', '  containers:', '    - name: web', '      image: web:1.4.2'),
    offers: ['Remove `hostNetwork` (the Pod keeps its own namespace)', 'Set `hostNetwork: false`'],
    apply: 'Remove `hostNetwork` (the Pod keeps its own namespace)',
    preferred: true,
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: web:1.4.2'),
  },
], practice);
