/**
 * Probes' timings and the actions of probes and lifecycle hooks, as the API server checks them (upstream:
 * validateProbe, validateHandler, validateLifecycle, validateExecAction, validateHTTPGetAction, validateSleepAction;
 * tests TestValidateProbe, TestValidateHandler, TestValidateLifecycle..., TestValidateSleepAction).
 */
import { lines, ruleTable } from './support';

const pod = (...container: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ...container.map((l) => `      ${l}`));

describe('rules: probe timings and handler actions', () => {
  ruleTable('probe-timing', 1, [
    { title: 'negative period and threshold', manifest: pod('livenessProbe:', '  tcpSocket: {port: 80}', '  periodSeconds: «-10»', '  failureThreshold: «-1»'), says: /is negative/ },
    { title: 'negative initial delay on readiness', manifest: pod('readinessProbe:', '  tcpSocket: {port: 80}', '  initialDelaySeconds: «-1»'), says: /initialDelaySeconds -1/ },
    { title: 'a probe grace period of 0', manifest: pod('livenessProbe:', '  tcpSocket: {port: 80}', '  terminationGracePeriodSeconds: «0»'), says: /must be greater than 0/ },
    { title: 'silent: zeros are filled with defaults', manifest: pod('livenessProbe:', '  tcpSocket: {port: 80}', '  periodSeconds: 0', '  timeoutSeconds: 0', '  terminationGracePeriodSeconds: 5') },
  ]);

  ruleTable('lifecycle-handler', 1, [
    { title: 'a preStop with exec and sleep: on the second', manifest: pod('lifecycle:', '  preStop:', '    exec: {command: [quit]}', '    «sleep»: {seconds: 5}'), says: /has 2 handlers \(exec, sleep\)/ },
    { title: 'an empty postStart', manifest: pod('lifecycle:', '  «postStart»: {}'), says: /has no handler/ },
    { title: 'silent: one handler each, tcpSocket kept for old manifests', manifest: pod('lifecycle:', '  postStart:', '    tcpSocket: {port: 80}', '  preStop:', '    httpGet: {path: /quit, port: 80}') },
  ]);

  ruleTable('handler-action', 1, [
    { title: 'an exec without a command', manifest: pod('livenessProbe:', '  «exec»: {}'), says: /has no command/ },
    { title: 'an exec with an empty command', manifest: pod('lifecycle:', '  preStop:', '    exec:', '      «command»: []'), says: /has no command/ },
    { title: 'a header name with a space', manifest: pod('readinessProbe:', '  httpGet:', '    port: 80', '    httpHeaders:', '      - name: «X Custom»', '        value: a'), says: /not a header name/ },
    { title: 'a sleep longer than the default grace period (on sleep)', manifest: pod('lifecycle:', '  preStop:', '    «sleep»:', '      seconds: 31'), says: /longer than the Pod's terminationGracePeriodSeconds \(30, the default\)/ },
    {
      title: 'a sleep longer than the Pod\'s grace period',
      manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  terminationGracePeriodSeconds: 10', '  containers:', '    - name: web', '      image: nginx:1.27', '      lifecycle:', '        preStop:', '          «sleep»: {seconds: 20}'),
      says: /\(10\)/,
    },
    { title: 'a negative sleep', manifest: pod('lifecycle:', '  preStop:', '    «sleep»:', '      seconds: -1'), says: /0 or more/ },
    { title: 'a sleep of 0 before 1.33', manifest: pod('lifecycle:', '  preStop:', '    «sleep»:', '      seconds: 0'), settings: { kubernetesVersion: '1.32' }, says: /greater than 0 before Kubernetes 1.33/ },
    { title: 'silent: a sleep of 0 from 1.33, and of the whole grace period', manifest: pod('lifecycle:', '  postStart:', '    sleep: {seconds: 0}', '  preStop:', '    sleep: {seconds: 30}') },
    { title: 'silent: a regular init step (init-container-field reports its probe)', manifest: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', '    - name: init', '      image: busybox:1.36', '      livenessProbe:', '        exec: {}', '  containers:', '    - name: web', '      image: nginx:1.27') },
  ]);
});
