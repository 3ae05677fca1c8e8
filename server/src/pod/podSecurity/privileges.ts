import { isScalar, isSeq } from 'yaml';
import { spanOf, valueOf } from '../../document/yamlTree';
import { containerAnchor, who, type ControlGroup, type Violation } from './standard';

/**
 * Controls on what a container's processes may do beyond an ordinary process: privileged mode, Linux
 * capabilities, and gaining privileges through setuid programs. All three are container-level settings, so each
 * container (init, native sidecar, app, ephemeral) answers for itself; nothing is inherited from the Pod.
 */

/** Capabilities the baseline level lets a container add: the container runtimes' usual default set. */
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const privilegeControls: ControlGroup = (input) => {
  const out: Violation[] = [];
  for (const c of input.security.containers) {
    const label = who(c.container);

    const privileged = c.own.get('privileged');
    if (privileged?.value === true) {
      out.push({
        ruleId: 'pss-privileged',
        control: 'Privileged Containers',
        level: 'baseline',
        ...spanOf(privileged.node)!,
        problem: `${label} runs privileged: it gets nearly every power of root on the node and most isolation is switched off.`,
        fix: 'Remove privileged (or set it to false) and add only the capabilities the container really needs.',
      });
    }

    const capabilities = c.own.get('capabilities');
    const add = valueOf(capabilities?.node, 'add');
    for (const item of isSeq(add) ? add.items : []) {
      const name = isScalar(item) ? String(item.value) : undefined;
      const span = spanOf(item);
      if (name === undefined || !span || name === 'NET_BIND_SERVICE') continue;
      const beyondBaseline = !BASELINE_CAPABILITIES.has(name);
      // The restricted capabilities control exempts Windows Pods (policy 1.25+); baseline's list still applies.
      if (!beyondBaseline && input.windows) continue;
      out.push({
        ruleId: 'pss-capabilities',
        control: 'Capabilities',
        level: beyondBaseline ? 'baseline' : 'restricted',
        ...span,
        problem: beyondBaseline
          ? `${label} adds capability ${name}, which is beyond the default set a container may add.`
          : `${label} adds capability ${name}; restricted lets a container add only NET_BIND_SERVICE.`,
        fix: beyondBaseline
          ? `Remove ${name} from capabilities.add; baseline allows only ${[...BASELINE_CAPABILITIES].join(', ')}.`
          : `Remove ${name} from capabilities.add (keep drop: [ALL]).`,
      });
    }
    if (!input.windows) {
      const drop = valueOf(capabilities?.node, 'drop');
      const dropsAll = isSeq(drop) && drop.items.some((i) => isScalar(i) && i.value === 'ALL');
      if (!dropsAll) {
        out.push({
          ruleId: 'pss-capabilities',
          control: 'Capabilities',
          level: 'restricted',
          ...containerAnchor(c, 'capabilities', 'drop')!,
          problem: `${label} does not drop ALL capabilities, so it keeps the container runtime's default set.`,
          fix: `Set securityContext.capabilities.drop: [ALL] in ${label} (capabilities are per container; the Pod's securityContext has none), adding back only NET_BIND_SERVICE if it binds a port below 1024.`,
        });
      }

      const escalation = c.own.get('allowPrivilegeEscalation');
      if (escalation?.value !== false) {
        const span = escalation ? spanOf(escalation.node) : containerAnchor(c);
        out.push({
          ruleId: 'pss-privilege-escalation',
          control: 'Privilege Escalation',
          level: 'restricted',
          ...span!,
          problem: escalation
            ? `${label} sets allowPrivilegeEscalation: ${String(escalation.value)}, so its processes may gain privileges through setuid programs.`
            : `${label} does not set allowPrivilegeEscalation, which defaults to true: its processes may gain privileges through setuid programs.`,
          fix: `Set securityContext.allowPrivilegeEscalation: false in ${label}; it is a per-container field, so every container needs it.`,
        });
      }
    }
  }
  return out;
};
