/**
 * The size limit through the server: a file above `podsmith.maxFileSize` gets one notice instead of a check, and
 * changing the setting takes effect on files already open, without an edit.
 */
import assert from 'node:assert/strict';
import { serverBundleExists, startTestServer, type TestServer } from '../../fuzz/support/testServer';

const URI = 'file:///big.yaml';
// 2,004 characters: a duplicate key on line 1, then filler comments.
const TEXT = 'kind: Pod\nkind: Pod\n' + '# filler\n'.repeat(220) + '####';

/**
 * Changes the settings and returns the first diagnostics of the file that satisfy `accept`. Not simply the next
 * ones: the server may still be publishing for an earlier settings refresh (the one after `initialized`).
 */
async function configureUntil(server: TestServer, settings: Record<string, unknown>, accept: (s: unknown[][]) => boolean) {
  let next = server.lsp.nextDiagnostics(URI);
  void server.lsp.configure(settings);
  return (
    await server.timed('diagnostics after the settings change', async () => {
      for (;;) {
        const published = summary((await next).diagnostics);
        if (accept(published)) return published;
        next = server.lsp.nextDiagnostics(URI);
      }
    })
  ).value;
}

function summary(diagnostics: { code?: unknown; range: { start: { line: number; character: number } } }[]) {
  return diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]);
}

describe('reliability: the size limit through the server', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
    server = await startTestServer({ settings: { maxFileSize: 1000 } });
  });
  after(async () => server?.lsp.stop());

  it('shows a notice, not a check, for a file above the limit', async () => {
    assert.equal(TEXT.length, 2004);
    const diagnostics = await server.lsp.open(URI, TEXT);
    assert.deepEqual(summary(diagnostics), [['file-too-large', 0, 0]]);
    assert.match(String(diagnostics[0].message), /^Podsmith did not check this file: it is 2,004 characters, above the limit of 1,000 characters that keeps the editor responsive\. Raise "podsmith\.maxFileSize" to check it anyway\.$/);
  });

  it('checks the open file as soon as the limit is raised', async () => {
    const published = await configureUntil(server, { maxFileSize: 1_000_000 }, (s) => s[0]?.[0] !== 'file-too-large');
    assert.deepEqual(published, [['duplicate-key', 1, 0]]);
  });

  it('shows the notice again as soon as the limit is lowered', async () => {
    const published = await configureUntil(server, { maxFileSize: 1000 }, (s) => s[0]?.[0] === 'file-too-large');
    assert.deepEqual(published, [['file-too-large', 0, 0]]);
  });
});
