import { isScalar, isSeq, type Node } from 'yaml';
import { podModelOf } from '../../pod/podModel';
import { effectiveSetting, podSecurityOf, subField, type ContainerSecurity, type PodSecuritySettings } from '../../pod/securityContext';
import type { Check, CheckContext, RuleDescriptor } from '../../core/rule';
import { containerLabel, containerSpan, sentence, spanOf, type Span } from '../support';

/**
 * Privilege practices on the effective security settings of each container (pod/securityContext.ts: the
 * container's own value, else the Pod's, else the default), whatever podsmith.podSecurityStandard says. Where the
 * Pod Security rules are on they report privileged mode and added capabilities themselves, so those step aside.
 */

export const privilegedContainerRule: RuleDescriptor = {
  id: 'privileged-container',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A privileged container has nearly every power of root on the node: its devices, its kernel modules, its mounts; one bug in it is a compromised node.',
  example: 'securityContext:\n  privileged: true',
  fix: 'Remove privileged (or set it to false) and add only the capabilities the container really needs.',
};

export const dangerousCapabilitiesRule: RuleDescriptor = {
  id: 'dangerous-capabilities',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or ALL let a container reconfigure the node, read other processes or load kernel code: close to privileged.',
  example: 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]',
  fix: 'Remove the capability from capabilities.add; find the narrower one the program needs (or none).',
};

export const netRawNotDroppedRule: RuleDescriptor = {
  id: 'net-raw-not-dropped',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'NET_RAW is in the runtimes\' default set: it lets a compromised container forge packets and spoof its neighbours (ARP, DNS) on the node\'s network.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Add capabilities.drop: [ALL] (or at least NET_RAW) to the container\'s securityContext.',
};

export const readOnlyRootFilesystemRule: RuleDescriptor = {
  id: 'read-only-root-filesystem',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'A writable root filesystem lets an intruder replace the container\'s programs and keep tools around; a read-only one keeps the container what its image says.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the program writes (/tmp, caches).',
};

export const privilegeEscalationRule: RuleDescriptor = {
  id: 'privilege-escalation',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Unless allowPrivilegeEscalation is false, a setuid program in the container can gain more privileges than the process that started it.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Set securityContext.allowPrivilegeEscalation: false.',
};

export const runAsRootRule: RuleDescriptor = {
  id: 'run-as-root',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without runAsNonRoot: true (or a runAsUser above 0) a container runs as its image\'s user, root for most images, and a container escape starts as root on the node.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Set runAsNonRoot: true (in the Pod\'s securityContext to cover every container) and a non-zero runAsUser if the image names none.',
};

export const lowUserIdRule: RuleDescriptor = {
  id: 'low-user-id',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'User and group ids below 10000 are the node\'s own system accounts on most distributions; a container that escapes as one of them gets that account\'s files.',
  example: 'securityContext:\n  runAsUser: 1000',
  fix: 'Use a runAsUser and runAsGroup of 10000 or more.',
};

export const rootGroupRule: RuleDescriptor = {
  id: 'root-group',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Group 0 is root\'s group: files the node gives to it (many under /etc and /var) become readable or writable to a container that runs with it, even as a non-root user.',
  example: 'securityContext:\n  runAsUser: 10001\n  runAsGroup: 0',
  fix: 'Use a non-zero runAsGroup, fsGroup and supplementalGroups.',
};

export const linuxHardeningRule: RuleDescriptor = {
  id: 'linux-hardening',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'With no seccomp profile, no AppArmor or SELinux setting and no dropped capability, nothing narrows what a compromised container may ask of the kernel.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Set seccompProfile: {type: RuntimeDefault} in the Pod\'s securityContext, and drop: [ALL] capabilities.',
};

/** Capabilities that come close to root on the node. */
const DANGEROUS = new Set([
  'ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'DAC_READ_SEARCH', 'BPF',
  'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG',
]);

/** The rules beyond privileged mode and added capabilities: hardening every container can do. */
const HARDENING: readonly RuleDescriptor[] = [
  netRawNotDroppedRule, readOnlyRootFilesystemRule, privilegeEscalationRule, runAsRootRule, lowUserIdRule, rootGroupRule, linuxHardeningRule,
];

