import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { mapItems, nodeAtPath, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type PodModel } from '../pod/podModel';
import { podSecurityOf, type WrittenField } from '../pod/securityContext';
import { dns1123SubdomainProblem } from './nameFormats';
import { descendingPathProblem } from './pathFormats';
import { invalidEnumRule } from '../schema/schemaRules';
import { intOf } from './fieldValues';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, keySpan, sentence, spanOf, type Span } from './support';

/**
 * The API server's checks of security settings (ValidateSecurityContext, validatePodSpecSecurityContext, the
 * seccomp and AppArmor profile fields, sysctls, host namespaces with user namespaces, Windows options). What the
 * Pod Security Standards add on top lives in rules/podSecurity/ and is off by default; these are rejections.
 */

export const securityIdRangeRule: RuleDescriptor = {
  id: 'security-id-range',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'User and group IDs (runAsUser, runAsGroup, fsGroup, supplementalGroups) are 0 to 2147483647; the API server rejects others.',
  example: 'securityContext:\n  runAsUser: -1',
  fix: 'Use an ID in 0..2147483647; a non-root user is any ID above 0.',
};

export const privilegeEscalationRule: RuleDescriptor = {
  id: 'privilege-escalation-conflict',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A privileged container, or one with CAP_SYS_ADMIN, can always gain privileges, so allowPrivilegeEscalation: false beside them is a contradiction the API server rejects.',
  example: 'securityContext:\n  privileged: true\n  allowPrivilegeEscalation: false',
  fix: 'Drop privileged (or CAP_SYS_ADMIN) if the container should not gain privileges; otherwise remove allowPrivilegeEscalation.',
};

export const procMountRule: RuleDescriptor = {
  id: 'proc-mount',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'An unmasked /proc (procMount: Unmasked) is only safe inside a user namespace, so the API server requires spec.hostUsers: false for it.',
  example: 'containers:\n  - name: builder\n    securityContext:\n      procMount: Unmasked',
  fix: 'Set spec.hostUsers: false, or remove procMount.',
};

export const securityProfileRule: RuleDescriptor = {
  id: 'security-profile',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A seccomp or AppArmor profile of type Localhost names its profile file (localhostProfile) and the other types take none; the deprecated annotations must agree with the fields. The API server rejects others.',
  example: 'securityContext:\n  seccompProfile:\n    type: Localhost',
  fix: 'Give localhostProfile with type Localhost (a path relative to the kubelet\'s profile directory), remove it for the other types, and drop the old annotations.',
};

export const sysctlRule: RuleDescriptor = {
  id: 'sysctl',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod\'s sysctls are kernel parameters of its own namespaces: valid names, each once, and none of a namespace the Pod shares with the node (net.* with hostNetwork, IPC ones with hostIPC). The API server rejects others.',
  example: 'hostNetwork: true\nsecurityContext:\n  sysctls:\n    - name: net.core.somaxconn\n      value: "1024"',
  fix: 'Correct the name, keep one entry per name, or leave the node\'s network (or IPC) namespace.',
};

export const hostNamespacesRule: RuleDescriptor = {
  id: 'host-namespace-conflict',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod in its own user namespace (hostUsers: false) cannot share the node\'s network, PID or IPC namespace, and a Pod in the node\'s PID namespace cannot share one among its containers; the API server rejects both.',
  example: 'hostPID: true\nshareProcessNamespace: true',
  fix: 'Keep one of the two settings.',
};

export const windowsOptionsRule: RuleDescriptor = {
  id: 'windows-options',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Windows options have their own forms (a DNS name for the GMSA spec, a Windows user name, one hostProcess setting for the whole Pod, on the host network); the API server rejects others.',
  example: 'securityContext:\n  windowsOptions:\n    runAsUserName: "NT AUTHORITY\\\\SYSTEM\\\\x"',
  fix: 'Write the field in the form the message describes.',
};

