/**
 * Offline at run time: the server, preloaded with a script that records and refuses every network API (sockets,
 * TLS, DNS, http(s), fetch, WebSocket, UDP), runs a full workload: real manifests opened, edited, hovered,
 * completed, diagrammed, their code actions asked for, settings changed. Nothing may be recorded. A control test
 * proves the recorder catches each API, so an empty record means something.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusSeeds, exampleSeeds } from '../../fuzz/support/seeds';
import { serverBundleExists, startTestServer } from '../../fuzz/support/testServer';

const PRELOAD = path.join(__dirname, 'denyNetwork.cjs');

function attempts(logFile: string): { api: string; stack: string[] }[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('security: no network access at run time', function () {
  this.timeout(60_000);
  let work: string;
  before(() => (work = mkdtempSync(path.join(tmpdir(), 'podsmith-net-'))));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('the recorder catches every network API it patches (control)', () => {
    const logFile = path.join(work, 'control.jsonl');
    const script = `
      const tryIt = (f) => { try { f(); } catch {} };
      tryIt(() => require('net').connect(80, 'example.invalid'));
      tryIt(() => new (require('net').Socket)().connect(80, 'example.invalid'));
      tryIt(() => require('tls').connect(443, 'example.invalid'));
      tryIt(() => require('dns').lookup('example.invalid', () => {}));
      tryIt(() => require('dns').resolve4('example.invalid', () => {}));
      tryIt(() => require('dns').promises.lookup('example.invalid'));
      tryIt(() => require('http').get('http://example.invalid'));
      tryIt(() => require('https').request('https://example.invalid'));
      tryIt(() => fetch('https://example.invalid'));
      tryIt(() => require('dgram').createSocket('udp4'));
    `;
    const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], {
      env: { ...process.env, PODSMITH_NETWORK_LOG: logFile },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      attempts(logFile).map((a) => a.api),
      [
        'net.connect',
        'net.Socket.connect',
        'tls.connect',
        'dns.lookup',
        'dns.resolve4',
        'dns.promises.lookup',
        'http.get',
        'https.request',
        'fetch',
        'dgram.createSocket',
      ],
    );
  });

  it('the server makes no network attempt during a full workload', async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
    const logFile = path.join(work, 'server.jsonl');
    const loaded = path.join(work, 'loaded');
    const server = await startTestServer({ preload: PRELOAD, env: { PODSMITH_NETWORK_LOG: logFile, PODSMITH_NETWORK_LOADED: loaded } });
    try {
      assert.equal(readFileSync(loaded, 'utf8'), String(server.lsp.pid), 'the recorder runs inside the server process');
      const corpus = corpusSeeds();
      if (corpus.length === 0) console.log('    (corpus part skipped: ../shared/corpus/real is absent)');
      const seeds = [...exampleSeeds(), ...corpus.filter((_, i) => i % 6 === 0)];
      let n = 0;
      for (const seed of seeds) {
        const uri = `file:///net/${++n}.yaml`;
        const diagnostics = await server.lsp.open(uri, seed.text);
        const lines = seed.text.split('\n').length;
        for (const line of [0, Math.floor(lines / 3), Math.floor((2 * lines) / 3)]) {
          const position = { line, character: 4 };
          await server.lsp.hover(uri, position);
          await server.lsp.complete(uri, position);
          await server.lsp.diagram(uri, position);
        }
        for (const diagnostic of diagnostics.slice(0, 5)) await server.lsp.codeActions(uri, diagnostic.range, [diagnostic]);
        await server.lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
        server.lsp.close(uri);
      }
      await server.lsp.configure({ kubernetesVersion: '1.30', podSecurityStandard: 'restricted' });
      await server.lsp.open('file:///net/last.yaml', exampleSeeds()[0].text);
      assert.equal(server.alive(), true);
    } finally {
      await server.lsp.stop();
    }
    const seen = attempts(logFile);
    assert.deepEqual(seen, [], `network attempts: ${JSON.stringify(seen, null, 1)}`);
  });
});
