import { compareVersions } from './kubernetesVersion';

/**
 * The feature gates that decide whether the API server keeps a Pod field or allows a value, with their stage and
 * default in each Kubernetes version. A field whose gate is off keeps the manifest valid, but the API server
 * silently drops the field (or rejects the value), so the cluster runs something other than what was written.
 *
 * Stages follow the Kubernetes feature-gate reference and the API server's own gate definitions for 1.28 to 1.35.
 * 1.36 is not published there yet: a gate keeps its 1.35 stage in 1.36 unless a step for 1.36 is listed.
 */
export type GateStage = 'alpha' | 'beta' | 'ga';

export interface GateState {
  readonly stage: GateStage;
  /** Whether the API server of that version has the gate on when the cluster's administrator changes nothing. */
  readonly onByDefault: boolean;
}

/** A gate's history: from `since`, it has this stage and default (until the next step). */
interface GateStep extends GateState {
  readonly since: string;
}

const alpha = (since: string): GateStep => ({ since, stage: 'alpha', onByDefault: false });
/** Beta, but off unless the administrator turns it on (new beta APIs since 1.24 start this way). */
const betaOff = (since: string): GateStep => ({ since, stage: 'beta', onByDefault: false });
const beta = (since: string): GateStep => ({ since, stage: 'beta', onByDefault: true });
const ga = (since: string): GateStep => ({ since, stage: 'ga', onByDefault: true });

export const FEATURE_GATES = {
  AppArmorFields: [beta('1.30'), ga('1.31')],
  ClusterTrustBundleProjection: [alpha('1.29'), betaOff('1.33')],
  ContainerRestartRules: [alpha('1.34'), beta('1.35')],
  ContainerStopSignals: [alpha('1.33')],
  DynamicResourceAllocation: [alpha('1.26'), betaOff('1.32'), ga('1.34')],
  EnvFiles: [alpha('1.34'), beta('1.35')],
  GenericWorkload: [alpha('1.35')],
  HostnameOverride: [alpha('1.34'), beta('1.35')],
  ImageVolume: [alpha('1.31'), betaOff('1.33'), beta('1.35')],
  InPlacePodVerticalScaling: [alpha('1.27'), beta('1.33'), ga('1.35')],
  JobBackoffLimitPerIndex: [alpha('1.28'), beta('1.29'), ga('1.33')],
  JobManagedBy: [alpha('1.30'), beta('1.32'), ga('1.35')],
  JobPodReplacementPolicy: [alpha('1.28'), beta('1.29'), ga('1.34')],
  JobSuccessPolicy: [alpha('1.30'), beta('1.31'), ga('1.33')],
  MatchLabelKeysInPodAffinity: [alpha('1.29'), beta('1.31'), ga('1.33')],
  MatchLabelKeysInPodTopologySpread: [alpha('1.25'), beta('1.27')],
  MaxUnavailableStatefulSet: [alpha('1.24'), beta('1.35')],
  NodeInclusionPolicyInPodTopologySpread: [alpha('1.25'), beta('1.26'), ga('1.33')],
  PodCertificateRequest: [alpha('1.34'), betaOff('1.35')],
  PodLevelResources: [alpha('1.32'), beta('1.34')],
  PodLifecycleSleepAction: [alpha('1.29'), beta('1.30'), ga('1.34')],
  PodLifecycleSleepActionAllowZero: [alpha('1.32'), beta('1.33'), ga('1.34')],
  PodSchedulingReadiness: [alpha('1.26'), beta('1.27'), ga('1.30')],
  ProcMountType: [alpha('1.12'), betaOff('1.31'), beta('1.33')],
  RecursiveReadOnlyMounts: [alpha('1.30'), beta('1.31'), ga('1.33')],
  RelaxedDNSSearchValidation: [alpha('1.32'), beta('1.33'), ga('1.34')],
  RelaxedEnvironmentVariableValidation: [alpha('1.30'), beta('1.32'), ga('1.34')],
  RestartAllContainersOnContainerExits: [alpha('1.35'), beta('1.36')],
  SELinuxChangePolicy: [alpha('1.32'), beta('1.33')],
  SidecarContainers: [alpha('1.28'), beta('1.29'), ga('1.33')],
  StatefulSetAutoDeletePVC: [alpha('1.23'), beta('1.27'), ga('1.32')],
  StatefulSetStartOrdinal: [alpha('1.26'), beta('1.27'), ga('1.31')],
  SupplementalGroupsPolicy: [alpha('1.31'), beta('1.33'), ga('1.35')],
  // Gt and Lt in a toleration; the scheduling rules read it.
  TaintTolerationComparisonOperators: [alpha('1.35'), beta('1.36')],
  UserNamespacesSupport: [alpha('1.25'), betaOff('1.30'), beta('1.33')],
  VolumeAttributesClass: [alpha('1.29'), betaOff('1.31'), ga('1.34')],
} as const satisfies Record<string, readonly GateStep[]>;

export type FeatureGate = keyof typeof FEATURE_GATES;

/** The gate's stage and default in `version`; undefined before the gate existed. */
export function gateStage(gate: FeatureGate, version: string): GateState | undefined {
  let state: GateState | undefined;
  for (const step of FEATURE_GATES[gate] as readonly GateStep[]) {
    if (compareVersions(version, step.since) < 0) break;
    state = { stage: step.stage, onByDefault: step.onByDefault };
  }
  return state;
}

/** True when the API server of `version` has the gate on by default (false before the gate existed). */
export function gateOnByDefault(gate: FeatureGate, version: string): boolean {
  return gateStage(gate, version)?.onByDefault ?? false;
}

