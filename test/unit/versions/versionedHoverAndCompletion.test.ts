/**
 * Hover and completion at the target version: the hover on a field's key says since when the field exists and the
 * stage of its gate in the target version; completion offers only the fields the target version has.
 */
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { service, settingsWith, withCursor, yaml } from '../support/service';

function hoverText(marked: string, kubernetesVersion: string): string {
  const { source, position } = withCursor(marked);
  const hover = service.hover(source, position, settingsWith({ kubernetesVersion }));
  return hover ? (hover.contents as MarkupContent).value : '';
}

function keysOffered(marked: string, kubernetesVersion: string): Map<string, string> {
  const { source, position } = withCursor(marked);
  const items = service.complete(source, position, settingsWith({ kubernetesVersion })).items;
  return new Map(items.map((i) => [String(i.filterText ?? i.label), String(i.detail ?? '')]));
}

const pod = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', ...specLines);
const CONTAINER = ['  containers:', '    - name: app', '      image: nginx:1.27'];

describe('versions: hover at the target version', () => {
  const STOP_SIGNAL = pod(...CONTAINER, '      lifecycle:', '        stop|Signal: SIGUSR1');
  const HOST_USERS = pod('  host|Users: false', ...CONTAINER);
  const APPARMOR = pod('  securityContext:', '    appArmor|Profile: {type: RuntimeDefault}', ...CONTAINER);

  it('stopSignal at 1.36: since 1.33, its gate alpha and off, so the API server drops it', () => {
    assert.ok(
      hoverText(STOP_SIGNAL, '1.36').includes(
        'Since Kubernetes 1.33 · feature gate `ContainerStopSignals`: alpha, off by default in 1.36 (your target), so the API server drops the field unless the cluster turns the gate on.',
      ),
    );
  });

  it('stopSignal at 1.32 (before 1.33): not in the target version', () => {
    assert.ok(hoverText(STOP_SIGNAL, '1.32').includes('**Not in Kubernetes 1.32** (your podsmith.kubernetesVersion): `stopSignal` exists from Kubernetes 1.33.'));
  });

  it('appArmorProfile: beta and on in 1.30, GA from 1.31', () => {
    assert.ok(hoverText(APPARMOR, '1.30').includes('Since Kubernetes 1.30 · feature gate `AppArmorFields`: beta, on by default in 1.30 (your target).'));
    assert.ok(hoverText(APPARMOR, '1.31').includes('Since Kubernetes 1.30 · feature gate `AppArmorFields`: GA in 1.31 (your target).'));
  });

  it('hostUsers: a field of every version, its gate beta but off in 1.30, on from 1.33', () => {
    assert.ok(
      hoverText(HOST_USERS, '1.30').includes(
        'In every Kubernetes version Podsmith targets (1.28 and later) · feature gate `UserNamespacesSupport`: beta, off by default in 1.30 (your target), so the API server drops the field unless the cluster turns the gate on.',
      ),
    );
    assert.ok(hoverText(HOST_USERS, '1.33').includes('feature gate `UserNamespacesSupport`: beta, on by default in 1.33 (your target).'));
  });

  it('a field of every version with no gate gets no version line', () => {
    const text = hoverText(pod('  containers:', '    - name: app', '      ima|ge: nginx:1.27'), '1.29');
    assert.ok(text.length > 0);
    assert.doesNotMatch(text, /Kubernetes 1\.\d+|feature gate/);
  });

  it('workloadRef: a field of 1.35, removed in 1.36 for schedulingGroup', () => {
    const text = pod('  workload|Ref: {name: train}', ...CONTAINER);
    assert.equal(
      hoverText(text, '1.35'),
      '`workloadRef` is a field of `PodSpec` (`spec`) in Kubernetes 1.35 (your podsmith.kubernetesVersion); Kubernetes 1.36 removed it. Use `schedulingGroup` (with `podGroupName`) instead.',
    );
    assert.equal(
      hoverText(text, '1.36'),
      '`workloadRef` was a field of `PodSpec` (`spec`) until Kubernetes 1.36 removed it; your podsmith.kubernetesVersion is 1.36. Use `schedulingGroup` (with `podGroupName`) instead.',
    );
  });
});