export const osFieldsRule: RuleDescriptor = {
  id: 'os-specific-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'With spec.os.name set, the API server rejects the settings of the other system: windowsOptions on a linux Pod, and Linux settings (seccomp, SELinux, AppArmor, user IDs, capabilities, sysctls, host PID and IPC...) on a windows Pod.',
  example: 'os:\n  name: windows\nsecurityContext:\n  runAsUser: 1000',
  fix: 'Remove the field, or correct os.name.',
};

const MAX_ID = 2147483647;

export const securityContextCheck: Check = {
  name: 'securityContext',
  rules: [securityIdRangeRule, privilegeEscalationRule, procMountRule, securityProfileRule, sysctlRule, hostNamespacesRule, windowsOptionsRule, osFieldsRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const security = podSecurityOf(pod);
    for (const field of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) checkId(ctx, security.own.get(field), field, 'the Pod');
    const groups = security.own.get('supplementalGroups');
    if (groups && isSeq(groups.node)) for (const item of groups.node.items) checkId(ctx, { key: groups.key, node: item as Node, value: undefined }, 'supplementalGroups', 'the Pod');
    checkProfile(ctx, security.own.get('seccompProfile'), 'seccomp');
    checkProfile(ctx, security.own.get('appArmorProfile'), 'AppArmor');
    checkWindowsOptions(ctx, security.own.get('windowsOptions'));
    checkSysctls(ctx, pod, security.own.get('sysctls'));
    checkSeLinuxChangePolicy(ctx, security.own.get('seLinuxChangePolicy'));
    checkHostNamespaces(ctx, pod);
    for (const c of security.containers) {
      const label = containerLabel(c.container);
      for (const field of ['runAsUser', 'runAsGroup'] as const) checkId(ctx, c.own.get(field), field, label);
      checkEscalation(ctx, c.own, c.contextKey, label);
      const procMount = c.own.get('procMount');
      if (procMount && procMount.value === 'Unmasked' && pod.hostUsers !== false) {
        ctx.report(procMountRule, {
          message: sentence(`${label} asks for an unmasked /proc (procMount: Unmasked), which the API server allows only in a Pod with its own user namespace: set spec.hostUsers: false, or remove procMount.`),
          ...spanOf(procMount.node)!,
        });
      }
      checkProfile(ctx, c.own.get('seccompProfile'), 'seccomp');
      checkProfile(ctx, c.own.get('appArmorProfile'), 'AppArmor');
      checkWindowsOptions(ctx, c.own.get('windowsOptions'));
    }
    checkHostProcess(ctx, pod);
    checkOs(ctx, pod);
    checkProfileAnnotations(ctx, pod);
  },
};

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * The deprecated seccomp and AppArmor annotations of the Pod (or of the template): their values must be profiles,
 * an AppArmor annotation must name a container of the Pod, and where a profile field is set too, both must agree.
 */
