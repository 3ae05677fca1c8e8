import { privilegeControls } from '../../pod/podSecurity/privileges';
import { controlRule, podSecurityCheck } from './support';

/** Pod Security Standard controls on container privileges: privileged mode, capabilities, privilege escalation. */
export const privilegedRule = controlRule(
  'pss-privileged',
  'With podsmith.podSecurityStandard set: a privileged container switches off most isolation, which baseline forbids.',
  'securityContext:\n  privileged: true',
  'Remove privileged and add only the capabilities the container needs.',
);
export const capabilitiesRule = controlRule(
  'pss-capabilities',
  'With podsmith.podSecurityStandard set: baseline allows adding only the default capabilities; restricted requires drop: [ALL] and allows adding only NET_BIND_SERVICE.',
  'securityContext:\n  capabilities:\n    add: [NET_ADMIN]',
  'Drop ALL in every container and add back only NET_BIND_SERVICE where needed.',
);
export const privilegeEscalationRule = controlRule(
  'pss-privilege-escalation',
  'With podsmith.podSecurityStandard restricted: every container must set allowPrivilegeEscalation: false (it defaults to true).',
  'containers:\n  - name: web\n    image: nginx:1.27',
  'Set securityContext.allowPrivilegeEscalation: false in every container.',
);

export const podSecurityPrivilegesCheck = podSecurityCheck('pod-security-privileges', privilegeControls, [privilegedRule, capabilitiesRule, privilegeEscalationRule]);
