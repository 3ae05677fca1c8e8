import { isMap, isScalar } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import type { Check, RuleDescriptor } from './rule';
import { containerLabel, keySpan, spanOf, type Span } from './support';

export const duplicateEnvRule: RuleDescriptor = {
  id: 'duplicate-env',
  defaultSeverity: 'warning',
  profile: 'api',
  rationale: 'With an environment variable set twice in one container, the last one silently wins; the API server accepts it with a warning.',
  example: 'env:\n  - name: LOG_LEVEL\n    value: info\n  - name: LOG_LEVEL\n    value: debug',
  fix: 'Keep one entry per name.',
};

export const envValueSourceRule: RuleDescriptor = {
  id: 'env-value-source',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'An environment variable takes its value one way: value, or valueFrom with exactly one source; the API server rejects others.',
  example: 'env:\n  - name: PASSWORD\n    value: secret\n    valueFrom:\n      secretKeyRef: {name: db, key: password}',
  fix: 'Keep either value or valueFrom, and one source under valueFrom.',
};

const SOURCES = ['configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'fileKeyRef'] as const;

/** Environment variables: one entry per name, one way to get each value. */
export const envCheck: Check = {
  name: 'env',
  rules: [duplicateEnvRule, envValueSourceRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    for (const c of pod.containers) {
      const seen = new Map<string, Span>();
      for (const [entry] of mapItems(valueOf(c.node, 'env'))) {
        const nameNode = valueOf(entry, 'name');
        const name = scalarString(nameNode);
        const nameSpan = spanOf(nameNode);
        if (name !== undefined && nameSpan) {
          const first = seen.get(name);
          if (first) {
            ctx.report(duplicateEnvRule, {
              message: `Environment variable \`${name}\` is already set in ${containerLabel(c)}; the last entry silently wins. The API server accepts it with a warning. Keep one of them.`,
              ...nameSpan,
              related: [{ ...first, message: `\`${name}\` is first set here` }],
            });
          } else {
            seen.set(name, nameSpan);
          }
        }
        const valueFrom = pairOf(entry, 'valueFrom');
        if (!valueFrom) continue;
        const value = valueOf(entry, 'value');
        const valueFromSpan = spanOf(valueFrom.key)!;
        if (isScalar(value) && typeof value.value === 'string' && value.value !== '') {
          ctx.report(envValueSourceRule, {
            message: `\`${name ?? 'This variable'}\` sets both value and valueFrom; a variable takes its value one way, so the API server rejects it. Keep one of them.`,
            ...valueFromSpan,
            related: [{ ...keySpan(entry, 'value')!, message: 'value is set here' }],
          });
        }
        if (!isMap(valueFrom.value)) continue;
        // In the order written, so the finding lands on the second one the person wrote.
        const sources = valueFrom.value.items
          .map((pair) => scalarString(pair.key))
          .filter((key): key is (typeof SOURCES)[number] => (SOURCES as readonly (string | undefined)[]).includes(key));
        const unknown = valueFrom.value.items.length > 0 && sources.length === 0;
        if (sources.length === 0 && !unknown) {
          ctx.report(envValueSourceRule, {
            message: `valueFrom of \`${name ?? 'this variable'}\` names no source: use exactly one of ${SOURCES.slice(0, 4).join(', ')} (or fileKeyRef). The API server rejects it.`,
            ...valueFromSpan,
          });
        } else if (sources.length > 1) {
          ctx.report(envValueSourceRule, {
            message: `valueFrom of \`${name ?? 'this variable'}\` has ${sources.length} sources (${sources.join(', ')}); a variable takes its value from one, so the API server rejects it. Keep one of them.`,
            ...keySpan(valueFrom.value, sources[1])!,
            related: [{ ...keySpan(valueFrom.value, sources[0])!, message: `\`${sources[0]}\` is the first source` }],
          });
        }
      }
    }
  },
};