function checkProfileAnnotations(ctx: CheckContext, pod: PodModel): void {
  const metadataPath = pod.workload.kind === 'Pod' ? ['metadata'] : pod.workload.templateMetadataPath;
  const annotations = metadataPath ? valueOf(nodeAtPath(ctx.doc.root, metadataPath), 'annotations') : undefined;
  if (!isMap(annotations)) return;
  const security = podSecurityOf(pod);
  const byName = new Map(security.containers.filter((c) => c.container.name !== undefined).map((c) => [c.container.name!, c]));
  for (const pair of annotations.items as Pair<unknown, unknown>[]) {
    const key = scalarString(pair.key);
    const value = scalarString(pair.value);
    const keySpanOf = spanOf(pair.key);
    if (key === undefined || value === undefined || !keySpanOf) continue;
    if (key === SECCOMP_POD_ANNOTATION || key.startsWith(SECCOMP_CONTAINER_PREFIX)) {
      const problem = seccompAnnotationProblem(value);
      if (problem) ctx.report(securityProfileRule, { message: `Annotation ${key}: \`${value}\` ${problem}. The API server rejects it; better, drop the annotation and set securityContext.seccompProfile.`, ...keySpanOf });
      const target = key === SECCOMP_POD_ANNOTATION ? security.own.get('seccompProfile') : byName.get(key.slice(SECCOMP_CONTAINER_PREFIX.length))?.own.get('seccompProfile');
      if (!problem && target) checkAgreement(ctx, target, value, 'seccomp', key, keySpanOf);
    } else if (key.startsWith(APPARMOR_CONTAINER_PREFIX)) {
      const name = key.slice(APPARMOR_CONTAINER_PREFIX.length);
      const container = byName.get(name);
      if (!container) {
        ctx.report(securityProfileRule, { message: `Annotation ${key} names container \`${name}\`, which this Pod does not have; the API server rejects it. Correct the name, or better, set securityContext.appArmorProfile on the container.`, ...keySpanOf });
      }
      const problem = value === '' || value === 'runtime/default' || value === 'unconfined' || value.startsWith('localhost/') ? undefined : 'is not an AppArmor profile (runtime/default, unconfined or localhost/NAME)';
      if (problem) ctx.report(securityProfileRule, { message: `Annotation ${key}: \`${value}\` ${problem}; the API server rejects it.`, ...keySpanOf });
      const target = container?.own.get('appArmorProfile') ?? (container ? security.own.get('appArmorProfile') : undefined);
      if (!problem && target && pod.osName !== 'windows') checkAgreement(ctx, target, value, 'AppArmor', key, keySpanOf);
    }
  }
}

function seccompAnnotationProblem(value: string): string | undefined {
  if (value === 'runtime/default' || value === 'docker/default' || value === 'unconfined') return undefined;
  if (value.startsWith('localhost/')) {
    const problem = descendingPathProblem(value.slice('localhost/'.length));
    return problem ? `names a local profile outside the kubelet's seccomp directory: ${problem}` : undefined;
  }
  return 'is not a seccomp profile (runtime/default, unconfined or localhost/PATH)';
}

/** Where a profile field and the old annotation both say something, they must say the same. */
function checkAgreement(ctx: CheckContext, field: WrittenField, annotation: string, kind: 'seccomp' | 'AppArmor', key: string, annotationAt: Span): void {
  const typeNode = valueOf(field.node, 'type');
  const type = scalarString(typeNode);
  const local = scalarString(valueOf(field.node, 'localhostProfile'));
  const expected: Record<string, (a: string) => boolean> = {
    Unconfined: (a) => a === 'unconfined',
    RuntimeDefault: (a) => a === 'runtime/default' || (kind === 'seccomp' && a === 'docker/default'),
    Localhost: (a) => a.startsWith('localhost/'),
  };
  if (type === undefined || !expected[type]) return;
  const annotationSpan = { ...annotationAt, message: 'the annotation' };
  if (!expected[type](annotation)) {
    ctx.report(securityProfileRule, {
      message: `The ${kind} profile type ${type} disagrees with the annotation ${key}: ${annotation}. Where both are set the API server requires them to match; remove the annotation (it is deprecated) or make it agree.`,
      ...spanOf(typeNode)!,
      related: [annotationSpan],
    });
  } else if (type === 'Localhost' && annotation.slice('localhost/'.length) !== local) {
    const localNode = valueOf(field.node, 'localhostProfile');
    ctx.report(securityProfileRule, {
      message: `The ${kind} localhostProfile disagrees with the profile the annotation ${key} names (${annotation}); the API server requires them to match. Remove the annotation (it is deprecated) or make it agree.`,
      ...(spanOf(localNode) ?? spanOf(typeNode)!),
      related: [annotationSpan],
    });
  }
}

/** The schema has no list of seLinuxChangePolicy values; the API server accepts these two (SELinuxChangePolicy gate). */
const SELINUX_CHANGE_POLICIES = ['Recursive', 'MountOption'];

