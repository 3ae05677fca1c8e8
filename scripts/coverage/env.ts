import type { CoverageEntry } from './entry';

const DEFAULTED_V1 = 'the API server fills in v1 when fieldRef.apiVersion is empty or absent';

/** Environment variables and envFrom: ValidateEnv, validateEnvVarValueFrom, the selectors, ValidateEnvFrom. */
const env: CoverageEntry[] = [
  { upstream: 'ValidateEnv', error: 'env[*].name: required', rule: 'missing-required' },
  { upstream: 'ValidateEnv', error: 'env[*].name: not a (relaxed, from 1.32) environment variable name', rule: 'invalid-env-name' },
  { upstream: 'validateEnvVarValueFrom', error: 'env[*].valueFrom: names no source', rule: 'env-value-source' },
  { upstream: 'validateEnvVarValueFrom', error: 'env[*].valueFrom: set while value is not empty', rule: 'env-value-source' },
  { upstream: 'validateEnvVarValueFrom', error: 'env[*].valueFrom: more than one source', rule: 'env-value-source' },
  { upstream: 'validateObjectFieldSelector', error: 'fieldRef.apiVersion: required', notApplicable: DEFAULTED_V1 },
  { upstream: 'validateObjectFieldSelector', error: 'fieldRef.fieldPath: required', rule: 'missing-required' },
  { upstream: 'validateObjectFieldSelector', error: 'fieldRef.fieldPath: cannot be converted (a version other than v1, an unknown label, a subscript on a field without keys)', rule: 'downward-api-field' },
  { upstream: 'validateObjectFieldSelector', error: 'fieldRef: the label or annotation key in the subscript is not a qualified name', rule: 'downward-api-field' },
  { upstream: 'validateObjectFieldSelector', error: 'fieldRef.fieldPath: not one an environment variable may read', rule: 'downward-api-field' },
  { upstream: 'validateContainerResourceFieldSelector', error: 'resourceFieldRef.resource: required', rule: 'missing-required' },
  { upstream: 'validateContainerResourceFieldSelector', error: 'resourceFieldRef.resource: not a resource the downward API exposes', rule: 'downward-api-field' },
  { upstream: 'validateContainerResourceDivisor', error: 'resourceFieldRef.divisor: not 1m or 1 for cpu, not 1 or one unit of a suffix for memory, storage and huge pages', rule: 'downward-api-field' },
  { upstream: 'validateConfigMapKeySelector', error: 'configMapKeyRef.name: not a DNS subdomain (empty included)', rule: 'env-reference' },
  { upstream: 'validateConfigMapKeySelector', error: 'configMapKeyRef.key: required', rule: 'missing-required' },
  { upstream: 'validateConfigMapKeySelector', error: 'configMapKeyRef.key: not a ConfigMap key', rule: 'env-reference' },
  { upstream: 'validateSecretKeySelector', error: 'secretKeyRef.name: not a DNS subdomain (empty included)', rule: 'env-reference' },
  { upstream: 'validateSecretKeySelector', error: 'secretKeyRef.key: required', rule: 'missing-required' },
  { upstream: 'validateSecretKeySelector', error: 'secretKeyRef.key: not a Secret key', rule: 'env-reference' },
  { upstream: 'ValidateEnvFrom', error: 'envFrom[*].prefix: not a (relaxed) environment variable name', rule: 'invalid-env-name' },
  { upstream: 'ValidateEnvFrom', error: 'envFrom: an entry with neither configMapRef nor secretRef', rule: 'env-reference' },
  { upstream: 'ValidateEnvFrom', error: 'envFrom: an entry with both configMapRef and secretRef', rule: 'env-reference' },
  { upstream: 'validateConfigMapEnvSource', error: 'envFrom[*].configMapRef.name: required, or not a DNS subdomain', rule: 'env-reference' },
  { upstream: 'validateSecretEnvSource', error: 'envFrom[*].secretRef.name: required, or not a DNS subdomain', rule: 'env-reference' },
  { upstream: 'warnings.GetWarningsForPod', error: 'env[*].name: set twice in one container (a warning)', rule: 'duplicate-env' },
];

export default env;
