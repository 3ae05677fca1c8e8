import { apiVersionFixes } from './apiVersion';
import { duplicateContainerNameFixes, duplicatePortNameFixes, portClashFixes } from './duplicates';
import { fieldVersionFixes } from './fieldVersion';
import type { FixFamily } from './fix';
import { misplacedFieldFixes } from './misplacedField';
import { missingRequiredFixes } from './missingRequired';
import { invalidContainerNameFixes, invalidVolumeNameFixes } from './nameFormats';
import { nativeSidecarFixes } from './nativeSidecar';
import {
  appArmorFixes,
  capabilitiesFixes,
  hostNamespacesFixes,
  hostPortsFixes,
  hostProcessFixes,
  privilegedFixes,
  privilegeEscalationFixes,
  procMountFixes,
  runAsNonRootFixes,
  runAsUserFixes,
  seccompFixes,
  seLinuxFixes,
  sysctlsFixes,
} from './podSecurity';
import {
  automountTokenFixes,
  deprecatedServiceAccountFixes,
  imagePullPolicyFixes,
  readOnlyRootFilesystemFixes,
  writableHostPathFixes,
} from './practices';
import { invalidEnumFixes, unknownFieldFixes } from './renames';
import { fractionalBytesFixes, memoryWithoutUnitFixes, requestAboveLimitFixes } from './resources';
import {
  deploymentStrategyFixes,
  duplicateEnvFixes,
  ephemeralContainersFixes,
  hostNetworkPortFixes,
  initContainerRestartPolicyFixes,
  invalidSubPathFixes,
  podFailurePolicyRestartFixes,
  probeSuccessThresholdFixes,
  readinessGracePeriodFixes,
  workloadRestartPolicyFixes,
} from './ruleValues';
import { wrongTypeFixes } from './scalarTypes';
import { emptySelectorFixes, selectorMismatchFixes } from './selector';
import { mountNotFoundFixes, unusedVolumeFixes } from './volumes';

/** Every fix family; a new one is a module and a line here. */
export const FIX_FAMILIES: readonly FixFamily[] = [
  misplacedFieldFixes,
  unknownFieldFixes,
  fieldVersionFixes,
  invalidEnumFixes,
  wrongTypeFixes,
  missingRequiredFixes,
  mountNotFoundFixes,
  unusedVolumeFixes,
  duplicateContainerNameFixes,
  invalidContainerNameFixes,
  invalidVolumeNameFixes,
  duplicatePortNameFixes,
  portClashFixes,
  requestAboveLimitFixes,
  fractionalBytesFixes,
  memoryWithoutUnitFixes,
  nativeSidecarFixes,
  apiVersionFixes,
  workloadRestartPolicyFixes,
  podFailurePolicyRestartFixes,
  initContainerRestartPolicyFixes,
  probeSuccessThresholdFixes,
  readinessGracePeriodFixes,
  hostNetworkPortFixes,
  invalidSubPathFixes,
  deploymentStrategyFixes,
  duplicateEnvFixes,
  selectorMismatchFixes,
  emptySelectorFixes,
  ephemeralContainersFixes,
  privilegeEscalationFixes,
  runAsNonRootFixes,
  readOnlyRootFilesystemFixes,
  automountTokenFixes,
  imagePullPolicyFixes,
  writableHostPathFixes,
  deprecatedServiceAccountFixes,
  seccompFixes,
  capabilitiesFixes,
  privilegedFixes,
  hostNamespacesFixes,
  procMountFixes,
  hostPortsFixes,
  hostProcessFixes,
  appArmorFixes,
  seLinuxFixes,
  sysctlsFixes,
  runAsUserFixes,
];

const BY_RULE = new Map<string, FixFamily>(FIX_FAMILIES.flatMap((family) => family.rules.map((rule) => [rule.id, family] as const)));

export function familyOf(ruleId: string): FixFamily | undefined {
  return BY_RULE.get(ruleId);
}