function checkSeLinuxChangePolicy(ctx: CheckContext, field: WrittenField | undefined): void {
  const value = typeof field?.value === 'string' ? field.value : undefined;
  if (value === undefined || value === '' || SELINUX_CHANGE_POLICIES.includes(value)) return;
  ctx.report(invalidEnumRule, {
    message: `seLinuxChangePolicy \`${value}\` is not one of ${SELINUX_CHANGE_POLICIES.join(', ')}; the API server rejects it.`,
    ...spanOf(field!.node)!,
  });
}

function checkId(ctx: CheckContext, field: WrittenField | undefined, name: string, owner: string): void {
  const id = intOf(field?.node);
  if (id === undefined || (id >= 0 && id <= MAX_ID)) return;
  ctx.report(securityIdRangeRule, {
    message: `${name} ${id} of ${owner} is not a ${name === 'runAsUser' ? 'user' : 'group'} ID: IDs are 0 to ${MAX_ID}, so the API server rejects it.`,
    ...spanOf(field!.node)!,
  });
}

function checkEscalation(ctx: CheckContext, own: ReadonlyMap<string, WrittenField>, contextKey: Node | undefined, label: string): void {
  const escalation = own.get('allowPrivilegeEscalation');
  if (!escalation || escalation.value !== false || !contextKey) return;
  const privileged = own.get('privileged');
  const sysAdmin = [...(isSeq(valueOf(own.get('capabilities')?.node, 'add')) ? (valueOf(own.get('capabilities')?.node, 'add') as { items: unknown[] }).items : [])].find((n) => scalarString(n) === 'CAP_SYS_ADMIN');
  const causes: [string, Span | undefined][] = [];
  if (privileged && privileged.value === true) causes.push(['privileged: true', spanOf(privileged.key)]);
  if (sysAdmin) causes.push(['capability CAP_SYS_ADMIN', spanOf(sysAdmin)]);
  for (const [cause, span] of causes) {
    ctx.report(privilegeEscalationRule, {
      message: sentence(`${label} sets allowPrivilegeEscalation: false beside ${cause}, which can always gain privileges; the API server rejects the contradiction. Remove ${cause.startsWith('privileged') ? 'privileged' : 'CAP_SYS_ADMIN'} if the container should not gain privileges, or remove allowPrivilegeEscalation.`),
      ...spanOf(contextKey)!,
      related: [span && { ...span, message: cause }, { ...spanOf(escalation.key)!, message: 'allowPrivilegeEscalation: false' }].filter((r): r is Span & { message: string } => !!r),
    });
  }
}

function checkProfile(ctx: CheckContext, field: WrittenField | undefined, kind: 'seccomp' | 'AppArmor'): void {
  if (!field || !isMap(field.node)) return;
  const type = scalarString(valueOf(field.node, 'type'));
  const localPair = pairOf(field.node, 'localhostProfile');
  const local = localPair && isScalar(localPair.value) && localPair.value.value !== null ? scalarString(localPair.value) : undefined;
  const fieldName = kind === 'seccomp' ? 'seccompProfile' : 'appArmorProfile';
  if (type === 'Localhost') {
    if (local === undefined || (kind === 'AppArmor' && local.trim() === '')) {
      ctx.report(securityProfileRule, {
        message: `${fieldName} of type Localhost names no localhostProfile: say which profile file on the node to load. The API server rejects it.`,
        ...((localPair ? spanOf(localPair.key) : undefined) ?? spanOf(field.key)!),
      });
      return;
    }
    const span = spanOf(localPair!.value)!;
    if (kind === 'seccomp') {
      const problem = descendingPathProblem(local);
      if (problem) ctx.report(securityProfileRule, { message: `seccompProfile.localhostProfile \`${local}\` is not a path inside the kubelet's seccomp directory: ${problem}. The API server rejects it.`, ...span });
    } else if (local.trim() !== local) {
      ctx.report(securityProfileRule, { message: 'appArmorProfile.localhostProfile has spaces around the name; the API server rejects a padded profile name.', ...span });
    } else if (local.length > 4095) {
      ctx.report(securityProfileRule, { message: `appArmorProfile.localhostProfile is ${local.length} characters long; at most 4095 are allowed.`, ...span });
    }
  } else if (localPair && type !== undefined && type !== '') {
    ctx.report(securityProfileRule, {
      message: `localhostProfile is only for ${fieldName} of type Localhost; with type ${type} the API server rejects it. Remove it, or set type: Localhost.`,
      ...spanOf(localPair.key)!,
    });
  }
}

