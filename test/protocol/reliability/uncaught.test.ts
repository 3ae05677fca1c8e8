/**
 * An exception no handler catches (in a timer, a callback) and a rejection no one handles must not end the server:
 * it logs them and keeps answering. Planted into the real server process by a preload script.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { serverBundleExists, startTestServer } from '../../fuzz/support/testServer';

describe('reliability: an uncaught exception does not end the server', function () {
  this.timeout(20_000);
  before(function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
  });

  it('logs the exception and the rejection, and keeps checking documents', async () => {
    const server = await startTestServer({ preload: path.join(__dirname, 'plantFailures.cjs') });
    try {
      // The server has answered initialize: its log reaches us from now on.
      process.kill(server.lsp.pid!, 'SIGUSR2');
      // A generous bound: it only catches a server that never logs them.
      await server.waitForLogs(
        'the planted failures',
        (logs) => logs.some((l) => /planted exception/.test(l)) && logs.some((l) => /planted rejection/.test(l)),
        15_000,
      );
      assert.ok(server.logs.some((l) => /^podsmith: uncaught Error: planted exception/.test(l)), server.logs.join('\n'));
      assert.ok(server.logs.some((l) => /^podsmith: unhandled Error: planted rejection/.test(l)), server.logs.join('\n'));
      assert.equal(server.alive(), true);
      const diagnostics = await server.lsp.open('file:///after.yaml', 'a: [1, 2\n');
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['yaml-syntax', 0, 3]]);
    } finally {
      await server.lsp.stop();
    }
  });
});
