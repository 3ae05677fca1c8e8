import type { RuleDescriptor } from '../core/rule';

/** The rules of schema validation: one per kind of mistake, so each can be turned off on its own. */

export const unknownFieldRule: RuleDescriptor = {
  id: 'unknown-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The API server rejects a field it does not know (or silently drops it), so a typo never takes effect.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27\n    imagePulPolicy: Always   # imagePullPolicy',
  fix: 'Rename the field to the one the message suggests (a quick fix does), or remove it; a field of another kind is not allowed here at all.',
};

export const misplacedFieldRule: RuleDescriptor = {
  id: 'misplaced-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A real field at the wrong level (a Pod field in a container, a container field in the Pod) is rejected; the message names its level.',
  example: 'containers:\n  - name: web\n    image: nginx:1.27\n    nodeSelector: {disk: ssd}   # a Pod field, written in a container',
  fix: 'Move the field to the level the message names (a quick fix moves it, merging with what is there).',
};

export const wrongTypeRule: RuleDescriptor = {
  id: 'wrong-type',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A value of the wrong type ("3" for a number, 8080 for a string) makes the API server reject the whole object.',
  example: 'ports:\n  - containerPort: "8080"   # a number, written as a string',
  fix: 'Write the value with the type the field takes: remove the quotes of a number, quote a string (a quick fix does either).',
};

export const invalidEnumRule: RuleDescriptor = {
  id: 'invalid-enum',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Fields with a fixed set of values accept only those values, spelled exactly (they are case-sensitive).',
  example: 'spec:\n  restartPolicy: always   # Always, Never or OnFailure',
  fix: 'Use one of the values the message lists, spelled exactly; a quick fix offers each of them, the close match first.',
};

export const missingRequiredRule: RuleDescriptor = {
  id: 'missing-required',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The API server rejects an object without its required fields, such as a container without an image.',
  example: 'containers:\n  - name: web   # no image',
  fix: 'Add the field the message names; a quick fix adds it with a placeholder to fill in (a name is derived from the image).',
};

export const invalidQuantityRule: RuleDescriptor = {
  id: 'invalid-quantity',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'CPU, memory and other resources are quantities with their own units (500m, 128Mi); anything else is rejected.',
  example: 'resources:\n  requests:\n    memory: 128MB   # 128M or 128Mi',
  fix: 'Write a Kubernetes quantity: a number with a suffix the API knows (m, k, M, G, Ki, Mi, Gi...), case-sensitive.',
};

export const intOrStringRule: RuleDescriptor = {
  id: 'int-or-string',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Ports and rollout limits take a number or a string of a precise form (a port name, a percentage).',
  example: 'strategy:\n  rollingUpdate:\n    maxSurge: 25   # meant 25%?',
  fix: 'Give the value the field accepts: a whole number, or a string in its format (a percentage such as 25%, or a port name).',
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
  example: 'apiVersion: extensions/v1beta1   # removed in 1.16\nkind: Deployment',
  fix: 'Use the apiVersion the message names (a quick fix replaces it and adds what the new version requires, such as a selector).',
};

export const unknownApiVersionRule: RuleDescriptor = {
  id: 'unknown-api-version',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A built-in kind is served under one apiVersion; any other is rejected as an unknown kind.',
  example: 'apiVersion: apps/v2\nkind: Deployment',
  fix: 'Use an apiVersion the API server serves for the kind: v1 for a Pod, apps/v1 for a Deployment, batch/v1 for a Job.',
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