const NET_PREFIX = /^net[./]/;
const IPC_SYSCTL = /^(kernel[./]shm|kernel[./]msg|kernel[./]sem$|fs[./]mqueue[./])/;

function checkSysctls(ctx: CheckContext, pod: PodModel, field: WrittenField | undefined): void {
  if (!field) return;
  const seen = new Map<string, Span>();
  for (const [entry] of mapItems(field.node)) {
    const nameNode = valueOf(entry, 'name');
    const name = scalarString(nameNode);
    const span = spanOf(nameNode);
    if (name === undefined || name === '' || !span) continue; // missing or empty: the schema check
    if (name.length > 253 || !validSysctlName(name)) {
      ctx.report(sysctlRule, { message: `\`${name}\` is not a sysctl name: lowercase dot- or slash-separated parts of letters, digits, '-' and '_' (such as net.core.somaxconn), at most 253 characters. The API server rejects it.`, ...span });
      continue;
    }
    const first = seen.get(name);
    if (first) {
      ctx.report(sysctlRule, { message: `sysctl \`${name}\` is set twice; the API server rejects the repeat. Keep one entry.`, ...span, related: [{ ...first, message: 'first set here' }] });
    } else {
      seen.set(name, span);
    }
    if (pod.hostNetwork && NET_PREFIX.test(name)) {
      ctx.report(sysctlRule, { message: `sysctl \`${name}\` belongs to the network namespace, which this Pod shares with the node (hostNetwork: true): setting it would change the node's network. The API server rejects it.`, ...span });
    } else if (pod.hostIPC && IPC_SYSCTL.test(name)) {
      ctx.report(sysctlRule, { message: `sysctl \`${name}\` belongs to the IPC namespace, which this Pod shares with the node (hostIPC: true); the API server rejects it.`, ...span });
    }
  }
}

/**
 * The sysctl grammar (lowercase parts of letters, digits, '-' and '_', starting and ending with a letter or digit,
 * joined by '.' or '/'), checked character by character so that a long name costs one pass.
 */
function validSysctlName(name: string): boolean {
  for (const part of name.split(/[./]/)) {
    if (part.length === 0 || !isLowerAlnum(part[0]) || !isLowerAlnum(part[part.length - 1])) return false;
    for (const ch of part) if (!isLowerAlnum(ch) && ch !== '-' && ch !== '_') return false;
  }
  return true;
}

