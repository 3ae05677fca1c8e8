/**
 * A misbehaving or hostile client: requests with missing or absurd parameters, changes to documents never opened,
 * ranges past the end, unknown methods. Each gets an answer (an empty one, or a JSON-RPC error) and the server
 * keeps working: afterwards it still publishes the right diagnostics for a normal document.
 */
import assert from 'node:assert/strict';
import { serverBundleExists, startTestServer, type TestServer } from '../../fuzz/support/testServer';

describe('security: malformed requests from a client', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
    server = await startTestServer();
    await server.lsp.open('file:///open.yaml', 'apiVersion: v1\nkind: Pod\n');
  });
  after(async () => server?.lsp.stop());

  const requests: [string, string, unknown][] = [
    ['hover without parameters', 'textDocument/hover', {}],
    ['hover on a document never opened', 'textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } }],
    ['hover at a negative line and a huge column', 'textDocument/hover', { textDocument: { uri: 'file:///open.yaml' }, position: { line: -5, character: 1e9 } }],
    ['hover with a position that is a string', 'textDocument/hover', { textDocument: { uri: 'file:///open.yaml' }, position: 'here' }],
    ['completion past the last line', 'textDocument/completion', { textDocument: { uri: 'file:///open.yaml' }, position: { line: 1e6, character: 0 } }],
    ['code actions for a reversed range', 'textDocument/codeAction', { textDocument: { uri: 'file:///open.yaml' }, range: { start: { line: 1, character: 5 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
    ['code actions with a diagnostic of the wrong shape', 'textDocument/codeAction', { textDocument: { uri: 'file:///open.yaml' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ range: null, data: { document: 99 } }] } }],
    ['a diagram with a string position', 'podsmith/diagram', { uri: 'file:///open.yaml', position: { line: '0', character: 0 } }],
    ['a diagram without parameters', 'podsmith/diagram', null],
  ];
  for (const [what, method, params] of requests) {
    it(`answers ${what}`, async () => {
      let answer: unknown;
      try {
        answer = await server.timed(what, () => server.lsp.connection.sendRequest(method, params));
      } catch (error) {
        // A JSON-RPC error response is an answer too; a hang (the `timed` error) is not.
        assert.doesNotMatch(String(error), /no answer within/);
      }
      void answer;
      assert.equal(server.alive(), true);
    });
  }

  it('answers an unknown method with a JSON-RPC error', async () => {
    await assert.rejects(server.lsp.connection.sendRequest('podsmith/runCommand', { command: 'rm -rf /' }), /Unhandled method|not found/i);
  });

  it('ignores notifications about documents it does not hold, and ranges past the end', async () => {
    server.lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.yaml', version: 2 }, contentChanges: [{ text: 'x' }] });
    server.lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.yaml' } });
    const diagnostics = await server.lsp.change('file:///open.yaml', [
      { range: { start: { line: 50, character: 0 }, end: { line: 60, character: 3 } }, text: 'metadata:\n  name: web\n  name: api\n' },
    ]);
    // The insertion past the end lands at the end, as LSP specifies for positions beyond the text.
    assert.deepEqual((await server.documentText('file:///open.yaml'))?.text, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: api\n');
    assert.ok(diagnostics.some((d) => d.code === 'duplicate-key' && d.range.start.line === 4), JSON.stringify(diagnostics));
  });

  it('still checks a normal document afterwards', async () => {
    const diagnostics = await server.lsp.open('file:///after.yaml', 'a: [1, 2\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['yaml-syntax', 0, 3]]);
    assert.deepEqual(server.logs, []);
  });
});
