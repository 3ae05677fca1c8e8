import { hardened, pod, podDefaults, pssTable } from './support';

/** Privileged containers, capabilities and privilege escalation: per container, init containers and sidecars included. */
describe('rules: Pod Security Standard, privileges', () => {
  pssTable('pss-privileged', [
    {
      title: 'privileged: true in an app container and in an init container, at baseline',
      level: 'baseline',
      manifest: pod(
        '  initContainers:',
        '    - name: setup',
        '      image: busybox:1.36',
        '      securityContext: {privileged: «true»}',
        '  containers:',
        '    - name: web',
        '      image: app:1',
        '      securityContext:',
        '        privileged: «true»',
      ),
      says: /^Pod Security Standard baseline, control "Privileged Containers": (Init container `setup`|Container `web`) runs privileged/,
    },
    { title: 'an ephemeral container counts too', level: 'baseline', manifest: pod('  containers: [{name: web, image: app:1}]', '  ephemeralContainers:', '    - name: debug', '      image: busybox:1.36', '      securityContext: {privileged: «true»}'), says: /Ephemeral container `debug` runs privileged/ },
    { title: 'silent: privileged false', level: 'baseline', manifest: pod('  containers:', '    - name: web', '      image: app:1', '      securityContext: {privileged: false}') },
  ]);

  pssTable('pss-capabilities', [
    {
      title: 'baseline: only capabilities beyond the default set',
      level: 'baseline',
      manifest: pod('  containers:', '    - name: web', '      image: app:1', '      securityContext:', '        capabilities:', '          add: [CHOWN, «NET_ADMIN», «SYS_ADMIN», NET_BIND_SERVICE]'),
      says: /^Pod Security Standard baseline, control "Capabilities": Container `web` adds capability (NET_ADMIN|SYS_ADMIN), which is beyond the default set/,
    },
    {
      title: 'restricted: CHOWN is a restricted finding, NET_RAW a baseline one, NET_BIND_SERVICE is allowed',
      manifest: pod(...podDefaults, '  containers:', '    - name: web', '      image: app:1', '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '          add: [«CHOWN», «NET_RAW», NET_BIND_SERVICE]'),
      says: /Container `web` adds capability (CHOWN; restricted lets a container add only NET_BIND_SERVICE|NET_RAW, which is beyond the default set)/,
    },
    {
      title: 'restricted: drop ALL missing, on the drop key, the capabilities key, the securityContext key or the name',
      manifest: pod(
        ...podDefaults,
        '  initContainers:',
        '    - name: «proxy»',
        '      image: envoy:1',
        '      restartPolicy: Always',
        '  containers:',
        '    - name: a',
        '      image: app:1',
        '      «securityContext»:',
        '        allowPrivilegeEscalation: false',
        '    - name: b',
        '      image: app:1',
        '      securityContext:',
        '        allowPrivilegeEscalation: false',
        '        «capabilities»: {add: [NET_BIND_SERVICE]}',
        '    - name: c',
        '      image: app:1',
        '      securityContext:',
        '        allowPrivilegeEscalation: false',
        '        capabilities:',
        '          «drop»: [NET_RAW]',
      ),
      says: /control "Capabilities": (Native sidecar `proxy`|Container `[abc]`) does not drop ALL capabilities.*Set securityContext\.capabilities\.drop: \[ALL\]/,
    },
    { title: 'silent at restricted: drop ALL in every container', manifest: pod(...podDefaults, '  containers:', ...hardened('web'), ...hardened('api')) },
    { title: 'silent at baseline: nothing dropped', level: 'baseline', manifest: pod('  containers: [{name: web, image: app:1}]') },
    { title: 'silent at restricted for a Windows Pod', manifest: pod('  os: {name: windows}', '  securityContext: {runAsNonRoot: true}', '  containers: [{name: web, image: app:1}]') },
  ]);

  pssTable('pss-privilege-escalation', [
    {
      title: 'missing in a container (on its securityContext key), true in another (on the value)',
      manifest: pod(
        ...podDefaults,
        '  containers:',
        '    - name: a',
        '      image: app:1',
        '      «securityContext»:',
        '        capabilities: {drop: [ALL]}',
        '    - name: b',
        '      image: app:1',
        '      securityContext:',
        '        allowPrivilegeEscalation: «true»',
        '        capabilities: {drop: [ALL]}',
      ),
      says: /^Pod Security Standard restricted, control "Privilege Escalation": Container `(a` does not set allowPrivilegeEscalation, which defaults to true|b` sets allowPrivilegeEscalation: true)/,
    },
    { title: 'an init container without a securityContext: on its name', manifest: pod(...podDefaults, '  initContainers:', '    - name: «migrate»', '      image: app:1', '  containers:', ...hardened('web')), says: /Init container `migrate` does not set allowPrivilegeEscalation/ },
    { title: 'silent at baseline', level: 'baseline', manifest: pod('  containers: [{name: web, image: app:1}]') },
    { title: 'silent: false everywhere', manifest: pod(...podDefaults, '  containers:', ...hardened('web')) },
  ]);
});
