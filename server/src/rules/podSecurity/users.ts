import { userControls } from '../../pod/podSecurity/users';
import { controlRule, podSecurityCheck } from './support';

/** Pod Security Standard controls on the user: running as non-root, and never as user 0. */
export const runAsNonRootRule = controlRule(
  'pss-run-as-non-root',
  'With podsmith.podSecurityStandard restricted: runAsNonRoot must be true for every container, set on the Pod (inherited) or on each container.',
  'spec:\n  containers:\n    - name: web\n      image: nginx:1.27',
  'Set securityContext.runAsNonRoot: true on the Pod.',
);
export const runAsUserRule = controlRule(
  'pss-run-as-user',
  'With podsmith.podSecurityStandard restricted: runAsUser 0 (root) is forbidden on the Pod and on every container.',
  'securityContext:\n  runAsUser: 0',
  'Use a non-zero user ID or remove runAsUser.',
);

export const podSecurityUsersCheck = podSecurityCheck('pod-security-users', userControls, [runAsNonRootRule, runAsUserRule]);
