import { effectiveSetting } from '../securityContext';
import { spanOf } from '../../document/yamlTree';
import { containerAnchor, policyAtLeast, who, type ControlGroup, type Violation } from './standard';

/**
 * Restricted controls on the user the processes run as. Both fields are shared: the Pod's value is every
 * container's default and a container's own value wins, so a Pod-level `runAsNonRoot: true` covers every
 * container that does not set its own. From policy 1.35 a Pod with its own user namespace (hostUsers: false) is
 * exempt: root inside it is an unprivileged user on the node.
 */
export const userControls: ControlGroup = (input) => {
  const out: Violation[] = [];
  const { security } = input;
  if (input.ownUserNamespace && policyAtLeast(input.version, '1.35')) return out;

  const podNonRoot = security.own.get('runAsNonRoot');
  if (podNonRoot && podNonRoot.value !== true) {
    out.push({
      ruleId: 'pss-run-as-non-root',
      control: 'Running as Non-root',
      level: 'restricted',
      ...spanOf(podNonRoot.node)!,
      problem: `the Pod sets runAsNonRoot: ${String(podNonRoot.value)}, the default of every container that does not set its own.`,
      fix: "Set runAsNonRoot: true in the Pod's securityContext: it then covers every container.",
    });
  }
  for (const c of security.containers) {
    const effective = effectiveSetting(security, c, 'runAsNonRoot');
    if (effective.value === true) continue;
    const label = who(c.container);
    if (effective.source === 'container') {
      out.push({
        ruleId: 'pss-run-as-non-root',
        control: 'Running as Non-root',
        level: 'restricted',
        ...spanOf(effective.written!.node)!,
        problem: `${label} sets runAsNonRoot: ${String(effective.value)}${effective.overrides ? `, overriding the Pod's ${String(effective.overrides.value)}` : ''}.`,
        fix: `Set it to true, or remove it${effective.overrides?.value === true ? " so that the Pod's true applies" : " and set runAsNonRoot: true in the Pod's securityContext"}.`,
      });
    } else if (effective.source === 'default') {
      out.push({
        ruleId: 'pss-run-as-non-root',
        control: 'Running as Non-root',
        level: 'restricted',
        ...containerAnchor(c)!,
        problem: `${label} may run as root: neither it nor the Pod sets runAsNonRoot: true.`,
        fix: "Set runAsNonRoot: true in the Pod's securityContext (it covers every container) or in this container's.",
      });
    }
    // source 'pod' with a value other than true is reported once, on the Pod's field, above.
  }

  const podUser = security.own.get('runAsUser');
  if (podUser?.value === 0) {
    out.push({
      ruleId: 'pss-run-as-user',
      control: 'Running as Non-root user',
      level: 'restricted',
      ...spanOf(podUser.node)!,
      problem: 'the Pod sets runAsUser: 0 (root) as the user of every container that does not set its own.',
      fix: 'Use a non-zero user ID, or remove runAsUser and let the image choose a non-root user.',
    });
  }
  for (const c of security.containers) {
    const user = c.own.get('runAsUser');
    if (user?.value !== 0) continue;
    out.push({
      ruleId: 'pss-run-as-user',
      control: 'Running as Non-root user',
      level: 'restricted',
      ...spanOf(user.node)!,
      problem: `${who(c.container)} sets runAsUser: 0, so it runs as root.`,
      fix: 'Use a non-zero user ID, or remove runAsUser.',
    });
  }
  return out;
};
