import { isScalar } from 'yaml';
import { pairOf, scalarString, valueOf } from '../../document/yamlTree';
import { podModelOf } from '../../pod/podModel';
import type { Check, RuleDescriptor } from '../../core/rule';
import { keySpan, spanOf } from '../support';

/**
 * ServiceAccount practices: the Pod's identity towards the API server. The deprecated `serviceAccount` field,
 * a token mounted into Pods that never call the API, and the namespace's shared default account.
 */

export const deprecatedServiceAccountRule: RuleDescriptor = {
  id: 'deprecated-service-account',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'spec.serviceAccount is the deprecated spelling of serviceAccountName; tools that read only the new field see the default account, and the two can disagree.',
  example: 'spec:\n  serviceAccount: backend',
  fix: 'Rename it to serviceAccountName (or remove it where serviceAccountName already says the same).',
};

export const automountServiceAccountTokenRule: RuleDescriptor = {
  id: 'automount-service-account-token',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Every Pod gets a token of its ServiceAccount mounted unless it opts out; a Pod that never calls the API server only hands that token to whoever breaks in.',
  example: 'spec:\n  containers:\n    - name: web\n      image: nginx:1.27',
  fix: 'Set automountServiceAccountToken: false in the Pod spec (or on its ServiceAccount) unless it calls the API server.',
};

export const defaultServiceAccountRule: RuleDescriptor = {
  id: 'default-service-account',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'Pods without serviceAccountName run as the namespace\'s default account, shared by every such Pod: a permission granted to one is granted to all.',
  example: 'spec:\n  containers:\n    - name: web\n      image: nginx:1.27',
  fix: 'Create a ServiceAccount for the workload and name it in serviceAccountName.',
};

/** The Pod's ServiceAccount: spelled with the current field, its token mounted only where needed, its own. */
export const serviceAccountPracticesCheck: Check = {
  name: 'service-account-practices',
  rules: [deprecatedServiceAccountRule, automountServiceAccountTokenRule, defaultServiceAccountRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod?.podSpec) return;
    const spec = pod.podSpec;
    const deprecated = pairOf(spec, 'serviceAccount');
    const deprecatedName = scalarString(deprecated?.value);
    const currentName = scalarString(valueOf(spec, 'serviceAccountName'));
    const deprecatedSpan = spanOf(deprecated?.key);
    if (deprecated && deprecatedSpan) {
      ctx.report(deprecatedServiceAccountRule, {
        message: currentName !== undefined && deprecatedName !== undefined && currentName !== deprecatedName
          ? `serviceAccount (deprecated) says \`${deprecatedName}\` but serviceAccountName says \`${currentName}\`; serviceAccountName wins. Remove serviceAccount.`
          : currentName !== undefined
            ? 'serviceAccount is the deprecated spelling of serviceAccountName, which is already set: remove it.'
            : 'serviceAccount is the deprecated spelling of serviceAccountName: tools that read only serviceAccountName see the default account. Rename it to serviceAccountName.',
        ...deprecatedSpan,
      });
    }
    const name = currentName ?? deprecatedName;
    // Where the Pod spec sets nothing, the finding sits on the spec's first key: the place to add the field.
    const specSpan = spanOf(spec.items[0]?.key) ?? spanOf(spec);
    if (name === undefined || name === 'default') {
      const at = (name === 'default' ? spanOf(valueOf(spec, currentName !== undefined ? 'serviceAccountName' : 'serviceAccount')) : undefined) ?? specSpan;
      if (at) {
        ctx.report(defaultServiceAccountRule, {
          message: 'The Pod runs as the namespace\'s default ServiceAccount, shared by every Pod that names none: a permission granted to one of them is granted to all. Create a ServiceAccount for this workload and set serviceAccountName.',
          ...at,
        });
      }
    }
    const automount = valueOf(spec, 'automountServiceAccountToken');
    if (isScalar(automount) && automount.value === false) return;
    const at = (isScalar(automount) ? spanOf(automount) : undefined) ?? keySpan(spec, 'automountServiceAccountToken') ?? specSpan;
    if (!at) return;
    ctx.report(automountServiceAccountTokenRule, {
      message: `${isScalar(automount) && automount.value === true ? 'automountServiceAccountToken: true mounts' : 'Nothing sets automountServiceAccountToken: false, so the Pod gets'} a token of its ServiceAccount in every container. A Pod that never calls the API server only hands it to whoever breaks in: set automountServiceAccountToken: false (the ServiceAccount may say so too).`,
      ...at,
    });
  },
};
