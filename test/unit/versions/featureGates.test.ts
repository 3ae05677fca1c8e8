import assert from 'node:assert/strict';
import { FEATURE_GATES, GATED_FIELDS, fieldGate, gateOnByDefault, gateOnSince, gateStage, stageWords, type FeatureGate } from '../../../server/src/versions/featureGates';
import { fieldExistsIn, fieldSince } from '../../../server/src/versions/fieldVersions';

describe('versions: feature gates', () => {
  // [gate, version, stage in words] at each boundary the table claims.
  const boundaries: Array<[FeatureGate, string, string | undefined]> = [
    ['AppArmorFields', '1.29', undefined],
    ['AppArmorFields', '1.30', 'beta, on by default'],
    ['AppArmorFields', '1.31', 'GA'],
    ['RecursiveReadOnlyMounts', '1.30', 'alpha, off by default'],
    ['RecursiveReadOnlyMounts', '1.31', 'beta, on by default'],
    ['RecursiveReadOnlyMounts', '1.33', 'GA'],
    ['ImageVolume', '1.31', 'alpha, off by default'],
    ['ImageVolume', '1.33', 'beta, off by default'],
    ['ImageVolume', '1.35', 'beta, on by default'],
    ['SupplementalGroupsPolicy', '1.32', 'alpha, off by default'],
    ['SupplementalGroupsPolicy', '1.33', 'beta, on by default'],
    ['SupplementalGroupsPolicy', '1.35', 'GA'],
    ['PodLevelResources', '1.33', 'alpha, off by default'],
    ['PodLevelResources', '1.34', 'beta, on by default'],
    ['SELinuxChangePolicy', '1.32', 'alpha, off by default'],
    ['SELinuxChangePolicy', '1.33', 'beta, on by default'],
    ['ContainerStopSignals', '1.32', undefined],
    ['ContainerStopSignals', '1.33', 'alpha, off by default'],
    ['ContainerStopSignals', '1.36', 'alpha, off by default'],
    ['EnvFiles', '1.34', 'alpha, off by default'],
    ['EnvFiles', '1.35', 'beta, on by default'],
    ['HostnameOverride', '1.34', 'alpha, off by default'],
    ['HostnameOverride', '1.35', 'beta, on by default'],
    ['ContainerRestartRules', '1.34', 'alpha, off by default'],
    ['ContainerRestartRules', '1.35', 'beta, on by default'],
    ['SidecarContainers', '1.28', 'alpha, off by default'],
    ['SidecarContainers', '1.29', 'beta, on by default'],
    ['SidecarContainers', '1.33', 'GA'],
    ['InPlacePodVerticalScaling', '1.32', 'alpha, off by default'],
    ['InPlacePodVerticalScaling', '1.33', 'beta, on by default'],
    ['InPlacePodVerticalScaling', '1.35', 'GA'],
    ['UserNamespacesSupport', '1.29', 'alpha, off by default'],
    ['UserNamespacesSupport', '1.30', 'beta, off by default'],
    ['UserNamespacesSupport', '1.33', 'beta, on by default'],
    ['JobPodReplacementPolicy', '1.28', 'alpha, off by default'],
    ['JobPodReplacementPolicy', '1.29', 'beta, on by default'],
    ['JobPodReplacementPolicy', '1.34', 'GA'],
    ['JobSuccessPolicy', '1.30', 'alpha, off by default'],
    ['JobSuccessPolicy', '1.31', 'beta, on by default'],
    ['JobSuccessPolicy', '1.33', 'GA'],
    ['JobManagedBy', '1.31', 'alpha, off by default'],
    ['JobManagedBy', '1.32', 'beta, on by default'],
    ['JobManagedBy', '1.35', 'GA'],
    ['RestartAllContainersOnContainerExits', '1.35', 'alpha, off by default'],
    ['RestartAllContainersOnContainerExits', '1.36', 'beta, on by default'],
    ['DynamicResourceAllocation', '1.32', 'beta, off by default'],
    ['DynamicResourceAllocation', '1.34', 'GA'],
    ['RelaxedDNSSearchValidation', '1.32', 'alpha, off by default'],
    ['RelaxedDNSSearchValidation', '1.33', 'beta, on by default'],
    ['MaxUnavailableStatefulSet', '1.34', 'alpha, off by default'],
    ['MaxUnavailableStatefulSet', '1.35', 'beta, on by default'],
    ['TaintTolerationComparisonOperators', '1.34', undefined],
    ['TaintTolerationComparisonOperators', '1.35', 'alpha, off by default'],
    ['TaintTolerationComparisonOperators', '1.36', 'beta, on by default'],
  ];
  for (const [gate, version, words] of boundaries) {
    it(`${gate} in ${version}: ${words ?? 'not there yet'}`, () => {
      const state = gateStage(gate, version);
      assert.equal(state && stageWords(state), words);
      assert.equal(gateOnByDefault(gate, version), words !== undefined && !words.includes('off by default'));
    });
  }

  it('gateOnSince: the first version with the gate on by default', () => {
    assert.equal(gateOnSince('RelaxedEnvironmentVariableValidation'), '1.32');
    assert.equal(gateOnSince('ImageVolume'), '1.35');
    assert.equal(gateOnSince('ContainerStopSignals'), undefined);
  });

  it('each gate steps forward in time, never back', () => {
    for (const [gate, steps] of Object.entries(FEATURE_GATES)) {
      const versions = steps.map((s) => Number(s.since.split('.')[1]));
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), gate);
    }
  });

  it('every gated field is a field of the table, gated no earlier than the field exists', () => {
    for (const f of GATED_FIELDS) {
      const since = fieldSince(f.definition, f.field);
      assert.ok(since, `${f.definition}.${f.field} is in the field table`);
      assert.ok(fieldExistsIn(f.definition, f.field, since), `${f.field}`);
      assert.ok(gateStage(f.gate, since) ?? since === '1.28', `${f.gate} has a stage when ${f.field} appears (${since})`);
    }
  });

  it('fieldGate finds a gated field by its definition and name, and nothing for others', () => {
    assert.equal(fieldGate('io.k8s.api.core.v1.Lifecycle', 'stopSignal')?.gate, 'ContainerStopSignals');
    assert.equal(fieldGate('io.k8s.api.core.v1.Container', 'image'), undefined);
  });
});
