import assert from 'node:assert/strict';
import {
  allowedRestartPolicies,
  effectiveRestartPolicy,
  initContainerRestartPolicies,
  isNativeSidecarPolicy,
  servesUntilStopped,
} from '../../../server/src/pod/restartPolicies';
import { customPodKindOf } from '../../../server/src/pod/podCarriers';
import { workloadKindByName } from '../../../server/src/pod/workloadKinds';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, settingsWith, sourceOf, withCursor, yaml } from '../support/service';

/** The restart policies each kind accepts, read by the workload rule, its fix, completion and hover alike. */
describe('pod: restart policies per kind', () => {
  const carrier = (kind: string, apiVersion?: string) => {
    const found = apiVersion ? customPodKindOf({ apiVersion, kind }) : workloadKindByName(kind);
    assert.ok(found, kind);
    return found;
  };

  it('controllers that keep Pods running accept only Always; Jobs OnFailure or Never; a bare Pod all three', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']) assert.deepEqual(allowedRestartPolicies(carrier(kind)), ['Always'], kind);
    assert.deepEqual(allowedRestartPolicies(carrier('Job')), ['Never', 'OnFailure']);
    assert.deepEqual(allowedRestartPolicies(carrier('CronJob')), ['OnFailure', 'Never']);
    assert.deepEqual(allowedRestartPolicies(carrier('Pod')), ['Always', 'OnFailure', 'Never']);
    assert.deepEqual(allowedRestartPolicies(carrier('PodTemplate')), ['Always', 'OnFailure', 'Never']);
  });

  it('a KEDA ScaledJob is a Job template: OnFailure or Never; other custom resources restrict nothing', () => {
    assert.deepEqual(allowedRestartPolicies(carrier('ScaledJob', 'keda.sh/v1alpha1')), ['Never', 'OnFailure']);
    assert.deepEqual(allowedRestartPolicies(carrier('Rollout', 'argoproj.io/v1alpha1')), ['Always', 'OnFailure', 'Never']);
    assert.deepEqual(allowedRestartPolicies(carrier('Service', 'serving.knative.dev/v1')), ['Always', 'OnFailure', 'Never']);
  });

  it('the Pod policy in force defaults to Always; a Job or a bare Pod that may finish does not serve', () => {
    assert.equal(effectiveRestartPolicy({}), 'Always');
    assert.equal(effectiveRestartPolicy({ restartPolicy: 'Never' }), 'Never');
    assert.equal(servesUntilStopped({ workload: carrier('Pod') }), true);
    assert.equal(servesUntilStopped({ workload: carrier('Pod'), restartPolicy: 'OnFailure' }), false);
    assert.equal(servesUntilStopped({ workload: carrier('Job'), restartPolicy: 'Never' }), false);
    assert.equal(servesUntilStopped({ workload: carrier('ScaledJob', 'keda.sh/v1alpha1'), restartPolicy: 'Never' }), false);
    assert.equal(servesUntilStopped({ workload: carrier('Deployment') }), true);
  });

  it('an init container with Always is a native sidecar; OnFailure and Never only where ContainerRestartRules is on', () => {
    assert.equal(isNativeSidecarPolicy('initContainers', 'Always'), true);
    assert.equal(isNativeSidecarPolicy('containers', 'Always'), false);
    assert.equal(isNativeSidecarPolicy('initContainers', 'OnFailure'), false);
    assert.deepEqual(initContainerRestartPolicies('1.34'), ['Always']);
    assert.deepEqual(initContainerRestartPolicies('1.35'), ['Always', 'OnFailure', 'Never']);
  });

  // Completion offered a Job's policies Never first and the fix proposed OnFailure first; both now follow the
  // kind's order (a Job's Pods usually fail over to a new Pod, a CronJob's usually retry in place).
  const template = (kind: string, api: string, policy: string) =>
    yaml(`apiVersion: ${api}`, `kind: ${kind}`, 'metadata: {name: w}', 'spec:', '  template:', '    spec:', `      restartPolicy: ${policy}`, '      containers: [{name: a, image: "a:1"}]');
  const cronJob = (policy: string) =>
    yaml('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "0 * * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', `          restartPolicy: ${policy}`, '          containers: [{name: a, image: "a:1"}]');
  const offered = (marked: string) => {
    const { source, position } = withCursor(marked);
    return service.complete(source, position, settingsWith()).items.map((i) => i.label);
  };
  const fixTitles = (text: string) => {
    const source = sourceOf(text);
    const diagnostics = service.validate(source, DEFAULT_SETTINGS).filter((d) => d.code === 'workload-restart-policy');
    assert.equal(diagnostics.length, 1, text);
    return service.codeActions(source, diagnostics[0].range, { diagnostics }, DEFAULT_SETTINGS)
      .map((a) => a.title)
      .filter((t) => t.startsWith('Change to'));
  };

  for (const [kind, marked, wrong, expected] of [
    ['Job', template('Job', 'batch/v1', '|'), template('Job', 'batch/v1', 'Always'), ['Never', 'OnFailure']],
    ['CronJob', cronJob('|'), cronJob('Always'), ['OnFailure', 'Never']],
    ['Deployment', template('Deployment', 'apps/v1', '|'), template('Deployment', 'apps/v1', 'Never'), ['Always']],
  ] as const) {
    it(`a ${kind}: completion offers and the fix proposes the same policies, in the same order`, () => {
      assert.deepEqual(offered(marked), expected);
      assert.deepEqual(fixTitles(wrong), expected.map((p) => `Change to \`${p}\``));
    });
  }
});
