import { ruleTable } from '../support';
import { atName, deploymentWith } from './support';

/** A container securityContext that passes every privilege practice. */
const hardened = ['securityContext:', '  allowPrivilegeEscalation: false', '  readOnlyRootFilesystem: true', '  runAsNonRoot: true', '  capabilities: {drop: [ALL]}'];
const withContext = (...context: string[]) => deploymentWith(['securityContext:', ...context.map((l) => `  ${l}`)]);
const atContext = (text: string) => text.replace('  securityContext:', '  «securityContext»:');

describe('rules: privilege practices', () => {
  ruleTable('privileged-container', 2, [
    { title: 'privileged: true', manifest: withContext('privileged: «true»'), says: /runs privileged/ },
    { title: 'silent: privileged: false', manifest: withContext('privileged: false') },
    { title: 'silent with the Pod Security setting on (pss-privileged reports it)', manifest: withContext('privileged: true'), settings: { podSecurityStandard: 'baseline' } },
  ]);
  ruleTable('dangerous-capabilities', 2, [
    { title: 'SYS_ADMIN added', manifest: withContext('capabilities:', '  add: [«SYS_ADMIN»]'), says: /adds the capability SYS_ADMIN/ },
    { title: 'CAP_ prefix and lower case, and ALL', manifest: withContext('capabilities:', '  add: [«cap_net_admin», «ALL»]') },
    { title: 'silent: NET_BIND_SERVICE', manifest: withContext('capabilities:', '  add: [NET_BIND_SERVICE]') },
  ]);
  ruleTable('net-raw-not-dropped', 2, [
    { title: 'capabilities without drop', manifest: atContext(withContext('capabilities:', '  add: [NET_BIND_SERVICE]')), says: /keeps the NET_RAW capability/ },
    { title: 'no securityContext: on the name', manifest: atName(deploymentWith([])) },
    { title: 'silent: drop ALL', manifest: withContext('capabilities: {drop: [ALL]}') },
    { title: 'silent: drop NET_RAW', manifest: withContext('capabilities: {drop: [NET_RAW]}') },
    { title: 'silent: privileged says it all', manifest: withContext('privileged: true') },
  ]);
  ruleTable('read-only-root-filesystem', 2, [
    { title: 'written false', manifest: withContext('readOnlyRootFilesystem: «false»'), says: /can write to its root filesystem/ },
    { title: 'not written', manifest: atName(deploymentWith([])) },
    { title: 'silent: true', manifest: deploymentWith(hardened) },
  ]);
  ruleTable('privilege-escalation', 2, [
    { title: 'written true', manifest: withContext('allowPrivilegeEscalation: «true»'), says: /sets allowPrivilegeEscalation: true/ },
    { title: 'not written', manifest: atContext(withContext('runAsNonRoot: true')), says: /does not set allowPrivilegeEscalation: false/ },
    { title: 'silent: false', manifest: deploymentWith(hardened) },
  ]);
  ruleTable('run-as-root', 2, [
    { title: 'nothing set', manifest: atName(deploymentWith([])), says: /may run as root: nothing sets runAsNonRoot/ },
    { title: 'runAsNonRoot: false', manifest: withContext('runAsNonRoot: «false»') },
    { title: 'runAsUser: 0', manifest: withContext('runAsUser: «0»'), says: /runAsUser is 0/ },
    { title: "silent: the Pod's runAsNonRoot covers the container", manifest: deploymentWith([], [], ['securityContext: {runAsNonRoot: true}']) },
    { title: 'silent: a non-zero runAsUser', manifest: withContext('runAsUser: 10001') },
  ]);
  ruleTable('low-user-id', 3, [
    { title: "the Pod's runAsUser, reported once for its containers", manifest: deploymentWith([], [], ['securityContext: {runAsUser: «1000», runAsGroup: «1000»}']), says: /below 10000/ },
    { title: 'silent: 10001', manifest: withContext('runAsUser: 10001', 'runAsGroup: 10001') },
  ]);
  ruleTable('root-group', 2, [
    { title: 'runAsGroup 0', manifest: withContext('runAsUser: 10001', 'runAsGroup: «0»'), says: /root's group/ },
    { title: 'fsGroup 0 and supplementalGroups with 0', manifest: deploymentWith([], [], ['securityContext:', '  fsGroup: «0»', '  supplementalGroups: [«0», 10001]']) },
    { title: 'silent: non-zero groups', manifest: deploymentWith([], [], ['securityContext: {runAsGroup: 10001, fsGroup: 10001}']) },
  ]);
  ruleTable('linux-hardening', 3, [
    { title: 'nothing narrows the container', manifest: atName(deploymentWith([])), says: /no seccomp profile, no AppArmor or SELinux setting/ },
    { title: "silent: the Pod's seccomp profile", manifest: deploymentWith([], [], ['securityContext: {seccompProfile: {type: RuntimeDefault}}']) },
    { title: 'silent: dropped capabilities', manifest: withContext('capabilities: {drop: [ALL]}') },
    { title: 'an Unconfined profile does not count', manifest: atContext(withContext('seccompProfile: {type: Unconfined}')) },
  ]);
});
