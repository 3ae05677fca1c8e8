import type { RuleDescriptor } from '../rules/rule';

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
];
