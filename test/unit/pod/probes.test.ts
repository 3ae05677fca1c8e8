import assert from 'node:assert/strict';
import { hooksOf, isLifecycleHook, isProbeField, probesOf, probeTiming } from '../../../server/src/pod/probes';
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

  it("reads a probe's timing: each field as written, else the default the API fills in", () => {
    const timing = probeTiming(probesOf(web)[0].probe);
    assert.deepEqual(timing?.periodSeconds, { value: 10, defaulted: true });
    assert.deepEqual(timing?.failureThreshold, { value: 3, defaulted: true });
    const written = podOf(lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a',
      '      livenessProbe: {exec: {command: [true]}, periodSeconds: 5, timeoutSeconds: null}',
      '      readinessProbe: {exec: {command: [true]}, periodSeconds: "5"}'));
    const [live, ready] = probesOf(written.containers[0]);
    assert.deepEqual(probeTiming(live.probe)?.periodSeconds, { value: 5, defaulted: false });
    assert.deepEqual(probeTiming(live.probe)?.timeoutSeconds, { value: 1, defaulted: true });
    // A string is the schema check's finding: no timing can be told.
    assert.equal(probeTiming(ready.probe), undefined);
  });
});