/** The first version whose API server has the gate on by default (`1.32`), if any yet. */
export function gateOnSince(gate: FeatureGate): string | undefined {
  return (FEATURE_GATES[gate] as readonly GateStep[]).find((step) => step.onByDefault)?.since;
}

/** "alpha, off by default", "beta, on by default", "GA": the stage in words, for messages and hovers. */
export function stageWords(state: GateState): string {
  if (state.stage === 'ga') return 'GA';
  return `${state.stage}, ${state.onByDefault ? 'on' : 'off'} by default`;
}

/** A field that only takes effect while a gate is on. */
export interface GatedField {
  readonly definition: string;
  readonly field: string;
  readonly gate: FeatureGate;
  /**
   * Whether the field depends on the gate wherever it is written. False where it depends on the part a container
   * plays (restartPolicy, restartPolicyRules): the lifecycle rules check those with the container in hand.
   */
  readonly everywhere: boolean;
}

const CORE = 'io.k8s.api.core.v1.';
const gated = (definition: string, field: string, gate: FeatureGate, everywhere = true): GatedField => ({ definition, field, gate, everywhere });

/** The Pod-template fields that depend on a gate, by the definition that holds them. */
export const GATED_FIELDS: readonly GatedField[] = [
  gated(`${CORE}PodSecurityContext`, 'appArmorProfile', 'AppArmorFields'),
  gated(`${CORE}SecurityContext`, 'appArmorProfile', 'AppArmorFields'),
  gated(`${CORE}VolumeMount`, 'recursiveReadOnly', 'RecursiveReadOnlyMounts'),
  gated(`${CORE}Volume`, 'image', 'ImageVolume'),
  gated(`${CORE}PodSecurityContext`, 'supplementalGroupsPolicy', 'SupplementalGroupsPolicy'),
  gated(`${CORE}PodSpec`, 'resources', 'PodLevelResources'),
  gated(`${CORE}PodSecurityContext`, 'seLinuxChangePolicy', 'SELinuxChangePolicy'),
  gated(`${CORE}Lifecycle`, 'stopSignal', 'ContainerStopSignals'),
  gated(`${CORE}EnvVarSource`, 'fileKeyRef', 'EnvFiles'),
  gated(`${CORE}PodSpec`, 'hostnameOverride', 'HostnameOverride'),
  gated(`${CORE}PodSpec`, 'hostUsers', 'UserNamespacesSupport'),
  gated(`${CORE}PodSpec`, 'workloadRef', 'GenericWorkload'),
  gated(`${CORE}PodSpec`, 'schedulingGroup', 'GenericWorkload'),
  gated(`${CORE}PodSpec`, 'resourceClaims', 'DynamicResourceAllocation'),
  gated(`${CORE}ResourceRequirements`, 'claims', 'DynamicResourceAllocation'),
  gated(`${CORE}PodSpec`, 'schedulingGates', 'PodSchedulingReadiness'),
  gated(`${CORE}Container`, 'resizePolicy', 'InPlacePodVerticalScaling'),
  gated(`${CORE}Container`, 'restartPolicy', 'SidecarContainers', false),
  gated(`${CORE}Container`, 'restartPolicyRules', 'ContainerRestartRules', false),
  gated(`${CORE}SecurityContext`, 'procMount', 'ProcMountType'),
  gated(`${CORE}LifecycleHandler`, 'sleep', 'PodLifecycleSleepAction'),
  gated(`${CORE}PodAffinityTerm`, 'matchLabelKeys', 'MatchLabelKeysInPodAffinity'),
  gated(`${CORE}PodAffinityTerm`, 'mismatchLabelKeys', 'MatchLabelKeysInPodAffinity'),
  gated(`${CORE}TopologySpreadConstraint`, 'matchLabelKeys', 'MatchLabelKeysInPodTopologySpread'),
  gated(`${CORE}TopologySpreadConstraint`, 'nodeAffinityPolicy', 'NodeInclusionPolicyInPodTopologySpread'),
  gated(`${CORE}TopologySpreadConstraint`, 'nodeTaintsPolicy', 'NodeInclusionPolicyInPodTopologySpread'),
  gated(`${CORE}VolumeProjection`, 'clusterTrustBundle', 'ClusterTrustBundleProjection'),
  gated(`${CORE}VolumeProjection`, 'podCertificate', 'PodCertificateRequest'),
  gated(`${CORE}PersistentVolumeClaimSpec`, 'volumeAttributesClassName', 'VolumeAttributesClass'),
  gated('io.k8s.api.batch.v1.JobSpec', 'podReplacementPolicy', 'JobPodReplacementPolicy'),
  gated('io.k8s.api.batch.v1.JobSpec', 'backoffLimitPerIndex', 'JobBackoffLimitPerIndex'),
  gated('io.k8s.api.batch.v1.JobSpec', 'maxFailedIndexes', 'JobBackoffLimitPerIndex'),
  gated('io.k8s.api.batch.v1.JobSpec', 'successPolicy', 'JobSuccessPolicy'),
  gated('io.k8s.api.batch.v1.JobSpec', 'managedBy', 'JobManagedBy'),
  gated('io.k8s.api.apps.v1.StatefulSetSpec', 'ordinals', 'StatefulSetStartOrdinal'),
  gated('io.k8s.api.apps.v1.StatefulSetSpec', 'persistentVolumeClaimRetentionPolicy', 'StatefulSetAutoDeletePVC'),
  gated('io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy', 'maxUnavailable', 'MaxUnavailableStatefulSet'),
];

const byField = new Map(GATED_FIELDS.map((f) => [`${f.definition}.${f.field}`, f]));

/** The gate a field depends on, if any. */
export function fieldGate(definition: string, field: string): GatedField | undefined {
  return byField.get(`${definition}.${field}`);
}
