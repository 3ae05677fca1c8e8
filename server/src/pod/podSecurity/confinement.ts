import { isMap, isScalar } from 'yaml';
import { keyName, mapItems, scalarString, spanOf, valueOf } from '../../document/yamlTree';
import type { ContainerSecurity, WrittenField } from '../securityContext';
import { containerAnchor, policyAtLeast, stringIn, who, type ControlGroup, type PolicyInput, type Violation } from './standard';

/**
 * Controls on the kernel's confinement of the processes: the AppArmor and SELinux labels, the seccomp filter,
 * how much of /proc is hidden, and kernel parameters (sysctls). Profiles are shared fields (the Pod's value is
 * the default, a container's own wins); procMount is per container; sysctls exist only on the Pod.
 */
export const confinementControls: ControlGroup = (input) => [
  ...appArmor(input),
  ...seLinux(input),
  ...seccomp(input),
  ...procMount(input),
  ...sysctls(input),
];

/** Owners of a shared field: the Pod, then every container, with the words that name them. */
function owners(input: PolicyInput, field: string): { label: string; written: WrittenField; container?: ContainerSecurity }[] {
  const out: { label: string; written: WrittenField; container?: ContainerSecurity }[] = [];
  const pod = input.security.own.get(field);
  if (pod) out.push({ label: 'the Pod', written: pod });
  for (const c of input.security.containers) {
    const own = c.own.get(field);
    if (own) out.push({ label: who(c.container), written: own, container: c });
  }
  return out;
}

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

function appArmor(input: PolicyInput): Violation[] {
  const out: Violation[] = [];
  for (const { label, written } of owners(input, 'appArmorProfile')) {
    const type = stringIn(written, 'type');
    if (!type || type.value === 'RuntimeDefault' || type.value === 'Localhost') continue;
    out.push({
      ruleId: 'pss-apparmor',
      control: 'AppArmor',
      level: 'baseline',
      ...spanOf(type.node)!,
      problem: `${label} sets AppArmor profile type ${type.value}, which lifts the confinement AppArmor gives by default.`,
      fix: 'Use type RuntimeDefault or Localhost (with localhostProfile), or remove appArmorProfile.',
    });
  }
  // The older annotations still count: the admission controller reads them too.
  for (const pair of input.annotations?.items ?? []) {
    const key = keyName(pair);
    if (!key?.startsWith(APPARMOR_ANNOTATION)) continue;
    const value = scalarString(pair.value) ?? '';
    if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
    const span = spanOf(pair.value) ?? spanOf(pair.key);
    if (!span) continue;
    out.push({
      ruleId: 'pss-apparmor',
      control: 'AppArmor',
      level: 'baseline',
      ...span,
      problem: `the annotation ${key} sets AppArmor profile \`${value}\`, which lifts the confinement AppArmor gives by default.`,
      fix: 'Use runtime/default or localhost/<profile>, or better the appArmorProfile field of the securityContext.',
    });
  }
  return out;
}

const SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t'];

function seLinux(input: PolicyInput): Violation[] {
  const out: Violation[] = [];
  const types = new Set(policyAtLeast(input.version, '1.31') ? [...SELINUX_TYPES, 'container_engine_t'] : SELINUX_TYPES);
  for (const { label, written } of owners(input, 'seLinuxOptions')) {
    const type = stringIn(written, 'type');
    if (type && type.value !== '' && !types.has(type.value)) {
      out.push({
        ruleId: 'pss-selinux',
        control: 'SELinux',
        level: 'baseline',
        ...spanOf(type.node)!,
        problem: `${label} sets SELinux type ${type.value}, outside the container types the standard allows.`,
        fix: `Use one of ${[...types].join(', ')}, or remove type and let the runtime choose.`,
      });
    }
    for (const key of ['user', 'role'] as const) {
      const value = stringIn(written, key);
      if (!value || value.value === '') continue;
      out.push({
        ruleId: 'pss-selinux',
        control: 'SELinux',
        level: 'baseline',
        ...spanOf(value.node)!,
        problem: `${label} sets an SELinux ${key} (${value.value}); a custom ${key} could give the processes a more privileged label.`,
        fix: `Remove seLinuxOptions.${key}.`,
      });
    }
  }
  return out;
}

