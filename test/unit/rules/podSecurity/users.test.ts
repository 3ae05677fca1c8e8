import { hardened, pod, pssTable } from './support';

const seccomp = ['    seccompProfile: {type: RuntimeDefault}'];

/** runAsNonRoot and runAsUser: the Pod's value is inherited unless a container overrides it. */
describe('rules: Pod Security Standard, users', () => {
  pssTable('pss-run-as-non-root', [
    {
      title: 'neither the Pod nor the containers: one finding per container, init and sidecar included',
      manifest: pod(
        '  initContainers:',
        '    - name: seed',
        '      image: app:1',
        '      «securityContext»: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
        '    - name: «proxy»',
        '      image: envoy:1',
        '      restartPolicy: Always',
        '  containers:',
        '    - name: web',
        '      image: app:1',
        '      «securityContext»: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
      ),
      says: /^Pod Security Standard restricted, control "Running as Non-root": (Init container `seed`|Native sidecar `proxy`|Container `web`) may run as root: neither it nor the Pod sets runAsNonRoot: true\./,
    },
    { title: 'silent: the Pod sets true and no container overrides it', manifest: pod('  securityContext:', '    runAsNonRoot: true', ...seccomp, '  initContainers:', ...hardened('seed'), '  containers:', ...hardened('web')) },
    {
      title: 'a container that overrides the Pod\'s true with false',
      manifest: pod('  securityContext:', '    runAsNonRoot: true', '  containers:', ...hardened('web'), '        runAsNonRoot: «false»'),
      says: /Container `web` sets runAsNonRoot: false, overriding the Pod's true\. .*Set it to true, or remove it so that the Pod's true applies\./,
    },
    {
      title: 'the Pod sets false: one finding on the Pod, the containers that inherit it are not repeated',
      manifest: pod('  securityContext:', '    runAsNonRoot: «false»', '  containers:', ...hardened('web'), ...hardened('api'), '        runAsNonRoot: true'),
      says: /The Pod sets runAsNonRoot: false, the default of every container that does not set its own\./,
    },
    { title: 'silent: every container sets true itself', manifest: pod('  containers:', ...hardened('web'), '        runAsNonRoot: true', ...hardened('api'), '        runAsNonRoot: true') },
    { title: 'silent at baseline', level: 'baseline', manifest: pod('  containers: [{name: web, image: app:1}]') },
    { title: 'silent for a Pod with its own user namespace (hostUsers: false) from 1.35', manifest: pod('  hostUsers: false', '  containers: [{name: web, image: app:1}]') },
    { title: 'but reported for it when targeting 1.34', version: '1.34', manifest: pod('  hostUsers: false', '  containers: [{name: «web», image: app:1}]'), says: /may run as root/ },
  ]);

  pssTable('pss-run-as-user', [
    {
      title: 'runAsUser 0 on the Pod and on a container; 1000 is fine',
      manifest: pod('  securityContext:', '    runAsUser: «0»', '    runAsNonRoot: true', '  containers:', ...hardened('web'), '        runAsUser: «0»', ...hardened('api'), '        runAsUser: 1000'),
      says: /control "Running as Non-root user": (The Pod sets runAsUser: 0 \(root\)|Container `web` sets runAsUser: 0)/,
    },
    { title: 'silent: unset', manifest: pod('  containers: [{name: web, image: app:1}]') },
    { title: 'silent at baseline', level: 'baseline', manifest: pod('  securityContext: {runAsUser: 0}', '  containers: [{name: web, image: app:1}]') },
  ]);
});
