import type { PodsmithSettings } from '../../../../server/src/core/settings';
import { lines, ruleTable, type RuleCase } from '../support';

/**
 * Tables for the Pod Security Standard rules: each case runs at the level it names (restricted unless told),
 * the manifest marks with «…» exactly what the rule must cover, and a case without marks must stay silent.
 */
export interface PssCase extends Omit<RuleCase, 'settings'> {
  readonly level?: 'off' | 'baseline' | 'restricted';
  readonly version?: string;
}

export function pssTable(ruleId: string, cases: readonly PssCase[]): void {
  ruleTable(
    ruleId,
    1,
    cases.map(({ level, version, ...c }) => {
      const settings: Partial<PodsmithSettings> = { podSecurityStandard: level ?? 'restricted', ...(version ? { kubernetesVersion: version } : {}) };
      return { ...c, settings };
    }),
  );
}

/** A Pod manifest with the given lines under spec. */
export const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);

/** A container that meets every restricted control on its own (to keep other rules quiet in a table). */
export const hardened = (name: string, ...extra: string[]) => [
  `    - name: ${name}`,
  '      image: app:1.0',
  ...extra,
  '      securityContext:',
  '        allowPrivilegeEscalation: false',
  '        capabilities: {drop: [ALL]}',
];

/** The Pod-level lines that make restricted's shared controls pass. */
export const podDefaults = ['  securityContext:', '    runAsNonRoot: true', '    seccompProfile: {type: RuntimeDefault}'];
