/**
 * The test-only request `podsmith/debug/documentText` exists only in a server started with PODSMITH_TEST=1: an
 * editor's server has no such surface.
 */
import assert from 'node:assert/strict';
import { LspServer } from '../support/lspServer';
import { DEBUG_DOCUMENT_TEXT, serverBundleExists, startTestServer } from '../../fuzz/support/testServer';

describe('security: the test-only request is off in normal use', function () {
  this.timeout(20_000);
  before(function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
  });

  it('a normal server answers it with "method not found"', async () => {
    const saved = process.env.PODSMITH_TEST;
    delete process.env.PODSMITH_TEST;
    const starting = LspServer.start();
    if (saved !== undefined) process.env.PODSMITH_TEST = saved;
    const server = await starting;
    try {
      await server.open('file:///secret.yaml', 'a: 1\n');
      await assert.rejects(server.connection.sendRequest(DEBUG_DOCUMENT_TEXT, { uri: 'file:///secret.yaml' }), /Unhandled method/);
    } finally {
      await server.stop();
    }
  });

  it('a server started with PODSMITH_TEST=1 answers it', async () => {
    const server = await startTestServer();
    try {
      await server.lsp.open('file:///seen.yaml', 'a: 1\n');
      assert.deepEqual(await server.documentText('file:///seen.yaml'), { version: 1, text: 'a: 1\n' });
    } finally {
      await server.lsp.stop();
    }
  });
});
