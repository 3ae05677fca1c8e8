import { suggest } from '../../schema/suggest';
import { objectOf } from '../../workspace/objects';
import { referencesOf } from '../../workspace/references';
import type { RuleDescriptor } from '../../core/rule';
import type { LinkCheck } from './linkCheck';

/** The API server does not check these: a missing ConfigMap or key shows up only when a Pod fails to start. */
export const missingConfigKeyRule: RuleDescriptor = {
  id: 'missing-config-key',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A key a Pod reads from a ConfigMap or Secret of the workspace that does not have it: the container fails to start (CreateContainerConfigError), or the file is missing from the volume.',
  example: 'env: [{name: MODE, valueFrom: {configMapKeyRef: {name: app-config, key: mdoe}}}]  # app-config has "mode"',
  fix: 'Use a key the object has (the message names the close one), add the key to the object, or mark the reference optional: true.',
};

export const objectNotInWorkspaceRule: RuleDescriptor = {
  id: 'object-not-in-workspace',
  defaultSeverity: 'hint',
  // Quiet by default: most repositories keep some objects elsewhere (in the cluster, another repository).
  profile: 'strict',
  rationale: 'A ConfigMap, Secret, claim, service account or Service a manifest names that no file of the workspace declares: it may exist only in the cluster, so this is a quiet hint.',
  example: 'volumes: [{name: config, configMap: {name: app-confg}}]  # the workspace declares app-config',
  fix: 'Check the name (the message names a close one of the workspace), add the object to the workspace, or mark the reference optional: true; turn the rule off if your objects live elsewhere.',
};

/** ServiceAccount `default` exists in every namespace. */
const ALWAYS_THERE = new Set(['ServiceAccount/default']);

export const referenceCheck: LinkCheck = {
  name: 'references',
  rules: [missingConfigKeyRule, objectNotInWorkspaceRule],
  run(ctx) {
    const namespace = objectOf(ctx.doc)?.namespace;
    for (const ref of referencesOf(ctx.doc)) {
      if (ALWAYS_THERE.has(`${ref.kind}/${ref.name}`)) continue;
      const found = ctx.index.find(ref.kind, ref.name, namespace);
      const [start, end] = ref.nameNode.range!;
      if (!found.length) {
        if (ref.optional || !ctx.isEnabled(objectNotInWorkspaceRule)) continue;
        const names = ctx.index.objectsOfKind(ref.kind).map((o) => o.object.name).filter((n): n is string => !!n);
        const close = suggest(ref.name, names);
        ctx.report(objectNotInWorkspaceRule, {
          start,
          end,
          message: `No ${ref.kind} "${ref.name}" in the workspace${close ? `: did you mean "${close}"?` : '.'} The ${ref.where} names it; if it exists only in the cluster, this is fine.`,
        });
        continue;
      }
      if (!ref.key || ref.optional) continue;
      const keys = new Set(found.flatMap((o) => [...o.object.keys.keys()]));
      if (keys.has(ref.key.name)) continue;
      const close = suggest(ref.key.name, keys);
      const [keyStart, keyEnd] = ref.key.node.range!;
      const list = [...keys].sort();
      ctx.report(missingConfigKeyRule, {
        start: keyStart,
        end: keyEnd,
        message: `${ref.kind} "${ref.name}" has no key "${ref.key.name}"${close ? `: did you mean "${close}"?` : '.'} ${list.length ? `Its keys: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''}.` : 'It has no keys.'} A Pod that reads a missing key does not start.`,
        data: close ? { suggestion: close } : undefined,
      });
    }
  },
};
