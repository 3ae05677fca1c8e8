/**
 * Opening a large file, the server checks documents from its end on a helper thread while it checks from the top
 * (server/src/checkThreads.ts). What the editor receives must be exactly what a server without the thread sends:
 * the diagnostics (links between documents included), the Outline, folding and code lenses; and the thread must
 * have done part of the work. PODSMITH_CHECK_THREAD=wait makes the pass wait for the thread to be ready, so that it
 * is used however busy the machine is; PODSMITH_CHECK_THREAD=0 turns it off.
 */
import assert from 'node:assert/strict';
import { DEBUG_CHECK_THREAD_REQUEST } from '../../shared/protocol';
import { serverBundleExists, startTestServer } from '../fuzz/support/testServer';

/** 300 documents: Deployments (a mistake in every tenth) and the Services that select them (one selects nothing). */
function largeFile(): string {
  const docs: string[] = [];
  for (let i = 0; i < 150; i++) {
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: app-${i}}`,
        'spec:',
        `  selector: {matchLabels: {app: app-${i}}}`,
        '  template:',
        `    metadata: {labels: {app: app-${i}}}`,
        '    spec:',
        ...(i % 10 === 0 ? ['      restartPolicyy: Always'] : []),
        '      containers:',
        '        - name: web',
        `          image: registry.example/app:${i}.0`,
        '          ports: [{name: http, containerPort: 8080}]',
        '          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}',
      ].join('\n'),
      ['apiVersion: v1', 'kind: Service', `metadata: {name: app-${i}}`, 'spec:', `  selector: {app: ${i === 77 ? 'nobody' : `app-${i}`}}`, '  ports: [{port: 80, targetPort: http}]'].join('\n'),
    );
  }
  return docs.map((doc) => `---\n${doc}\n`).join('');
}

async function openWith(threadSetting: string, text: string) {
  const server = await startTestServer({ env: { PODSMITH_CHECK_THREAD: threadSetting } });
  try {
    const uri = 'file:///large.yaml';
    const diagnostics = await server.lsp.open(uri, text);
    const textDocument = { uri };
    const [outline, folding, lenses] = await Promise.all([
      server.lsp.connection.sendRequest('textDocument/documentSymbol', { textDocument }),
      server.lsp.connection.sendRequest('textDocument/foldingRange', { textDocument }),
      server.lsp.connection.sendRequest('textDocument/codeLens', { textDocument }),
    ]);
    const { documents } = (await server.lsp.connection.sendRequest(DEBUG_CHECK_THREAD_REQUEST, {})) as { documents: number };
    return { shown: { diagnostics, outline, folding, lenses }, onThread: documents };
  } finally {
    await server.lsp.stop();
  }
}

describe('protocol: a large file checked partly on a helper thread', function () {
  this.timeout(60_000);
  before(function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
  });

  it('shows exactly what a server without the thread shows, and the thread checked part of the file', async () => {
    const text = largeFile();
    const [threaded, alone] = [await openWith('wait', text), await openWith('0', text)];
    assert.equal(alone.onThread, 0);
    assert.ok(threaded.onThread > 0 && threaded.onThread < 300, `the thread checked ${threaded.onThread} of 300 documents`);
    assert.deepEqual(threaded.shown, alone.shown);
    // The file's problems are all there: 15 misspelled fields, and the Service that selects nothing.
    const codes = threaded.shown.diagnostics.map((d) => d.code);
    assert.equal(codes.filter((c) => c === 'unknown-field').length, 15);
    assert.deepEqual(codes.filter((c) => c === 'service-selects-nothing'), ['service-selects-nothing']);
  });
});
