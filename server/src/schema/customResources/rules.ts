import type { RuleDescriptor } from '../../core/rule';

/**
 * The rules of custom resources: a resource checked against the schema of its CRD (one rule per kind of mistake, so
 * each can be turned off on its own), the CEL rules Podsmith cannot check offline, and a CRD whose schema cannot be
 * used.
 */

export const crUnknownFieldRule: RuleDescriptor = {
  id: 'custom-resource-unknown-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A field the CRD\'s schema does not declare is rejected by the API server\'s strict field validation (kubectl\'s default), or dropped silently: it never takes effect.',
  example: 'apiVersion: shop.example.com/v1\nkind: Widget\nspec:\n  replcas: 3   # the CRD declares replicas',
  fix: 'Rename the field to the one the message suggests, or remove it; if the field is meant to be free-form, the CRD needs x-kubernetes-preserve-unknown-fields there.',
};

export const crWrongTypeRule: RuleDescriptor = {
  id: 'custom-resource-wrong-type',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A value of another type than the CRD\'s schema says ("3" where an integer belongs) makes the API server reject the whole resource.',
  example: 'spec:\n  replicas: "3"   # an integer in the CRD',
  fix: 'Write the value with the type the message names: remove the quotes of a number, quote a string that YAML reads as a number or boolean.',
};

export const crInvalidEnumRule: RuleDescriptor = {
  id: 'custom-resource-invalid-enum',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A field whose CRD schema lists its values (enum) accepts only those, spelled exactly.',
  example: 'spec:\n  size: huge   # the CRD allows small, medium, large',
  fix: 'Use one of the values the message lists (it names the close one).',
};

export const crOutOfRangeRule: RuleDescriptor = {
  id: 'custom-resource-out-of-range',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The CRD bounds the value (minimum, maximum, multipleOf, minLength, maxLength, minItems, maxItems, minProperties, maxProperties): the API server rejects a value outside them.',
  example: 'spec:\n  replicas: 0   # the CRD says minimum: 1',
  fix: 'Bring the value within the bound the message names.',
};

export const crPatternRule: RuleDescriptor = {
  id: 'custom-resource-pattern',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A string the CRD\'s pattern does not match is rejected by the API server.',
  example: "spec:\n  colour: Red   # the CRD's pattern is ^[a-z]+$",
  fix: 'Write the value in the form the pattern describes (the message quotes it).',
};

export const crMissingRequiredRule: RuleDescriptor = {
  id: 'custom-resource-missing-required',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A field the CRD\'s schema marks required is missing: the API server rejects the resource.',
  example: 'kind: Widget\nspec:\n  replicas: 2   # the CRD requires spec.size',
  fix: 'Add the field the message names.',
};

export const crDuplicateItemRule: RuleDescriptor = {
  id: 'custom-resource-duplicate-item',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A list the CRD declares a set (x-kubernetes-list-type: set) or a map by keys (x-kubernetes-list-type: map) cannot hold the same item, or the same keys, twice.',
  example: 'spec:\n  ports:   # a map list keyed by name\n    - {name: http, number: 80}\n    - {name: http, number: 8080}',
  fix: 'Remove the duplicate, or give it other key values (the message names the first item).',
};

export const crSchemaMismatchRule: RuleDescriptor = {
  id: 'custom-resource-schema-mismatch',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A value that matches none (anyOf), not exactly one (oneOf) or one it must not (not) of the alternatives of its CRD\'s schema is rejected by the API server.',
  example: 'spec:\n  target: {}   # the CRD requires one of name or selector (oneOf)',
  fix: 'Write the value in one of the forms the CRD describes.',
};

export const crVersionNotServedRule: RuleDescriptor = {
  id: 'custom-resource-version-not-served',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'An apiVersion whose version the CRD does not define, or defines with served: false: the API server has no such resource ("no matches for kind"), and nothing is created.',
  example: 'apiVersion: shop.example.com/v2   # the CRD serves v1\nkind: Widget',
  fix: 'Use a version the CRD serves (the message lists them).',
};

export const crCelNotCheckedRule: RuleDescriptor = {
  id: 'custom-resource-cel-not-checked',
  defaultSeverity: 'hint',
  profile: 'api',
  rationale: 'The CRD has CEL validation rules (x-kubernetes-validations) that the API server evaluates and Podsmith cannot offline: this resource may still be rejected by them.',
  example: 'x-kubernetes-validations:\n  - rule: "self.minReplicas <= self.replicas"',
  fix: 'Nothing to change here: read the rules the message lists (hover on the kind shows them) or try the resource with kubectl apply --dry-run=server.',
};

export const crdInvalidSchemaRule: RuleDescriptor = {
  id: 'crd-invalid-schema',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A CRD version\'s openAPIV3Schema the API server refuses ($ref, patternProperties, uniqueItems: true, properties beside additionalProperties, a type it does not know): the CRD is not created, and its resources are not checked.',
  example: 'openAPIV3Schema:\n  type: object\n  properties:\n    spec: {$ref: "#/definitions/Spec"}',
  fix: 'Write the schema out in place, with the keywords structural schemas allow (the message names the keyword and why).',
};

export const crdSchemaNotCheckedRule: RuleDescriptor = {
  id: 'crd-schema-not-checked',
  defaultSeverity: 'information',
  profile: 'api',
  rationale: 'A CRD schema beyond what Podsmith compiles (too large or too deeply nested), or with patterns JavaScript cannot test safely: its resources are checked without those parts, or not at all.',
  example: 'openAPIV3Schema:   # 25,000 nested schemas',
  fix: 'Nothing to change: the API server still checks the resources. Split a generated schema if you want Podsmith to check them offline.',
};

export const CUSTOM_RESOURCE_RULES: readonly RuleDescriptor[] = [
  crUnknownFieldRule,
  crWrongTypeRule,
  crInvalidEnumRule,
  crOutOfRangeRule,
  crPatternRule,
  crMissingRequiredRule,
  crDuplicateItemRule,
  crSchemaMismatchRule,
  crVersionNotServedRule,
  crCelNotCheckedRule,
];

export const CRD_RULES: readonly RuleDescriptor[] = [crdInvalidSchemaRule, crdSchemaNotCheckedRule];
