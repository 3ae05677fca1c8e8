import assert from 'node:assert/strict';
import { LspServer } from './support/lspServer';

/** The foundation's bar: the bundled server answers initialize and reports YAML syntax errors exactly. */
describe('protocol: YAML syntax over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  it('reports an unclosed flow sequence on the right line and column', async () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  labels: [app, web', 'spec: {}', ''].join('\n');
    const diagnostics = await server.open('file:///broken.yaml', text);
    assert.ok(diagnostics.length >= 1, 'a syntax error is published');
    const first = diagnostics[0];
    assert.equal(first.source, 'podsmith');
    assert.equal(first.code, 'yaml-syntax');
    assert.equal(first.severity, 1);
    assert.match(String(first.message), /^YAML syntax error: /);
    assert.equal(first.range.start.line, 4, 'on the line of the unclosed [');
  });

  it('reports a duplicate key on the second key, naming it', async () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  name: api', ''].join('\n');
    const diagnostics = await server.open('file:///dup.yaml', text);
    const dup = diagnostics.find((d) => d.code === 'duplicate-key');
    assert.ok(dup, 'duplicate key reported');
    assert.deepEqual(dup.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } });
    assert.match(String(dup.message), /^Duplicate key `name`/);
  });

  it('publishes nothing for a valid GitHub workflow', async () => {
    const text = [
      'name: ci',
      'on: [push, pull_request]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm ci && npm test',
      '',
    ].join('\n');
    assert.deepEqual(await server.open('file:///.github/workflows/ci.yaml', text), []);
  });

  it('re-checks after an incremental edit that fixes the error', async () => {
    const uri = 'file:///fix.yaml';
    const before = await server.open(uri, 'a: [1, 2\n');
    assert.equal(before.length > 0, true);
    const after = await server.change(uri, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, text: ']' }]);
    assert.deepEqual(after, []);
  });
});