function isLowerAlnum(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

function checkHostNamespaces(ctx: CheckContext, pod: PodModel): void {
  if (pod.hostUsers === false) {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (!pod[field]) continue;
      // The API server names spec.hostNetwork, but spec.HostPID and spec.HostIPC (spelled as in its Go types), which
      // no manifest has: those two land on the PodSpec, relating the field.
      const own = keySpan(pod.podSpec, field)!;
      ctx.report(hostNamespacesRule, {
        message: `${field}: true cannot be combined with hostUsers: false: a Pod in its own user namespace cannot share the node's ${field.slice(4)} namespace, so the API server rejects it. Remove one of them.`,
        ...(field === 'hostNetwork' ? own : (spanOf(pod.podSpecKey) ?? own)),
        related: [...(field === 'hostNetwork' ? [] : [{ ...own, message: `${field}: true` }]), { ...keySpan(pod.podSpec, 'hostUsers')!, message: 'hostUsers: false' }],
      });
    }
  }
  if (pod.hostPID && pod.shareProcessNamespace) {
    // The API server names securityContext.shareProcessNamespace (where its Go types keep it): the Pod's
    // securityContext when it has one, else the PodSpec; the field itself is related.
    const own = spanOf(valueOf(pod.podSpec, 'shareProcessNamespace'))!;
    ctx.report(hostNamespacesRule, {
      message: 'shareProcessNamespace: true cannot be combined with hostPID: true: a Pod in the node\'s PID namespace already sees every process, so the API server rejects both together. Keep one of them.',
      ...(keySpan(pod.podSpec, 'securityContext') ?? spanOf(pod.podSpecKey) ?? own),
      related: [{ ...own, message: 'shareProcessNamespace: true' }, { ...keySpan(pod.podSpec, 'hostPID')!, message: 'hostPID: true' }],
    });
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/;
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_DOMAIN_PART = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const BAD_USER_CHARS = /["/\\:;|=,+*?<>@[\]]/;

function checkWindowsOptions(ctx: CheckContext, field: WrittenField | undefined): void {
  if (!field || !isMap(field.node)) return;
  const say = (key: string, message: string) => {
    const node = valueOf(field.node, key);
    const span = spanOf(node) ?? keySpan(field.node, key);
    if (span) ctx.report(windowsOptionsRule, { message: `windowsOptions.${key}: ${message} The API server rejects it.`, ...span });
  };
  const specName = scalarString(valueOf(field.node, 'gmsaCredentialSpecName'));
  if (specName !== undefined) {
    const problem = dns1123SubdomainProblem(specName);
    if (problem) say('gmsaCredentialSpecName', `\`${specName}\` is not the name of a GMSACredentialSpec (a DNS subdomain): ${problem}.`);
  }
  const spec = scalarString(valueOf(field.node, 'gmsaCredentialSpec'));
  if (spec !== undefined && spec.length === 0) say('gmsaCredentialSpec', 'it is empty; give the credential spec, or remove the field.');
  else if (spec !== undefined && spec.length > 64 * 1024) say('gmsaCredentialSpec', 'it is larger than 64 KiB.');
  const user = scalarString(valueOf(field.node, 'runAsUserName'));
  if (user !== undefined) {
    const problem = windowsUserProblem(user);
    if (problem) say('runAsUserName', `\`${user}\` ${problem}.`);
  }
}

function windowsUserProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (CONTROL.test(value)) return 'contains control characters';
  const parts = value.split('\\');
  if (parts.length > 2) return 'has more than one backslash; write DOMAIN\\USER or USER';
  const [domain, user] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (domain !== undefined) {
    if (domain.length >= 256) return 'has a domain of 256 characters or more';
    const dns = domain.split('.').every((p) => DNS_DOMAIN_PART.test(p));
    if (!NETBIOS.test(domain) && !dns) return 'has a domain that is neither a NetBIOS name nor a DNS name';
  }
  if (user.length === 0) return 'has an empty user name';
  if (user.length > 104) return 'has a user name longer than 104 characters';
  if (/^[. ]+$/.test(user)) return 'has a user name of only periods or spaces';
  if (BAD_USER_CHARS.test(user)) return 'has a user name with one of the characters " / \\ : ; | = , + * ? < > @ [ ]';
  return undefined;
}

/** hostProcess: one value for the whole Pod, every container a host process, on the node's network. */
function checkHostProcess(ctx: CheckContext, pod: PodModel): void {
  const security = podSecurityOf(pod);
  const podNode = valueOf(security.own.get('windowsOptions')?.node, 'hostProcess');
  const podValue = isScalar(podNode) && typeof podNode.value === 'boolean' ? podNode.value : undefined;
  let hostProcess = 0;
  let total = 0;
  let firstHostProcess: Span | undefined;
  for (const c of security.containers) {
    if (c.container.list === 'ephemeralContainers') continue;
    total++;
    const node = valueOf(c.own.get('windowsOptions')?.node, 'hostProcess');
    const value = isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
    if (podValue !== undefined && value !== undefined && value !== podValue) {
      ctx.report(windowsOptionsRule, {
        message: sentence(`${containerLabel(c.container)} sets hostProcess: ${value}, but the Pod sets ${podValue}; where both are set they must be the same. The API server rejects it.`),
        ...spanOf(node)!,
        related: [{ ...spanOf(podNode)!, message: 'the Pod\'s hostProcess' }],
      });
    }
    if (value ?? podValue) {
      hostProcess++;
      firstHostProcess ??= spanOf(node) ?? spanOf(podNode);
    }
  }
  if (hostProcess === 0) return;
  if (hostProcess !== total) {
    ctx.report(windowsOptionsRule, {
      message: `Only ${hostProcess} of the Pod's ${total} containers are Windows host processes; a Pod with one must run all its containers as host processes. The API server rejects it: set windowsOptions.hostProcess: true on the Pod.`,
      ...(spanOf(pod.podSpecKey) ?? firstHostProcess!),
      related: firstHostProcess ? [{ ...firstHostProcess, message: 'a host process' }] : undefined,
    });
  }
  if (!pod.hostNetwork) {
    ctx.report(windowsOptionsRule, {
      message: 'A Pod with Windows host-process containers must be on the node\'s network: set hostNetwork: true. The API server rejects it otherwise.',
      ...(keySpan(pod.podSpec, 'hostNetwork') ?? spanOf(pod.podSpecKey) ?? firstHostProcess!),
      related: firstHostProcess ? [{ ...firstHostProcess, message: 'a host process' }] : undefined,
    });
  }
}

const WINDOWS_FORBIDDEN_POD = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'fsGroup', 'fsGroupChangePolicy', 'sysctls', 'runAsUser', 'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy'];
const WINDOWS_FORBIDDEN_CONTAINER = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup'];

function checkOs(ctx: CheckContext, pod: PodModel): void {
  const os = pairOf(pod.podSpec, 'os');
  if (!os || !isMap(os.value)) return;
  const name = pod.osName;
  if (name === undefined || name === '') return; // missing or empty: the schema check
  if (name !== 'linux' && name !== 'windows') {
    ctx.report(osFieldsRule, {
      message: `os.name \`${name}\` is not an operating system the API knows: write linux or windows. The API server rejects it.`,
      ...spanOf(os.key)!,
      related: [{ ...spanOf(valueOf(os.value, 'name'))!, message: 'the name' }],
    });
    return;
  }
  const security = podSecurityOf(pod);
  const forbid = (span: Span | undefined, field: string, where: string) => {
    if (!span) return;
    ctx.report(osFieldsRule, {
      message: name === 'linux'
        ? `${field} is for Windows; this Pod says os.name: linux, so the API server rejects windowsOptions ${where}. Remove it, or set os.name: windows.`
        : `${field} cannot be set ${where} of a Pod with os.name: windows: it is a Linux setting, so the API server rejects it. Remove it, or correct os.name.`,
      ...span,
    });
  };
  if (name === 'linux') {
    forbid(spanOf(security.own.get('windowsOptions')?.key), 'windowsOptions', 'in the Pod\'s securityContext');
    for (const c of security.containers) forbid(spanOf(c.own.get('windowsOptions')?.key), 'windowsOptions', `in ${containerLabel(c.container)}`);
    return;
  }
  for (const field of ['hostUsers', 'hostPID', 'hostIPC', 'shareProcessNamespace'] as const) {
    const pair = pairOf(pod.podSpec, field);
    const set = field === 'hostUsers' || field === 'shareProcessNamespace' ? pair && isScalar(pair.value) && pair.value.value !== null : pod[field];
    if (set) forbid(spanOf((pair as Pair<unknown, unknown>).key), field, 'in the PodSpec');
  }
  // In the order written, so the findings read top to bottom.
  for (const [field, written] of security.own) if (WINDOWS_FORBIDDEN_POD.includes(field)) forbid(spanOf(written.key), field, 'in the Pod\'s securityContext');
  for (const c of security.containers) {
    for (const [field, written] of c.own) if (WINDOWS_FORBIDDEN_CONTAINER.includes(field)) forbid(spanOf(written.key), field, `in the securityContext of ${containerLabel(c.container)}`);
  }
}
