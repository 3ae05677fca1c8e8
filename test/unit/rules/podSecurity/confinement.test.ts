import { lines } from '../support';
import { hardened, pod, pssTable } from './support';

/** AppArmor, SELinux, seccomp, /proc and sysctls: shared profiles are inherited from the Pod unless overridden. */
describe('rules: Pod Security Standard, confinement', () => {
  pssTable('pss-apparmor', [
    {
      title: 'Unconfined on the Pod and on a container, on the type value',
      level: 'baseline',
      manifest: pod('  securityContext:', '    appArmorProfile: {type: «Unconfined»}', '  containers:', '    - name: web', '      image: app:1', '      securityContext:', '        appArmorProfile:', '          type: «Unconfined»'),
      says: /^Pod Security Standard baseline, control "AppArmor": (The Pod|Container `web`) sets AppArmor profile type Unconfined/,
    },
    {
      title: 'the older annotation on a Deployment\'s template',
      level: 'baseline',
      manifest: lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: d}',
        'spec:',
        '  selector: {matchLabels: {app: d}}',
        '  template:',
        '    metadata:',
        '      labels: {app: d}',
        '      annotations:',
        '        container.apparmor.security.beta.kubernetes.io/web: «unconfined»',
        '        container.apparmor.security.beta.kubernetes.io/side: localhost/custom',
        '    spec:',
        '      containers: [{name: web, image: app:1}, {name: side, image: app:1}]',
      ),
      says: /The annotation container\.apparmor\.security\.beta\.kubernetes\.io\/web sets AppArmor profile `unconfined`/,
    },
    { title: 'silent: RuntimeDefault and Localhost', level: 'baseline', manifest: pod('  securityContext: {appArmorProfile: {type: RuntimeDefault}}', '  containers:', '    - name: web', '      image: app:1', '      securityContext: {appArmorProfile: {type: Localhost, localhostProfile: k8s-web}}') },
  ]);

  pssTable('pss-selinux', [
    {
      title: 'a type outside the container types, a user and a role',
      level: 'baseline',
      manifest: pod('  securityContext:', '    seLinuxOptions: {type: «spc_t»}', '  containers:', '    - name: web', '      image: app:1', '      securityContext:', '        seLinuxOptions: {user: «system_u», role: «system_r», level: "s0:c123,c456"}'),
      says: /control "SELinux": (The Pod sets SELinux type spc_t|Container `web` sets an SELinux (user|role))/,
    },
    { title: 'container_engine_t is allowed from 1.31', level: 'baseline', manifest: pod('  securityContext: {seLinuxOptions: {type: container_engine_t, level: "s0:c1,c2"}}', '  containers: [{name: web, image: app:1}]') },
    { title: 'container_engine_t is reported when targeting 1.30', level: 'baseline', version: '1.30', manifest: pod('  securityContext: {seLinuxOptions: {type: «container_engine_t»}}', '  containers: [{name: web, image: app:1}]'), says: /Use one of container_t, container_init_t, container_kvm_t,/ },
  ]);

  pssTable('pss-seccomp', [
    {
      title: 'baseline: Unconfined on the Pod and on a container; missing is fine',
      level: 'baseline',
      manifest: pod('  securityContext:', '    seccompProfile: {type: «Unconfined»}', '  containers:', '    - name: web', '      image: app:1', '      securityContext: {seccompProfile: {type: «Unconfined»}}', '    - name: api', '      image: app:1'),
      says: /^Pod Security Standard baseline, control "Seccomp": (The Pod|Container `web`) sets seccomp profile Unconfined/,
    },
    {
      title: 'restricted: no profile anywhere, one per container (init and ephemeral count)',
      manifest: pod(
        '  securityContext: {runAsNonRoot: true}',
        '  initContainers:',
        '    - name: «seed»',
        '      image: app:1',
        '  containers:',
        '    - name: web',
        '      image: app:1',
        '      «securityContext»: {allowPrivilegeEscalation: false}',
        '  ephemeralContainers:',
        '    - name: «debug»',
        '      image: busybox:1.36',
      ),
      says: /^Pod Security Standard restricted, control "Seccomp": (Init container `seed`|Container `web`|Ephemeral container `debug`) has no seccomp profile: neither it nor the Pod sets one/,
    },
    { title: 'silent at restricted: the Pod\'s RuntimeDefault is inherited by every container', manifest: pod('  securityContext:', '    runAsNonRoot: true', '    seccompProfile: {type: RuntimeDefault}', '  initContainers:', ...hardened('seed'), '  containers:', ...hardened('web')) },
    { title: 'silent at restricted: each container sets Localhost itself', manifest: pod('  containers:', ...hardened('web'), '        seccompProfile: {type: Localhost, localhostProfile: web.json}') },
    {
      title: 'restricted: a container overriding the Pod\'s RuntimeDefault with Unconfined',
      manifest: pod('  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}', '  containers:', ...hardened('web'), '        seccompProfile: {type: «Unconfined»}'),
      says: /baseline \(so also restricted\), control "Seccomp": Container `web` sets seccomp profile Unconfined/,
    },
    { title: 'silent at restricted for a Windows Pod', manifest: pod('  os: {name: windows}', '  containers: [{name: web, image: app:1}]') },
  ]);

  const unmasked = (...extra: string[]) => pod(...extra, '  containers:', '    - name: web', '      image: app:1', '      securityContext: {procMount: «Unmasked»}');
  pssTable('pss-proc-mount', [
    { title: 'baseline: Unmasked', level: 'baseline', manifest: unmasked(), says: /^Pod Security Standard baseline, control "\/proc Mount Type": Container `web` sets procMount: Unmasked/ },
    { title: 'baseline allows it in a Pod with its own user namespace (1.35+)', level: 'baseline', manifest: unmasked('  hostUsers: false').replace(/[«»]/g, '') },
    { title: 'but restricted does not', manifest: unmasked('  hostUsers: false'), says: /^Pod Security Standard restricted, control "\/proc Mount Type"/ },
    { title: 'and baseline did not before 1.35', level: 'baseline', version: '1.34', manifest: unmasked('  hostUsers: false'), says: /baseline, control "\/proc Mount Type"/ },
    { title: 'silent: Default', level: 'baseline', manifest: pod('  containers:', '    - name: web', '      image: app:1', '      securityContext: {procMount: Default}') },
  ]);

  pssTable('pss-sysctls', [
    {
      title: 'an unsafe sysctl, on its name; the safe ones pass',
      level: 'baseline',
      manifest: pod('  securityContext:', '    sysctls:', '      - name: «net.core.somaxconn»', '        value: "1024"', '      - name: net.ipv4.ip_local_port_range', '        value: "1024 65000"', '      - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}', '  containers: [{name: web, image: app:1}]'),
      says: /control "Sysctls": Sysctl net\.core\.somaxconn is not in the safe set/,
    },
    { title: 'tcp_rmem is unsafe when targeting 1.31 (safe from 1.32)', level: 'baseline', version: '1.31', manifest: pod('  securityContext:', '    sysctls: [{name: «net.ipv4.tcp_rmem», value: "1"}]', '  containers: [{name: web, image: app:1}]'), says: /net\.ipv4\.tcp_rmem is not in the safe set/ },
  ]);
});
