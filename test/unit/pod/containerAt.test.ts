import assert from 'node:assert/strict';
import { containerAtOffset, containerAtPath, containerPlace } from '../../../server/src/pod/containerAt';
import { lines, podOf } from './support';

/** The container at a path or an offset: one owner for hover, completion, the schema's levels and the fixes. */
describe('pod: the container at a path or an offset', () => {
  const text = lines(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  template:', '    spec:',
    '      initContainers:', '        - name: setup', '          image: busybox:1.36',
    '      containers:', '        - name: web', '          image: web:1', '          ports: [{containerPort: 80}]',
  );
  const pod = podOf(text);
  const spec = ['spec', 'template', 'spec'];

  it('reads the list, index and the path inside the container from a path alone', () => {
    assert.deepEqual(containerPlace(spec, [...spec, 'containers', 0, 'ports', 0]), { list: 'containers', index: 0, inContainer: ['ports', 0] });
    assert.deepEqual(containerPlace(spec, [...spec, 'initContainers', 3]), { list: 'initContainers', index: 3, inContainer: [] });
    assert.equal(containerPlace(spec, [...spec, 'volumes', 0]), undefined);
    assert.equal(containerPlace(spec, [...spec, 'containers']), undefined);
    assert.equal(containerPlace(spec, ['spec', 'containers', 0]), undefined);
  });

  it('finds the model container at a path, and none past the lists', () => {
    assert.equal(containerAtPath(pod, [...spec, 'containers', 0, 'image'])?.name, 'web');
    assert.equal(containerAtPath(pod, [...spec, 'initContainers', 0])?.name, 'setup');
    assert.equal(containerAtPath(pod, [...spec, 'containers', 1]), undefined);
  });

  it('finds the container whose mapping holds an offset', () => {
    assert.equal(containerAtOffset(pod, text.indexOf('busybox'))?.name, 'setup');
    assert.equal(containerAtOffset(pod, text.indexOf('containerPort'))?.name, 'web');
    assert.equal(containerAtOffset(pod, text.indexOf('initContainers')), undefined);
  });
});
