import { lines, ruleTable } from '../support';

/** A Deployment whose one container is written by `container` (lines at the container's indentation, after `- name: web`). */
const plain = (...container: string[]) =>
  lines(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels: {app: web}', '  template:',
    '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - name: web', '          image: web:1.4.2', ...container.map((l) => `          ${l}`),
  );
/** The same, with the container's name marked: where a finding about the whole container points. */
const deployment = (...container: string[]) => plain(...container).replace('- name: web', '- name: «web»');
const job = (...container: string[]) =>
  lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: migrate', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: migrate', '          image: migrate:1.4.2', ...container.map((l) => `          ${l}`));

const ready = ['readinessProbe:', '  httpGet: {path: /ready, port: 8080}'];
const live = ['livenessProbe:', '  httpGet: {path: /healthz, port: 8080}', '  initialDelaySeconds: 60'];

describe('rules: probe practices', () => {
  ruleTable('readiness-probe-missing', 2, [
    { title: 'a serving container with ports and no readinessProbe', manifest: deployment('ports:', '  - containerPort: 8080', ...live), says: /declares ports but has no readinessProbe/ },
    { title: 'silent: it has one', manifest: plain('ports:', '  - containerPort: 8080', ...ready, ...live) },
    { title: 'silent: no ports (a worker that takes no traffic)', manifest: plain(...live) },
    { title: "silent: a Job's container runs to completion", manifest: job('ports:', '  - containerPort: 8080') },
    { title: 'silent under the recommended profile', manifest: plain('ports:', '  - containerPort: 8080', ...live), settings: { profile: 'recommended' } },
  ]);

  ruleTable('liveness-probe-missing', 2, [
    { title: 'a serving container without livenessProbe', manifest: deployment(...ready), says: /has no livenessProbe: if it hangs/ },
    { title: 'silent: it has one', manifest: plain(...ready, ...live) },
    { title: "silent: a Job's container", manifest: job() },
  ]);

  ruleTable('probe-port-undeclared', 2, [
    {
      title: 'a liveness probe on a port the container does not declare',
      manifest: plain('ports:', '  - containerPort: 22', 'livenessProbe:', '  httpGet: {path: /healthz, port: 8080}').replace('port: 8080}', 'port: «8080»}'),
      says: /checks port 8080, which the container does not declare \(it declares 22\)\. .* restarted over and over/,
    },
    {
      title: 'a readiness tcpSocket probe: never ready',
      manifest: plain('ports:', '  - containerPort: 80', 'readinessProbe:', '  tcpSocket:', '    port: 8443').replace('port: 8443', 'port: «8443»'),
      says: /never ready/,
    },
    { title: 'silent: the port is declared', manifest: plain('ports:', '  - containerPort: 8080', ...ready) },
    { title: 'silent: the container declares no ports at all', manifest: plain(...ready) },
    { title: 'silent: a named port (probe-named-port judges names)', manifest: plain('ports:', '  - {name: http, containerPort: 8080}', 'readinessProbe:', '  httpGet: {path: /ready, port: http}') },
    { title: 'silent: a probe with its own host checks another machine', manifest: plain('ports:', '  - containerPort: 80', 'readinessProbe:', '  httpGet: {host: db.local, path: /, port: 5432}') },
  ]);

  ruleTable('liveness-without-startup', 2, [
    {
      title: 'default timing: 30 s before the first restart',
      manifest: plain(...ready, '«livenessProbe»:', '  httpGet: {path: /healthz, port: 8080}'),
      says: /still fails 30 s after it starts, and it has no startupProbe/,
    },
    { title: 'silent: a generous initial delay', manifest: plain(...ready, ...live) },
    { title: 'silent: a startupProbe guards the start', manifest: plain(...ready, 'startupProbe:', '  httpGet: {path: /healthz, port: 8080}', '  failureThreshold: 30', 'livenessProbe:', '  httpGet: {path: /healthz, port: 8080}') },
  ]);
});
