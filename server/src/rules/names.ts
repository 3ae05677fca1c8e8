import { podModelOf } from '../pod/podModel';
import { dns1123LabelProblem, portNameProblem } from './nameFormats';
import type { Check, RuleDescriptor } from '../core/rule';
import { containerLabel, hasPlaceholder, spanOf } from './support';

export const duplicateContainerNameRule: RuleDescriptor = {
  id: 'duplicate-container-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Containers, init containers and ephemeral containers share one namespace of names in a Pod; the API server rejects a repeat.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27\n  - name: web\n    image: envoyproxy/envoy:v1.31.0',
  fix: 'Give every container of the Pod its own name, e.g. `web` and `proxy`.',
};

export const invalidContainerNameRule: RuleDescriptor = {
  id: 'invalid-container-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A container name must be a DNS-1123 label (lowercase letters, digits, \'-\', at most 63); the API server rejects others.',
  example: 'containers:\n  - name: Web_Server\n    image: nginx:1.27',
  fix: 'Use lowercase letters, digits and \'-\': `web-server`.',
};

export const invalidVolumeNameRule: RuleDescriptor = {
  id: 'invalid-volume-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A volume name must be a DNS-1123 label; the API server rejects others.',
  example: 'volumes:\n  - name: app_data\n    emptyDir: {}',
  fix: 'Rename the volume (and its mounts) with lowercase letters, digits and \'-\': `app-data`.',
};

export const invalidPortNameRule: RuleDescriptor = {
  id: 'invalid-port-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A port name must be an IANA service name (at most 15 characters, lowercase, at least one letter); the API server rejects others.',
  example: 'ports:\n  - name: metrics-endpoint-http\n    containerPort: 9090',
  fix: 'Shorten it to 15 characters or fewer: `metrics`.',
};

/** Names inside the Pod: unique container names, and the grammar of container, volume and port names. */
export const namesCheck: Check = {
  name: 'names',
  rules: [duplicateContainerNameRule, invalidContainerNameRule, invalidVolumeNameRule, invalidPortNameRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const seen = new Map<string, (typeof pod.containers)[number]>();
    for (const c of pod.containers) {
      const span = spanOf(c.nameNode);
      if (c.name === undefined || !span) continue;
      const first = seen.get(c.name);
      if (first) {
        const firstSpan = spanOf(first.nameNode)!;
        ctx.report(duplicateContainerNameRule, {
          message: `Container name \`${c.name}\` is already used by ${containerLabel(first)}. Containers, init containers and ephemeral containers of one Pod share one set of names (logs, exec and status find a container by it), so the API server rejects the Pod. Rename one of them.`,
          ...span,
          related: [{ ...firstSpan, message: `\`${c.name}\` is first used here` }],
        });
      } else {
        seen.set(c.name, c);
      }
      const problem = hasPlaceholder(c.name) ? undefined : dns1123LabelProblem(c.name);
      if (problem) {
        ctx.report(invalidContainerNameRule, {
          message: `Container name \`${c.name}\` is not a valid DNS-1123 label: ${problem}. The API server rejects it; use lowercase letters, digits and '-', at most 63 characters.`,
          ...span,
        });
      }
    }
    for (const v of pod.volumes) {
      const span = spanOf(v.nameNode);
      if (v.name === undefined || !span || hasPlaceholder(v.name)) continue;
      const problem = dns1123LabelProblem(v.name);
      if (problem) {
        ctx.report(invalidVolumeNameRule, {
          message: `Volume name \`${v.name}\` is not a valid DNS-1123 label: ${problem}. The API server rejects it; use lowercase letters, digits and '-', at most 63 characters, and the same name in every volumeMount.`,
          ...span,
        });
      }
    }
    for (const c of pod.containers) {
      for (const port of c.ports) {
        if (port.name === undefined || hasPlaceholder(port.name)) continue;
        const problem = portNameProblem(port.name);
        const nameNode = port.node.items.find((p) => (p.key as { value?: unknown })?.value === 'name')?.value;
        const span = spanOf(nameNode);
        if (problem && span) {
          ctx.report(invalidPortNameRule, {
            message: `Port name \`${port.name}\` is not a valid port name: ${problem}. Port names follow the IANA service-name rules (at most 15 lowercase letters, digits and '-', at least one letter), because Services and probes refer to ports by them.`,
            ...span,
          });
        }
      }
    }
  },
};