function seccomp(input: PolicyInput): Violation[] {
  const out: Violation[] = [];
  const valid = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
  for (const { label, written } of owners(input, 'seccompProfile')) {
    const type = stringIn(written, 'type');
    if (!type || valid(type.value)) continue;
    out.push({
      ruleId: 'pss-seccomp',
      control: 'Seccomp',
      level: 'baseline',
      ...spanOf(type.node)!,
      problem: `${label} sets seccomp profile ${type.value}: its processes may make any system call.`,
      fix: 'Use type RuntimeDefault (or Localhost with localhostProfile).',
    });
  }
  // Restricted: every container must end up with a profile, its own or the Pod's (Windows Pods are exempt).
  if (input.windows) return out;
  const podProfile = input.security.own.get('seccompProfile');
  if (podProfile) return out; // A valid Pod profile covers the others; an invalid one is reported above, once.
  for (const c of input.security.containers) {
    if (c.own.has('seccompProfile')) continue;
    out.push({
      ruleId: 'pss-seccomp',
      control: 'Seccomp',
      level: 'restricted',
      ...containerAnchor(c)!,
      problem: `${who(c.container)} has no seccomp profile: neither it nor the Pod sets one, so it runs Unconfined unless the kubelet defaults to RuntimeDefault.`,
      fix: "Set seccompProfile: {type: RuntimeDefault} in the Pod's securityContext (it covers every container) or in this container's.",
    });
  }
  return out;
}

function procMount(input: PolicyInput): Violation[] {
  const out: Violation[] = [];
  // From policy 1.35 baseline allows any procMount in a Pod with its own user namespace; restricted never does.
  const level = input.ownUserNamespace && policyAtLeast(input.version, '1.35') ? 'restricted' : 'baseline';
  for (const c of input.security.containers) {
    const written = c.own.get('procMount');
    if (!written || !isScalar(written.node) || written.value === 'Default') continue;
    out.push({
      ruleId: 'pss-proc-mount',
      control: '/proc Mount Type',
      level,
      ...spanOf(written.node)!,
      problem: `${who(c.container)} sets procMount: ${String(written.value)}, which shows the parts of /proc that are normally hidden.`,
      fix: 'Remove procMount (or set it to Default).',
    });
  }
  return out;
}

/** Sysctls the standard deems safe, by the policy version that added them. */
const SAFE_SYSCTLS: readonly [string, readonly string[]][] = [
  ['1.0', ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  ['1.27', ['net.ipv4.ip_local_reserved_ports']],
  ['1.29', ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  ['1.32', ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
];

/** The safe sysctls of a policy version. */
export function safeSysctls(version: string): Set<string> {
  return new Set(SAFE_SYSCTLS.filter(([since]) => policyAtLeast(version, since)).flatMap(([, names]) => names));
}

function sysctls(input: PolicyInput): Violation[] {
  const out: Violation[] = [];
  const list = input.security.own.get('sysctls');
  if (!list) return out;
  const safe = safeSysctls(input.version);
  for (const [item] of mapItems(list.node)) {
    const nameNode = valueOf(item, 'name');
    const name = scalarString(nameNode);
    if (name === undefined || safe.has(name) || !isMap(item)) continue;
    out.push({
      ruleId: 'pss-sysctls',
      control: 'Sysctls',
      level: 'baseline',
      ...spanOf(nameNode)!,
      problem: `sysctl ${name} is not in the safe set: it may reach beyond the Pod's own namespaces or weaken isolation.`,
      fix: `Remove it, or run the Pod where a privileged level is allowed. Safe at ${input.version}: ${[...safe].join(', ')}.`,
    });
  }
  return out;
}
