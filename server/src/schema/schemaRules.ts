import type { RuleDescriptor } from '../core/rule';

/** The rules of schema validation: one per kind of mistake, so each can be turned off on its own. */

export const unknownFieldRule: RuleDescriptor = {
  id: 'unknown-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The API server rejects a field it does not know (or silently drops it), so a typo never takes effect.',
};

export const misplacedFieldRule: RuleDescriptor = {
  id: 'misplaced-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A real field at the wrong level (a Pod field in a container, a container field in the Pod) is rejected; the message names its level.',
};

export const wrongTypeRule: RuleDescriptor = {
  id: 'wrong-type',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A value of the wrong type ("3" for a number, 8080 for a string) makes the API server reject the whole object.',
};

export const invalidEnumRule: RuleDescriptor = {
  id: 'invalid-enum',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Fields with a fixed set of values accept only those values, spelled exactly (they are case-sensitive).',
};

export const missingRequiredRule: RuleDescriptor = {
  id: 'missing-required',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The API server rejects an object without its required fields, such as a container without an image.',
};

export const invalidQuantityRule: RuleDescriptor = {
  id: 'invalid-quantity',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'CPU, memory and other resources are quantities with their own units (500m, 128Mi); anything else is rejected.',
};

export const intOrStringRule: RuleDescriptor = {
  id: 'int-or-string',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Ports and rollout limits take a number or a string of a precise form (a port name, a percentage).',
};

export const fieldVersionRule: RuleDescriptor = {
  id: 'field-not-in-version',
  defaultSeverity: 'error',
  profile: 'api',
  rationale:
    'A field newer than the cluster (podsmith.kubernetesVersion) is unknown to its API server, and a field a newer version removed is gone: either is rejected, or silently dropped.',
  example: '# podsmith.kubernetesVersion: "1.29"\ncontainers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      stopSignal: SIGUSR1',
  fix: 'Target the version your cluster really runs; remove the field if the cluster is older than the version the message names, or write the replacement it names.',
};

export const featureGateOffRule: RuleDescriptor = {
  id: 'feature-gate-off',
  defaultSeverity: 'warning',
  profile: 'api',
  rationale:
    'A field behind a feature gate that is off by default (alpha, or a beta that starts off) is accepted, then dropped by the API server unless the cluster turns the gate on: the Pod runs without it.',
  example: '# podsmith.kubernetesVersion: "1.34"\ncontainers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      stopSignal: SIGUSR1',
  fix: 'Turn the gate the message names on in your cluster (API server and kubelets), or remove the field; set podsmith.kubernetesVersion to a version where the gate is on by default if your cluster runs one.',
};

export const removedApiVersionRule: RuleDescriptor = {
  id: 'removed-api-version',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Clusters no longer serve the beta apiVersions of workloads; such a manifest cannot be applied at all.',
};

export const unknownApiVersionRule: RuleDescriptor = {
  id: 'unknown-api-version',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A built-in kind is served under one apiVersion; any other is rejected as an unknown kind.',
};

export const SCHEMA_RULES: readonly RuleDescriptor[] = [
  unknownFieldRule,
  misplacedFieldRule,
  wrongTypeRule,
  invalidEnumRule,
  missingRequiredRule,
  invalidQuantityRule,
  intOrStringRule,
  fieldVersionRule,
  featureGateOffRule,
];