describe('versions: completion offers the fields of the target version', () => {
  const SPEC_KEYS = pod('  |', ...CONTAINER);
  const LIFECYCLE_KEYS = pod(...CONTAINER, '      lifecycle:', '        |');
  const POD_SECURITY_KEYS = pod('  securityContext:', '    |', ...CONTAINER);

  it('PodSpec at 1.29: no hostnameOverride, resources or schedulingGroup', () => {
    const keys = keysOffered(SPEC_KEYS, '1.29');
    assert.ok(keys.has('hostUsers') && keys.has('nodeSelector'));
    for (const newer of ['hostnameOverride', 'resources', 'schedulingGroup']) assert.ok(!keys.has(newer), newer);
  });

  it('PodSpec at 1.32: resources, alpha and off; at 1.34 hostnameOverride too, and resources on', () => {
    const at132 = keysOffered(SPEC_KEYS, '1.32');
    assert.match(at132.get('resources')!, /since 1\.32, alpha: off by default/);
    assert.ok(!at132.has('hostnameOverride'));
    const at134 = keysOffered(SPEC_KEYS, '1.34');
    assert.match(at134.get('hostnameOverride')!, /since 1\.34, alpha: off by default/);
    assert.match(at134.get('resources')!, /since 1\.32/);
    assert.doesNotMatch(at134.get('resources')!, /off by default/);
  });

  it('PodSpec at 1.36: schedulingGroup (alpha), and no workloadRef', () => {
    assert.match(keysOffered(SPEC_KEYS, '1.36').get('schedulingGroup')!, /since 1\.36, alpha: off by default/);
    assert.ok(!keysOffered(SPEC_KEYS, '1.36').has('workloadRef'));
  });

  it('PodSpec at 1.35: workloadRef, a field 1.36 removed, and no schedulingGroup', () => {
    const keys = keysOffered(SPEC_KEYS, '1.35');
    assert.equal(keys.get('workloadRef'), 'removed in 1.36 · since 1.35, alpha: off by default');
    assert.ok(!keys.has('schedulingGroup'));
  });

  it('a resource claim at 1.30 offers source (removed in 1.31), at 1.31 the names that replaced it', () => {
    const claim = pod('  resourceClaims:', '    - name: gpu', '      |', ...CONTAINER);
    const at130 = keysOffered(claim, '1.30');
    assert.equal(at130.get('source'), 'removed in 1.31');
    assert.ok(!at130.has('resourceClaimTemplateName'));
    const at131 = keysOffered(claim, '1.31');
    assert.ok(!at131.has('source'));
    assert.ok(at131.has('resourceClaimTemplateName'));
  });

  it('lifecycle: stopSignal from 1.33, not at 1.32', () => {
    assert.ok(!keysOffered(LIFECYCLE_KEYS, '1.32').has('stopSignal'));
    assert.ok(keysOffered(LIFECYCLE_KEYS, '1.32').has('preStop'));
    assert.ok(keysOffered(LIFECYCLE_KEYS, '1.33').has('stopSignal'));
  });

  it('Pod securityContext: appArmorProfile from 1.30, supplementalGroupsPolicy from 1.31, seLinuxChangePolicy from 1.32', () => {
    const offered = (version: string) => ['appArmorProfile', 'supplementalGroupsPolicy', 'seLinuxChangePolicy'].filter((k) => keysOffered(POD_SECURITY_KEYS, version).has(k));
    assert.deepEqual(offered('1.29'), []);
    assert.deepEqual(offered('1.30'), ['appArmorProfile']);
    assert.deepEqual(offered('1.31'), ['appArmorProfile', 'supplementalGroupsPolicy']);
    assert.deepEqual(offered('1.32'), ['appArmorProfile', 'supplementalGroupsPolicy', 'seLinuxChangePolicy']);
  });
});
