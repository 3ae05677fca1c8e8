/**
 * Security settings as the API server checks them (upstream: ValidateSecurityContext, validatePodSpecSecurityContext,
 * validateSeccompProfileField, ValidateAppArmorProfileField, validateSysctls, validateHostUsers,
 * validateWindowsSecurityContextOptions, validateWindowsHostProcessPod, validateOS/validateLinux/validateWindows,
 * validateSeccompAnnotationsAndFields, ValidateAppArmorPodAnnotations; tests TestValidateSecurityContext,
 * TestValidatePodSpec's security cases, TestValidateSysctls, TestValidateWindowsSecurityContextOptions,
 * TestValidateOSFields, TestValidateSeccompAnnotationsAndFields, TestValidateAppArmorProfileFormat...).
 */
import { lines, ruleTable } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);
const web = (...context: string[]) => ['  containers:', '    - name: web', '      image: nginx:1.27', '      securityContext:', ...context.map((l) => `        ${l}`)];

describe('rules: security contexts', () => {
  ruleTable('security-id-range', 1, [
    { title: 'a negative runAsUser in a container', manifest: pod(...web('runAsUser: «-1»')), says: /runAsUser -1 of container `web` is not a user ID/ },
    { title: 'runAsGroup above 2^31-1', manifest: pod(...web('runAsGroup: «2147483648»')), says: /not a group ID/ },
    { title: 'a negative fsGroup and supplemental group on the Pod', manifest: pod('  securityContext:', '    fsGroup: «-1»', '    supplementalGroups: [1000, «-2»]', ...web('runAsUser: 1000')), says: /of the Pod/ },
    { title: 'silent: 0 and 2147483647', manifest: pod('  securityContext:', '    runAsUser: 0', '    fsGroup: 2147483647', ...web('runAsGroup: 0')) },
  ]);

  ruleTable('privilege-escalation-conflict', 1, [
    { title: 'privileged with allowPrivilegeEscalation false (on securityContext)', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      «securityContext»:', '        privileged: true', '        allowPrivilegeEscalation: false'), says: /beside privileged: true/ },
    { title: 'CAP_SYS_ADMIN with allowPrivilegeEscalation false', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      «securityContext»:', '        allowPrivilegeEscalation: false', '        capabilities:', '          add: [CAP_SYS_ADMIN]'), says: /CAP_SYS_ADMIN/ },
    { title: 'silent: SYS_ADMIN without the CAP_ prefix is another string to the API server', manifest: pod(...web('allowPrivilegeEscalation: false', 'capabilities:', '  add: [SYS_ADMIN]')) },
    { title: 'silent: privileged with escalation allowed', manifest: pod(...web('privileged: true', 'allowPrivilegeEscalation: true')) },
  ]);

  ruleTable('proc-mount', 1, [
    { title: 'Unmasked without a user namespace', manifest: pod(...web('procMount: «Unmasked»')), says: /spec.hostUsers: false/ },
    { title: 'silent: Unmasked with hostUsers false', manifest: pod('  hostUsers: false', ...web('procMount: Unmasked')) },
    { title: 'silent: Default', manifest: pod(...web('procMount: Default')) },
  ]);

  ruleTable('security-profile', 1, [
    { title: 'seccomp Localhost without a profile (on seccompProfile)', manifest: pod(...web('«seccompProfile»:', '  type: Localhost')), says: /names no localhostProfile/ },
    { title: 'seccomp localhostProfile with RuntimeDefault', manifest: pod(...web('seccompProfile:', '  type: RuntimeDefault', '  «localhostProfile»: p.json')), says: /only for seccompProfile of type Localhost/ },
    { title: 'seccomp localhostProfile climbing out', manifest: pod(...web('seccompProfile:', '  type: Localhost', '  localhostProfile: «../p.json»')), says: /'\.\.' step/ },
    { title: 'AppArmor Localhost without a profile on the Pod', manifest: pod('  securityContext:', '    «appArmorProfile»:', '      type: Localhost', ...web('runAsUser: 1')), says: /appArmorProfile of type Localhost names no localhostProfile/ },
    { title: 'AppArmor profile padded with spaces', manifest: pod(...web('appArmorProfile:', '  type: Localhost', '  localhostProfile: «" p "»')), says: /padded/ },
    { title: 'AppArmor localhostProfile with Unconfined', manifest: pod(...web('appArmorProfile:', '  type: Unconfined', '  «localhostProfile»: p')), says: /only for appArmorProfile of type Localhost/ },
    { title: 'silent: valid profiles', manifest: pod(...web('seccompProfile:', '  type: Localhost', '  localhostProfile: profiles/audit.json', 'appArmorProfile:', '  type: RuntimeDefault')) },
  ]);

  ruleTable('security-profile', 1, [
    {
      title: 'a seccomp annotation that is not a profile',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  annotations:', '    «seccomp.security.alpha.kubernetes.io/pod»: foo', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27'),
      says: /is not a seccomp profile/,
    },
    {
      title: 'seccomp field and annotation disagree (on the type)',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  annotations:', '    container.seccomp.security.alpha.kubernetes.io/web: unconfined', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      securityContext:', '        seccompProfile:', '          type: «RuntimeDefault»'),
      says: /disagrees with the annotation/,
    },
    {
      title: 'an AppArmor annotation of a container the Pod does not have, and of a bad value',
      manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}', '      annotations:', '        «container.apparmor.security.beta.kubernetes.io/api»: runtime/default', '        «container.apparmor.security.beta.kubernetes.io/web»: default', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27'),
      says: /does not have|not an AppArmor profile/,
    },
    {
      title: 'AppArmor localhost profiles that disagree (the container inherits the Pod\'s field)',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  annotations:', '    container.apparmor.security.beta.kubernetes.io/web: localhost/a', 'spec:', '  securityContext:', '    appArmorProfile:', '      type: Localhost', '      localhostProfile: «b»', '  containers:', '    - name: web', '      image: nginx:1.27'),
      says: /localhostProfile disagrees/,
    },
    {
      title: 'silent: agreeing fields and annotations',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  annotations:', '    seccomp.security.alpha.kubernetes.io/pod: docker/default', '    container.apparmor.security.beta.kubernetes.io/web: localhost/a', 'spec:', '  securityContext:', '    seccompProfile: {type: RuntimeDefault}', '  containers:', '    - name: web', '      image: nginx:1.27', '      securityContext:', '        appArmorProfile: {type: Localhost, localhostProfile: a}'),
    },
  ]);

  ruleTable('sysctl', 1, [
    { title: 'a name of the wrong form', manifest: pod('  securityContext:', '    sysctls:', '      - name: «Net.Core.X»', '        value: "1"', ...web('runAsUser: 1')), says: /not a sysctl name/ },
    { title: 'a repeated name', manifest: pod('  securityContext:', '    sysctls:', '      - {name: kernel.shm_rmid_forced, value: "1"}', '      - {name: «kernel.shm_rmid_forced», value: "0"}', ...web('runAsUser: 1')), says: /set twice/ },
    { title: 'a net sysctl with hostNetwork', manifest: pod('  hostNetwork: true', '  securityContext:', '    sysctls:', '      - {name: «net.core.somaxconn», value: "1024"}', ...web('runAsUser: 1')), says: /network namespace/ },
    { title: 'an IPC sysctl with hostIPC', manifest: pod('  hostIPC: true', '  securityContext:', '    sysctls:', '      - {name: «kernel.msgmax», value: "1"}', ...web('runAsUser: 1')), says: /IPC namespace/ },
    { title: 'silent: slash-separated names and net sysctls in the Pod\'s own network', manifest: pod('  securityContext:', '    sysctls:', '      - {name: net/ipv4/ip_local_port_range, value: "1024 65535"}', '      - {name: kernel.shm_rmid_forced, value: "1"}', ...web('runAsUser: 1')) },
  ]);

  ruleTable('host-namespace-conflict', 1, [
    { title: 'hostUsers false with hostNetwork', manifest: pod('  hostUsers: false', '  «hostNetwork»: true', ...web('runAsUser: 1')), says: /hostNetwork: true cannot be combined with hostUsers: false/ },
    { title: 'hostPID with shareProcessNamespace (on the PodSpec without a securityContext)', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '«spec»:', '  hostPID: true', '  shareProcessNamespace: true', ...web('runAsUser: 1')), says: /shareProcessNamespace: true cannot be combined with hostPID/ },
    { title: 'hostPID with shareProcessNamespace (on the Pod\'s securityContext)', manifest: pod('  hostPID: true', '  shareProcessNamespace: true', '  «securityContext»: {runAsNonRoot: true}', ...web('runAsUser: 1')), says: /shareProcessNamespace/ },
    { title: 'hostUsers false with hostPID (on the PodSpec, as the API server names it)', manifest: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', '  selector: {matchLabels: {app: agent}}', '  template:', '    metadata: {labels: {app: agent}}', '    «spec»:', '      hostUsers: false', '      hostPID: true', '      containers:', '        - {name: agent, image: agent:1}'), says: /hostPID: true cannot be combined/ },
    { title: 'silent: hostUsers false alone', manifest: pod('  hostUsers: false', '  shareProcessNamespace: true', ...web('runAsUser: 1')) },
  ]);

  ruleTable('windows-options', 1, [
    { title: 'a GMSA spec name that is not a DNS name', manifest: pod(...web('windowsOptions:', '  gmsaCredentialSpecName: «Not_A_Name»')), says: /gmsaCredentialSpecName/ },
    { title: 'an empty GMSA spec', manifest: pod(...web('windowsOptions:', '  gmsaCredentialSpec: «""»')), says: /empty/ },
    { title: 'a user name with two backslashes', manifest: pod(...web('windowsOptions:', '  runAsUserName: «"a\\\\b\\\\c"»')), says: /more than one backslash/ },
    { title: 'a user name with a forbidden character', manifest: pod(...web('windowsOptions:', '  runAsUserName: «"us:er"»')), says: /user name with one of the characters/ },
    { title: 'a user name of only dots', manifest: pod(...web('windowsOptions:', '  runAsUserName: «"..."»')), says: /only periods or spaces/ },
    { title: 'a domain that is neither NetBIOS nor DNS', manifest: pod(...web('windowsOptions:', '  runAsUserName: «".dom\\\\user"»')), says: /neither a NetBIOS name nor a DNS name/ },
    {
      title: 'hostProcess on one container of two (on the PodSpec)',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '«spec»:', '  hostNetwork: true', '  containers:', '    - name: a', '      image: mcr.microsoft.com/windows/nanoserver:ltsc2022', '      securityContext:', '        windowsOptions: {hostProcess: true}', '    - name: b', '      image: mcr.microsoft.com/windows/nanoserver:ltsc2022'),
      says: /Only 1 of the Pod's 2 containers/,
    },
    {
      title: 'host processes without hostNetwork (on the PodSpec)',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '«spec»:', '  containers:', '    - name: a', '      image: mcr.microsoft.com/windows/nanoserver:ltsc2022', '      securityContext:', '        windowsOptions: {hostProcess: true}', '    - name: b', '      image: mcr.microsoft.com/windows/nanoserver:ltsc2022', '      securityContext:', '        windowsOptions: {hostProcess: true}'),
      says: /must be on the node's network/,
    },
    { title: 'silent: user names of both forms', manifest: pod(...web('windowsOptions:', '  runAsUserName: "NT AUTHORITY\\\\NETWORK SERVICE"', '  gmsaCredentialSpecName: webapp-1')) },
  ]);

  ruleTable('os-specific-field', 1, [
    { title: 'windowsOptions on a linux Pod', manifest: pod('  os: {name: linux}', ...web('«windowsOptions»:', '  runAsUserName: user')), says: /os.name: linux/ },
    { title: 'Linux fields on a windows Pod', manifest: pod('  os: {name: windows}', '  «hostPID»: true', '  securityContext:', '    «runAsUser»: 1', ...web('«privileged»: false', '«seccompProfile»: {type: RuntimeDefault}')), says: /windows/ },
    { title: 'an unknown os name (on os)', manifest: pod('  «os»:', '    name: macos', ...web('runAsUser: 1')), says: /linux or windows/ },
    { title: 'silent: windows Pod with windowsOptions, linux Pod with Linux fields', manifest: pod('  os: {name: windows}', ...web('windowsOptions: {runAsUserName: user}')) },
  ]);

  ruleTable('invalid-enum', 1, [
    { title: 'a seLinuxChangePolicy the API does not know', manifest: pod('  securityContext:', '    seLinuxChangePolicy: «Relabel»', ...web('runAsUser: 1')), says: /not one of Recursive, MountOption/ },
    { title: 'silent: MountOption', manifest: pod('  securityContext:', '    seLinuxChangePolicy: MountOption', ...web('runAsUser: 1')) },
  ]);
});
