import assert from 'node:assert/strict';
import { ManifestDocument } from '../../../server/src/document/manifestDocument';
import { mountsOf, podModelOf, volumeNamed } from '../../../server/src/pod/podModel';
import { lines, podOf } from './support';

const model = (text: string) => podModelOf(ManifestDocument.parse({ offset: 0, text }, 0));

describe('pod: the Pod model', () => {
  const deployment = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: shop',
    'spec:',
    '  template:',
    '    spec:',
    '      hostNetwork: true',
    '      restartPolicy: Always',
    '      initContainers:',
    '        - name: migrate',
    '          image: app:1',
    '        - name: proxy',
    '          image: envoy:1',
    '          restartPolicy: Always',
    '      containers:',
    '        - name: web',
    '          image: app:1',
    '          ports:',
    '            - {name: http, containerPort: 8080}',
    '            - {containerPort: 53, protocol: UDP, hostPort: 53}',
    '          volumeMounts:',
    '            - {name: cache, mountPath: /cache, readOnly: true, subPath: web}',
    '          resources:',
    '            requests: {cpu: 250m, memory: lots}',
    '      volumes:',
    '        - name: cache',
    '          emptyDir: {}',
    '        - name: both',
    '          emptyDir: {}',
    '          secret: {secretName: s}',
  );

  it('reads containers in order: init (sidecars included), then app', () => {
    const pod = podOf(deployment);
    assert.equal(pod.workload.kind, 'Deployment');
    assert.equal(pod.name, 'shop');
    assert.deepEqual(pod.containers.map((c) => [c.list, c.index, c.name, c.isNativeSidecar]), [
      ['initContainers', 0, 'migrate', false],
      ['initContainers', 1, 'proxy', true],
      ['containers', 0, 'web', false],
    ]);
    assert.deepEqual(pod.containers[2].path, ['spec', 'template', 'spec', 'containers', 0]);
    assert.equal(pod.hostNetwork, true);
    assert.equal(pod.restartPolicy, 'Always');
  });

  it('reads ports with the TCP default, and mounts', () => {
    const web = podOf(deployment).containers[2];
    assert.deepEqual(web.ports.map((p) => [p.name, p.containerPort, p.hostPort, p.protocol]), [
      ['http', 8080, undefined, 'TCP'],
      [undefined, 53, 53, 'UDP'],
    ]);
    assert.deepEqual(web.mounts.map((m) => [m.name, m.mountPath, m.readOnly, m.subPath]), [['cache', '/cache', true, 'web']]);
  });

  it('keeps well-formed quantities and the node of every entry', () => {
    const web = podOf(deployment).containers[2];
    assert.equal(web.requests.values.get('cpu')?.value, 0.25);
    assert.equal(web.requests.values.has('memory'), false, 'a malformed quantity is left out');
    assert.equal(web.requests.nodes.has('memory'), true, 'but its node is kept for pointing at it');
  });

  it('reads volumes with their sources, and who mounts them', () => {
    const pod = podOf(deployment);
    assert.deepEqual(pod.volumes.map((v) => [v.name, v.sources]), [['cache', ['emptyDir']], ['both', ['emptyDir', 'secret']]]);
    assert.equal(volumeNamed(pod, 'cache')?.index, 0);
    assert.deepEqual(mountsOf(pod, 'cache').map(({ container }) => container.name), ['web']);
    assert.deepEqual(mountsOf(pod, 'both'), []);
  });

  const cases: [string, string, boolean][] = [
    ['a CronJob reaches its Pod through the job template', lines('apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers: [{name: a, image: a:1}]'), true],
    ['a ConfigMap has no Pod', lines('apiVersion: v1', 'kind: ConfigMap', 'data: {a: b}'), false],
    ['a Helm template is not modelled', lines('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: {{ .Values.containers }}'), false],
  ];
  for (const [title, text, hasPod] of cases) {
    it(title, () => assert.equal(model(text) !== undefined, hasPod));
  }

  it('reads malformed shapes without throwing', () => {
    const pod = podOf(lines('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: oops', '  volumes: [1, {name: [x]}, null]', '  hostNetwork: "true"'));
    assert.deepEqual(pod.containers, []);
    assert.deepEqual(pod.volumes.map((v) => v.name), [undefined]);
    assert.equal(pod.hostNetwork, false, 'the string "true" is not a boolean');
  });
});
