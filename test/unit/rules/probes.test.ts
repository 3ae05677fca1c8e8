import assert from 'node:assert/strict';
import { findings, lines, ruleTable, unmark } from './support';

const pod = (...container: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - name: http', '          containerPort: 8080', ...container);

describe('rules: probes', () => {
  ruleTable('probe-handler', 1, [
    { title: 'two handlers: points at the second', manifest: pod('      livenessProbe:', '        httpGet: {path: /healthz, port: 8080}', '        «tcpSocket»: {port: 8080}'), says: /has 2 handlers \(httpGet, tcpSocket\)/ },
    { title: 'no handler', manifest: pod('      «readinessProbe»:', '        periodSeconds: 5'), says: /has no handler/ },
    { title: 'silent: one handler', manifest: pod('      readinessProbe:', '        grpc: {port: 8080}') },
  ]);

  ruleTable('probe-success-threshold', 1, [
    { title: 'liveness with successThreshold 3', manifest: pod('      livenessProbe:', '        successThreshold: «3»', '        httpGet: {path: /healthz, port: http}'), says: /successThreshold of a liveness probe must be 1/ },
    { title: 'startup with successThreshold 2', manifest: pod('      startupProbe:', '        successThreshold: «2»', '        tcpSocket: {port: http}'), says: /startup probe must be 1/ },
    { title: 'silent: readiness may need several successes', manifest: pod('      readinessProbe:', '        successThreshold: 3', '        httpGet: {path: /ready, port: http}') },
  ]);

  ruleTable('probe-port', 1, [
    { title: 'a number out of range', manifest: pod('      readinessProbe:', '        tcpSocket: {port: «70000»}'), says: /Probe port 70000 is out of range/ },
    { title: 'an invalid name', manifest: pod('      readinessProbe:', '        httpGet: {path: /, port: «Http_Port»}'), says: /neither a number nor a valid port name/ },
    { title: 'silent: a number in range', manifest: pod('      readinessProbe:', '        tcpSocket: {port: 8080}') },
  ]);

  ruleTable('probe-named-port', 2, [
    { title: 'a name this container does not declare', manifest: pod('      livenessProbe:', '        httpGet: {path: /healthz, port: «healthz»}'), says: /declares no port named `healthz`.*probed container's own ports only/ },
    {
      title: 'a name declared only by another container of the Pod',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', '      readinessProbe:', '        tcpSocket: {port: «admin»}', '    - name: proxy', '      image: envoy:1.0', '      ports:', '        - name: admin', '          containerPort: 9901'),
    },
    { title: 'silent: a name this container declares', manifest: pod('      livenessProbe:', '        httpGet: {path: /healthz, port: http}') },
  ]);

  ruleTable('identical-probes', 2, [
    { title: 'liveness equal to readiness (key order aside)', manifest: pod('      «livenessProbe»:', '        httpGet: {path: /ready, port: http}', '        periodSeconds: 10', '      readinessProbe:', '        periodSeconds: 10', '        httpGet: {port: http, path: /ready}'), says: /livenessProbe of container `web` is identical to its readinessProbe/ },
    { title: 'silent: liveness with a higher failureThreshold', manifest: pod('      livenessProbe:', '        httpGet: {path: /ready, port: http}', '        failureThreshold: 6', '      readinessProbe:', '        httpGet: {path: /ready, port: http}') },
  ]);

  it('identical-probes names the readiness probe as related', () => {
    const { text } = unmark(pod('      livenessProbe:', '        tcpSocket: {port: http}', '      readinessProbe:', '        tcpSocket: {port: http}'));
    const [d] = findings(text, 'identical-probes');
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.range.start.line, r.message]), [[13, 'the identical readinessProbe']]);
  });
});

describe('rules: readiness probe grace period', () => {
  ruleTable('readiness-probe-grace-period', 1, [
    { title: 'terminationGracePeriodSeconds on a readiness probe', manifest: pod('      readinessProbe:', '        httpGet: {path: /ready, port: http}', '        «terminationGracePeriodSeconds»: 30'), says: /never stops the container/ },
    { title: 'silent: on a liveness probe', manifest: pod('      livenessProbe:', '        httpGet: {path: /healthz, port: http}', '        terminationGracePeriodSeconds: 30') },
  ]);
});
