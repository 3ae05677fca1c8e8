import assert from 'node:assert/strict';
import { containerRoles, primaryContainer, roleLabel } from '../../../server/src/pod/roles';
import { lines, podOf } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

describe('pod: container roles', () => {
  it('lifecycle roles are exact: init steps, native sidecars, ephemeral containers', () => {
    const model = podOf(pod(
      '  initContainers:',
      '    - {name: migrate, image: app:1}',
      '    - {name: proxy, image: envoy:1, restartPolicy: Always}',
      '  containers:',
      '    - {name: web, image: app:1}',
      '  ephemeralContainers:',
      '    - {name: debug, image: busybox:1.36}',
    ));
    const roles = containerRoles(model);
    assert.deepEqual(model.containers.map((c) => roleLabel(roles.get(c)!)), [
      'init container, step 1',
      'native sidecar (init step 2, then runs beside the app)',
      'app container',
      'ephemeral debug container',
    ]);
  });

  const patterns: [string, string[], string, RegExp][] = [
    ['a proxy image is an ambassador', ['    - {name: web, image: shop:1}', '    - {name: db-proxy, image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0}'], 'ambassador', /is a proxy: web reaches the outside world through it/],
    ['an exporter image is an adapter', ['    - {name: redis, image: redis:7}', '    - {name: metrics, image: oliver006/redis_exporter:v1.62.0, ports: [{name: metrics, containerPort: 9121}]}'], 'adapter', /is an exporter serving port 9121/],
    ['a shared volume makes a sidecar', ['    - {name: web, image: shop:1, volumeMounts: [{name: logs, mountPath: /var/log}]}', '    - {name: shipper, image: shipper:1, volumeMounts: [{name: logs, mountPath: /logs}]}'], 'sidecar', /shares volume logs with web/],
  ];
  for (const [title, containers, role, reason] of patterns) {
    it(title, () => {
      const model = podOf(pod('  containers:', ...containers, '  volumes: [{name: logs, emptyDir: {}}]'));
      const info = containerRoles(model).get(model.containers[1])!;
      assert.equal(info.role, role);
      assert.match(info.reason ?? '', reason);
    });
  }

  it('the primary container is the first that is not a known helper', () => {
    const model = podOf(pod('  containers:', '    - {name: proxy, image: envoyproxy/envoy:v1.31.0}', '    - {name: web, image: shop:1}'));
    assert.equal(primaryContainer(model.containers)?.name, 'web');
  });
});
