import { confinementControls } from '../../pod/podSecurity/confinement';
import { controlRule, podSecurityCheck } from './support';

/** Pod Security Standard controls on kernel confinement: AppArmor, SELinux, seccomp, /proc, sysctls. */
export const appArmorRule = controlRule(
  'pss-apparmor',
  'With podsmith.podSecurityStandard set: an AppArmor profile other than RuntimeDefault or Localhost (field or annotation) lifts confinement, which baseline forbids.',
  'securityContext:\n  appArmorProfile:\n    type: Unconfined',
  'Use RuntimeDefault or Localhost.',
);
export const seLinuxRule = controlRule(
  'pss-selinux',
  'With podsmith.podSecurityStandard set: SELinux types outside the container types, and any custom user or role, are forbidden by baseline.',
  'securityContext:\n  seLinuxOptions:\n    type: spc_t',
  'Use container_t (or leave type unset); remove user and role.',
);
export const seccompRule = controlRule(
  'pss-seccomp',
  'With podsmith.podSecurityStandard set: baseline forbids an Unconfined seccomp profile; restricted requires RuntimeDefault or Localhost for every container, on the Pod or the container.',
  'securityContext:\n  seccompProfile:\n    type: Unconfined',
  'Set seccompProfile: {type: RuntimeDefault} in the Pod\'s securityContext.',
);
export const procMountRule = controlRule(
  'pss-proc-mount',
  'With podsmith.podSecurityStandard set: procMount other than Default unmasks /proc, which baseline forbids (restricted even with a user namespace).',
  'securityContext:\n  procMount: Unmasked',
  'Remove procMount.',
);
export const sysctlsRule = controlRule(
  'pss-sysctls',
  'With podsmith.podSecurityStandard set: only the safe, namespaced sysctls are allowed by baseline.',
  'securityContext:\n  sysctls:\n    - name: net.core.somaxconn\n      value: "1024"',
  'Remove the sysctl, or keep to the safe set.',
);

export const podSecurityConfinementCheck = podSecurityCheck('pod-security-confinement', confinementControls, [appArmorRule, seLinuxRule, seccompRule, procMountRule, sysctlsRule]);
