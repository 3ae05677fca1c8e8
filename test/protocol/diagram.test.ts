import assert from 'node:assert/strict';
import type { DiagramModel } from '../../shared/diagramTypes';
import { LspServer } from './support/lspServer';

/** The `podsmith/diagram` request as the panel sends it, to the bundled server over stdio. */
describe('protocol: podsmith/diagram', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  const FILE = [
    'apiVersion: v1', //                    0
    'kind: ConfigMap',
    'metadata: {name: settings}',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment', //                  5
    'metadata: {name: web}',
    'spec:',
    '  replicas: 2',
    '  template:',
    '    spec:', //                         10
    '      containers:',
    '        - name: app',
    '          image: nginx:1.27',
    '          volumeMounts: [{name: cache, mountPath: /cache}]',
    '      volumes: [{name: cache, emptyDir: {}}]', // 15
    '',
  ].join('\n');

  it('answers the model of the Pod under the cursor, with file positions', async () => {
    await server.open('file:///diagram.yaml', FILE);
    const model = (await server.diagram('file:///diagram.yaml', { line: 12, character: 18 })) as DiagramModel;
    assert.deepEqual([model.pod.kind, model.pod.name, model.pod.replicas, model.documentIndex], ['Deployment', 'web', '2 replicas', 1]);
    assert.deepEqual(model.containers.map((c) => [c.name, c.role, c.range]), [
      ['app', 'app', { start: { line: 12, character: 16 }, end: { line: 12, character: 19 } }],
    ]);
    assert.deepEqual(model.edges.map((e) => [e.mountPath, e.readOnly]), [['/cache', false]]);
  });

  it('answers null in a document without a Pod and for a file it does not know, and InvalidParams for malformed params', async () => {
    await server.open('file:///diagram-null.yaml', FILE);
    assert.equal(await server.diagram('file:///diagram-null.yaml', { line: 1, character: 3 }), null);
    assert.equal(await server.diagram('file:///never-opened.yaml', { line: 0, character: 0 }), null);
    await assert.rejects(server.diagram('file:///diagram-null.yaml', { line: 'x', character: 0 } as never), (error: { code?: number }) => error.code === -32602);
  });

  it('follows an edit: the next answer shows the new text', async () => {
    const uri = 'file:///diagram-edit.yaml';
    await server.open(uri, FILE);
    await server.change(uri, [{ range: { start: { line: 12, character: 16 }, end: { line: 12, character: 19 } }, text: 'server' }]);
    const model = (await server.diagram(uri, { line: 12, character: 18 })) as DiagramModel;
    assert.deepEqual(model.containers.map((c) => c.name), ['server']);
  });
});
