import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf, type ContainerModel } from '../pod/podModel';
import { gateOnByDefault, gateOnSince } from '../versions/featureGates';
import { checkFieldRef, checkResourceFieldRef } from './downwardApi';
import { dns1123SubdomainProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
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

export const invalidEnvNameRule: RuleDescriptor = {
  id: 'invalid-env-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Environment variable names (and envFrom prefixes) are printable ASCII without \'=\' from Kubernetes 1.32; before, letters, digits, \'_\', \'-\' and \'.\', not starting with a digit. The API server rejects others.',
  example: 'env:\n  - name: "LOG=LEVEL"\n    value: info',
  fix: 'Rename the variable; `=` separates a name from its value and can never be part of it.',
};

export const envReferenceRule: RuleDescriptor = {
  id: 'env-reference',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A variable read from a ConfigMap or Secret names the object (a DNS subdomain) and a valid key; envFrom names exactly one ConfigMap or Secret. The API server rejects others.',
  example: 'env:\n  - name: PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: "pass word"',
  fix: 'Name the object and key as they are written in the ConfigMap or Secret (keys are letters, digits, \'-\', \'_\' and \'.\').',
};

const SOURCES = ['configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef', 'fileKeyRef'] as const;

/** Environment variables and envFrom: names, one way to get each value, and what each source names. */
export const envCheck: Check = {
  name: 'env',
  rules: [duplicateEnvRule, envValueSourceRule, invalidEnvNameRule, envReferenceRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    // Names relaxed with RelaxedEnvironmentVariableValidation: beta and on by default from 1.32 (GA in 1.34).
    const relaxed = gateOnByDefault('RelaxedEnvironmentVariableValidation', ctx.settings.kubernetesVersion);
    for (const c of pod.containers) {
      const seen = new Map<string, Span>();
      for (const [entry] of mapItems(valueOf(c.node, 'env'))) {
        const nameNode = valueOf(entry, 'name');
        const name = scalarString(nameNode);
        const nameSpan = spanOf(nameNode);
        if (name !== undefined && name !== '' && nameSpan) {
          checkName(ctx, name, nameSpan, 'Environment variable name', relaxed);
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
        checkValueFrom(ctx, entry, name);
      }
      checkEnvFrom(ctx, c, relaxed);
    }
  },
};

const STRICT_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function checkName(ctx: CheckContext, name: string, span: Span, what: string, relaxed: boolean): void {
  let problem: string | undefined;
  if (relaxed) {
    const bad = [...name].find((ch) => ch === '=' || ch.charCodeAt(0) < 32 || ch.charCodeAt(0) > 126);
    if (bad !== undefined) problem = bad === '=' ? "it contains '=', which separates a name from its value" : 'it contains a character outside printable ASCII';
  } else if (!STRICT_NAME.test(name)) {
    problem = `before Kubernetes ${gateOnSince('RelaxedEnvironmentVariableValidation')} a name is letters, digits, '_', '-' and '.', not starting with a digit (the target version is ${ctx.settings.kubernetesVersion}, podsmith.kubernetesVersion)`;
  } else if (name === '.' || name === '..' || name.startsWith('..')) {
    problem = "it is '.' or starts with '..'";
  }
  if (problem) ctx.report(invalidEnvNameRule, { message: `${what} \`${name}\` is not valid: ${problem}. The API server rejects it.`, ...span });
}

function checkValueFrom(ctx: CheckContext, entry: Node, name: string | undefined): void {
  const valueFrom = pairOf(entry, 'valueFrom');
  if (!valueFrom || !isMap(valueFrom.value)) return;
  const valueFromSpan = spanOf(valueFrom.key)!;
  const label = name ?? 'this variable';
  // In the order written, so a second source is named as the person wrote it.
  const sources = (valueFrom.value.items as Pair<unknown, unknown>[])
    .map((pair) => scalarString(pair.key))
    .filter((key): key is (typeof SOURCES)[number] => (SOURCES as readonly (string | undefined)[]).includes(key));
  const value = valueOf(entry, 'value');
  const hasValue = isScalar(value) && typeof value.value === 'string' && value.value !== '';
  const unknown = valueFrom.value.items.length > 0 && sources.length === 0;
  if (sources.length === 0 && !unknown) {
    ctx.report(envValueSourceRule, {
      message: `valueFrom of \`${label}\` names no source: use exactly one of ${SOURCES.slice(0, 4).join(', ')} (or fileKeyRef). The API server rejects it.`,
      ...valueFromSpan,
    });
  } else if (hasValue && sources.length > 0) {
    ctx.report(envValueSourceRule, {
      message: `\`${label}\` sets both value and valueFrom; a variable takes its value one way, so the API server rejects it. Keep one of them.`,
      ...valueFromSpan,
      related: [{ ...keySpan(entry, 'value')!, message: 'value is set here' }],
    });
  } else if (sources.length > 1) {
    ctx.report(envValueSourceRule, {
      message: `valueFrom of \`${label}\` has ${sources.length} sources (${sources.join(', ')}); a variable takes its value from one, so the API server rejects it. Keep one of them.`,
      ...valueFromSpan,
      related: sources.map((s) => ({ ...keySpan(valueFrom.value, s)!, message: `\`${s}\`` })),
    });
  }
  const fieldRef = valueOf(valueFrom.value, 'fieldRef');
  if (isMap(fieldRef)) checkFieldRef(ctx, valueFrom.value, fieldRef, false);
  const resourceRef = valueOf(valueFrom.value, 'resourceFieldRef');
  if (isMap(resourceRef)) checkResourceFieldRef(ctx, valueFrom.value, resourceRef, false);
  for (const kind of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const ref = pairOf(valueFrom.value, kind);
    if (ref && isMap(ref.value)) checkKeyRef(ctx, ref, kind === 'configMapKeyRef' ? 'ConfigMap' : 'Secret');
  }
}

/** configMapKeyRef and secretKeyRef: the object's name (a DNS subdomain; the API server rejects an empty one) and the key. */
function checkKeyRef(ctx: CheckContext, ref: Pair<unknown, unknown>, object: string): void {
  const namePair = pairOf(ref.value, 'name');
  const name = scalarString(namePair?.value) ?? '';
  const problem = dns1123SubdomainProblem(name);
  const placeholder = name.includes('$');
  if (problem && !placeholder) {
    const span = (namePair ? spanOf(namePair.value) ?? spanOf(namePair.key) : undefined) ?? spanOf(ref.key);
    if (span) {
      ctx.report(envReferenceRule, {
        message: namePair && name !== ''
          ? `\`${name}\` is not a ${object} name (a DNS-1123 subdomain): ${problem}. The API server rejects it.`
          : `${scalarString(ref.key)} names no ${object}: give its name. The API server rejects the reference without one.`,
        ...span,
      });
    }
  }
  const keyNode = valueOf(ref.value, 'key');
  const key = scalarString(keyNode);
  const keyProblem = key !== undefined && key !== '' ? configMapKeyProblem(key) : undefined;
  if (keyProblem) ctx.report(envReferenceRule, { message: `\`${key}\` is not a ${object} key: ${keyProblem}. The API server rejects it.`, ...spanOf(keyNode)! });
}

/** A ConfigMap or Secret key: at most 253 letters, digits, '-', '_' and '.', and not '.', '..' or starting with '..'. */
export function configMapKeyProblem(key: string): string | undefined {
  if (key.length > 253) return `it is ${key.length} characters long; at most 253 are allowed`;
  const bad = [...key].find((ch) => !/[-._a-zA-Z0-9]/.test(ch));
  if (bad !== undefined) return `it contains ${bad === ' ' ? 'a space' : `\`${bad}\``}; keys are letters, digits, '-', '_' and '.'`;
  if (key === '.' || key === '..' || key.startsWith('..')) return "it is '.' or starts with '..'";
  return undefined;
}

function checkEnvFrom(ctx: CheckContext, c: ContainerModel, relaxed: boolean): void {
  const envFrom = pairOf(c.node, 'envFrom');
  if (!envFrom) return;
  for (const [entry] of mapItems(envFrom.value)) {
    const prefixNode = valueOf(entry, 'prefix');
    const prefix = scalarString(prefixNode);
    if (prefix) checkName(ctx, prefix, spanOf(prefixNode)!, 'envFrom prefix', relaxed);
    const refs = (['configMapRef', 'secretRef'] as const).filter((k) => pairOf(entry, k));
    if (refs.length !== 1) {
      ctx.report(envReferenceRule, {
        message: refs.length === 0
          ? 'This envFrom entry names no source: give a configMapRef or a secretRef. The API server rejects it.'
          : 'This envFrom entry names both a configMapRef and a secretRef; each entry imports one object, so the API server rejects it. Make two entries.',
        ...spanOf(envFrom.key)!,
        related: [{ ...(spanOf((entry.items[0] as Pair<unknown, unknown> | undefined)?.key) ?? spanOf(entry)!), message: 'the entry' }],
      });
    }
    for (const kind of refs) {
      const ref = pairOf(entry, kind)!;
      const namePair = pairOf(ref.value, 'name');
      const name = scalarString(namePair?.value);
      if (name === undefined || name === '') {
        ctx.report(envReferenceRule, {
          message: `${kind} names no ${kind === 'configMapRef' ? 'ConfigMap' : 'Secret'}: give its name. The API server rejects it.`,
          ...(spanOf(namePair?.key) ?? spanOf(ref.key)!),
        });
        continue;
      }
      // A prefix name: a trailing '-' is allowed, as for generated names.
      const problem = name.includes('$') ? undefined : dns1123SubdomainProblem(name.endsWith('-') ? `${name.slice(0, -1)}a` : name);
      if (problem) ctx.report(envReferenceRule, { message: `\`${name}\` is not a ${kind === 'configMapRef' ? 'ConfigMap' : 'Secret'} name (a DNS-1123 subdomain): ${problem}. The API server rejects it.`, ...spanOf(namePair!.value)! });
    }
  }
}