/** Privileged mode, capabilities, root filesystem, escalation, users and groups, kernel confinement. */
export const privilegePracticesCheck: Check = {
  name: 'privilege-practices',
  rules: [
    privilegedContainerRule, dangerousCapabilitiesRule, netRawNotDroppedRule, readOnlyRootFilesystemRule, privilegeEscalationRule,
    runAsRootRule, lowUserIdRule, rootGroupRule, linuxHardeningRule,
  ],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const security = podSecurityOf(pod);
    const reportedIds = new Set<Node>();
    for (const c of security.containers) {
      if (c.container.list === 'ephemeralContainers') continue;
      checkContainer(ctx, security, c, reportedIds);
    }
    checkPodGroups(ctx, security, reportedIds);
  },
};

/** A capability as the runtimes read it: upper case, without the CAP_ prefix. */
function capabilityName(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value.toUpperCase().replace(/^CAP_/, '') : undefined;
}

/** Where a finding about a setting a container lacks points: its securityContext key, else its name. */
function missingSpan(c: ContainerSecurity): Span | undefined {
  return spanOf(c.contextKey) ?? containerSpan(c.container);
}

function checkContainer(ctx: CheckContext, pod: PodSecuritySettings, c: ContainerSecurity, reportedIds: Set<Node>): void {
  const who = containerLabel(c.container);
  const privileged = c.own.get('privileged');
  const isPrivileged = privileged?.value === true;
  const pss = ctx.settings.podSecurityStandard !== 'off';
  if (isPrivileged && !pss && ctx.isEnabled(privilegedContainerRule)) {
    ctx.report(privilegedContainerRule, {
      message: sentence(`${who} runs privileged: it gets nearly every power of root on the node (devices, kernel modules, mounts), so one bug in it is a compromised node. Remove privileged and add only the capabilities it needs.`),
      ...spanOf(privileged.node)!,
    });
  }
  const capabilities = c.own.get('capabilities');
  const add = subField(capabilities, 'add');
  if (!pss && isSeq(add) && ctx.isEnabled(dangerousCapabilitiesRule)) {
    for (const item of add.items) {
      const name = capabilityName(item);
      const span = spanOf(item);
      if (!name || !span || !DANGEROUS.has(name)) continue;
      ctx.report(dangerousCapabilitiesRule, {
        message: sentence(`${who} adds the capability ${name}, ${name === 'ALL' ? 'every capability: that is privileged mode in all but name' : 'which comes close to root on the node (reconfiguring it, reading other processes or loading kernel code)'}. Remove it, and add only the narrow capability the program needs.`),
        ...span,
      });
    }
  }
  if (isPrivileged) return; // Privileged mode overrides the rest; its own finding says so.
  // The rest are strict practices: none of their work while the profile leaves them off.
  if (!HARDENING.some((rule) => ctx.isEnabled(rule))) return;

  const drop = subField(capabilities, 'drop');
  const dropped = isSeq(drop) ? drop.items.map(capabilityName) : [];
  const span = missingSpan(c);
  if (span && !dropped.includes('ALL') && !dropped.includes('NET_RAW')) {
    ctx.report(netRawNotDroppedRule, {
      message: sentence(`${who} keeps the NET_RAW capability (it is in the runtimes' default set): a compromised container can forge packets and spoof its neighbours on the node's network. Add capabilities.drop: [ALL], or at least NET_RAW.`),
      ...span,
    });
  }

  const readOnly = c.own.get('readOnlyRootFilesystem');
  const readOnlySpan = readOnly ? spanOf(readOnly.node) : span;
  if (readOnly?.value !== true && readOnlySpan) {
    ctx.report(readOnlyRootFilesystemRule, {
      message: sentence(`${who} can write to its root filesystem: an intruder can replace its programs and keep tools there. Set readOnlyRootFilesystem: true and mount an emptyDir where it writes (/tmp, caches).`),
      ...readOnlySpan,
    });
  }

  const escalation = c.own.get('allowPrivilegeEscalation');
  const escalationSpan = escalation ? spanOf(escalation.node) : span;
  if (escalation?.value !== false && escalationSpan) {
    ctx.report(privilegeEscalationRule, {
      message: sentence(`${who} ${escalation?.value === true ? 'sets allowPrivilegeEscalation: true' : 'does not set allowPrivilegeEscalation: false'}, so a setuid program in it can gain more privileges than the process that started it. Set allowPrivilegeEscalation: false.`),
      ...escalationSpan,
    });
  }

  const nonRoot = effectiveSetting(pod, c, 'runAsNonRoot');
  const user = effectiveSetting(pod, c, 'runAsUser');
  const userIsNonRoot = typeof user.value === 'number' && user.value > 0;
  if (nonRoot.value !== true && !userIsNonRoot) {
    const at = (nonRoot.value === false && nonRoot.written ? spanOf(nonRoot.written.node) : undefined)
      ?? (user.value === 0 && user.written ? spanOf(user.written.node) : undefined)
      ?? span;
    if (at) {
      ctx.report(runAsRootRule, {
        message: sentence(`${who} may run as root: ${user.value === 0 ? 'runAsUser is 0' : "nothing sets runAsNonRoot: true or a non-zero runAsUser, so it runs as its image's user, root for most images"}. A container escape then starts as root on the node. Set runAsNonRoot: true (in the Pod's securityContext it covers every container).`),
        ...at,
      });
    }
  }

  for (const field of ['runAsUser', 'runAsGroup'] as const) {
    const setting = effectiveSetting(pod, c, field);
    const node = setting.written?.node;
    if (!node || reportedIds.has(node) || typeof setting.value !== 'number') continue;
    reportedIds.add(node);
    const idSpan = spanOf(node)!;
    if (field === 'runAsGroup' && setting.value === 0) {
      ctx.report(rootGroupRule, {
        message: `runAsGroup: 0 runs ${setting.source === 'pod' ? 'the containers' : who} in root's group: files of the node that belong to it become reachable even to a non-root user. Use a non-zero group.`,
        ...idSpan,
      });
    } else if (setting.value > 0 && setting.value < 10000) {
      ctx.report(lowUserIdRule, {
        message: `${field}: ${setting.value} is below 10000, where the node's own system ${field === 'runAsUser' ? 'users' : 'groups'} live on most distributions; a container that escapes would hold their files. Use 10000 or more.`,
        ...idSpan,
      });
    }
  }

  const confined = ['seccompProfile', 'appArmorProfile', 'seLinuxOptions'].some((field) => {
    const setting = effectiveSetting(pod, c, field);
    const type = (setting.value as { type?: unknown } | undefined)?.type;
    return setting.value !== undefined && type !== 'Unconfined';
  });
  if (!confined && dropped.length === 0 && span) {
    ctx.report(linuxHardeningRule, {
      message: sentence(`${who} has no seccomp profile, no AppArmor or SELinux setting and drops no capability: nothing narrows what it may ask of the kernel. Set seccompProfile: {type: RuntimeDefault} in the Pod's securityContext and drop: [ALL] capabilities.`),
      ...span,
    });
  }
}

/** fsGroup 0 or group 0 among supplementalGroups: every container gets root's group. */
function checkPodGroups(ctx: CheckContext, security: PodSecuritySettings, reportedIds: Set<Node>): void {
  const fsGroup = security.own.get('fsGroup');
  if (fsGroup?.value === 0 && !reportedIds.has(fsGroup.node)) {
    ctx.report(rootGroupRule, {
      message: 'fsGroup: 0 gives every container root\'s group and makes volume files owned by it: files of the node in that group become reachable. Use a non-zero fsGroup.',
      ...spanOf(fsGroup.node)!,
    });
  }
  const supplemental = security.own.get('supplementalGroups');
  if (isSeq(supplemental?.node)) {
    for (const item of supplemental.node.items) {
      if (!isScalar(item) || item.value !== 0) continue;
      ctx.report(rootGroupRule, {
        message: 'Group 0 among supplementalGroups gives every container root\'s group: files of the node in that group become reachable. Remove it.',
        ...spanOf(item)!,
      });
    }
  }
}
