import assert from 'node:assert/strict';
import { hooksOf, isLifecycleHook, isProbeField, probesOf } from '../../../server/src/pod/probes';
import { lines, podOf } from './support';

/** A container's probes and hooks, one owner for the rules, hover, inlay hints, port names and completion. */
describe('pod: probes and lifecycle hooks', () => {
  const pod = podOf(lines(
    'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: web', '      image: web:1',
    '      startupProbe: {tcpSocket: {port: 80}}', '      livenessProbe:', '        httpGet: {path: /, port: 80}',
    '      readinessProbe: not-a-map', '      lifecycle:', '        preStop: {sleep: {seconds: 5}}', '        postStart: []',
  ));
  const [web] = pod.containers;

  it('lists the probes written as mappings, in liveness, readiness, startup order', () => {
    assert.deepEqual(probesOf(web).map((p) => p.field), ['livenessProbe', 'startupProbe']);
    assert.equal(probesOf(web)[0].probe.items.length, 1);
  });

  it('lists the hooks written as mappings', () => {
    assert.deepEqual(hooksOf(web).map((h) => h.hook), ['preStop']);
  });

  it('knows the names', () => {
    assert.equal(isProbeField('startupProbe'), true);
    assert.equal(isProbeField('lifecycle'), false);
    assert.equal(isLifecycleHook('preStop'), true);
    assert.equal(isLifecycleHook('livenessProbe'), false);
  });
});
