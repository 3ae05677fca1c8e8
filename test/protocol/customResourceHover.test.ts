import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { crdWithSpec } from '../unit/customResources/support';
import { LspServer } from './support/lspServer';

/**
 * A custom resource and its CRD open in the editor (a virtual workspace of open documents): hover and completion on
 * the resource's own fields come from the CRD, over stdio.
 */
describe('protocol: hover and completion from a CRD', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  const CRD = crdWithSpec(
    'infra.example.com',
    'Cache',
    'caches',
    'v1',
    'engine: {type: string, enum: [redis, memcached], description: Which cache server runs.}',
    'sizeGi: {type: integer, minimum: 1}',
  );
  const CACHE = ['apiVersion: infra.example.com/v1', 'kind: Cache', 'metadata: {name: sessions}', 'spec:', '  engine: redis', '  ', ''].join('\n');

  it('hovers a field with the CRD\'s words and completes the fields it has', async () => {
    await server.open('file:///crds/cache-crd.yaml', CRD);
    await server.open('file:///cache.yaml', CACHE);
    const hover = await server.hover('file:///cache.yaml', { line: 4, character: 4 });
    assert.equal(
      (hover!.contents as MarkupContent).value,
      ['`spec.engine` · `string`', 'Which cache server runs.', 'One of `redis`, `memcached`.', '---\n\nFrom the CRD `caches.infra.example.com`: [defined here](file:///crds/cache-crd.yaml#L1)'].join('\n\n'),
    );
    const list = await server.complete('file:///cache.yaml', { line: 5, character: 2 });
    assert.deepEqual(list!.items.map((i) => [i.label, i.detail]), [['sizeGi', 'integer']]);
  });
});
