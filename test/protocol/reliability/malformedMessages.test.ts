/**
 * What a broken or hostile client sends (issue 15, items 6, 7 and 10): a message stream whose framing is broken ends
 * the server with a log line, so the editor starts a new one (it used to stay alive answering nothing, forever);
 * a notification that cannot be applied is dropped with a log line and never stops the other documents; requests
 * before `initialize` and requests with positions that are not non-negative integers get the protocol's errors.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_JS } from '../support/lspServer';
import { serverBundleExists, startTestServer, type TestServer } from '../../fuzz/support/testServer';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const HOVER = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.yaml' }, position: { line: 0, character: 0 } } });

/** Resolves with the exit code and stderr, or 'alive' when the server is still running after `withinMs`. */
function outcome(child: ChildProcess, withinMs: number): Promise<{ code: number | null; stderr: string } | 'alive'> {
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('alive'), withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('reliability: malformed messages', function () {
  this.timeout(60_000);
  const started: ChildProcess[] = [];
  before(function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
  });
  after(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  const brokenStreams: [string, string][] = [
    ['a header without Content-Length', `Content-Type: application/json\r\n\r\n${HOVER}`],
    ['a Content-Length of abc', `Content-Length: abc\r\n\r\n${HOVER}`],
    ['a Content-Length of -5', `Content-Length: -5\r\n\r\n${HOVER}`],
    ['two Content-Length headers', `Content-Length: ${HOVER.length}\r\nContent-Length: ${HOVER.length}\r\n\r\n${HOVER}`],
    ['headers ended by bare newlines', `Content-Length: ${HOVER.length}\n\n${HOVER}`],
    ['a header line without a colon', `Content-Length ${HOVER.length}\r\n\r\n${HOVER}`],
    ['a header block that never ends', 'X'.repeat(20_000)],
  ];
  for (const [what, bytes] of brokenStreams) {
    it(`exits with a log line on ${what}, after answering what came before`, async () => {
      const server = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      started.push(server);
      let stdout = '';
      server.stdout!.on('data', (chunk) => (stdout += chunk));
      const ended = outcome(server, 20_000);
      server.stdin!.write(frame(INITIALIZE));
      // The answer to initialize proves the server read the good message before the broken one.
      await new Promise<void>((resolve) => {
        const check = () => (stdout.includes('"id":1') ? resolve() : server.stdout!.once('data', check));
        check();
      });
      server.stdin!.write(bytes);
      const result = await ended;
      assert.notEqual(result, 'alive', 'the server still runs, reading nothing');
      if (result === 'alive') return;
      assert.equal(result.code, 1);
      assert.match(result.stderr, /podsmith: the message stream is broken \(.+\); the server exits so that the editor starts a new one/);
    });
  }

  it('answers a request before initialize with ServerNotInitialized (-32002)', async () => {
    const server = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    started.push(server);
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.listen();
    try {
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri: 'file:///a.yaml' }, position: { line: 0, character: 0 } }],
        ['textDocument/completion', { textDocument: { uri: 'file:///a.yaml' }, position: { line: 0, character: 0 } }],
        ['podsmith/diagram', { uri: 'file:///a.yaml', position: { line: 0, character: 0 } }],
      ] as const) {
        await assert.rejects(connection.sendRequest(method, params), (error: ResponseError<unknown>) => error.code === -32002, method);
      }
    } finally {
      connection.dispose();
      server.kill();
    }
  });

  describe('an initialized server', () => {
    let server: TestServer;
    before(async () => (server = await startTestServer()));
    after(async () => server?.lsp.stop());

    const position = (p: unknown) => ({ textDocument: { uri: 'file:///params.yaml' }, position: p });
    for (const [what, bad] of [
      ['a fractional position', { line: 1.5, character: 2 }],
      ['a null position', null],
      ['a null line', { line: null, character: 0 }],
      ['a negative character', { line: 0, character: -1 }],
      ['a position given as strings', { line: '0', character: '0' }],
    ] as const) {
      it(`answers InvalidParams (-32602) to hover, completion and diagram with ${what}`, async () => {
        await server.lsp.open('file:///params.yaml', 'apiVersion: v1\nkind: Pod\n');
        for (const [method, params] of [
          ['textDocument/hover', position(bad)],
          ['textDocument/completion', position(bad)],
          ['podsmith/diagram', { uri: 'file:///params.yaml', position: bad }],
        ] as const) {
          await assert.rejects(server.lsp.connection.sendRequest(method, params), (error: ResponseError<unknown>) => error.code === -32602, method);
        }
      });
    }

    it('drops a didOpen without text with a log line, and keeps checking every other document', async () => {
      server.lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///no-text.yaml', languageId: 'yaml', version: 1 } });
      const diagnostics = await server.lsp.open('file:///other.yaml', 'a: [1, 2\n');
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['yaml-syntax', 0, 3]]);
      assert.ok(server.logs.some((l) => l === 'podsmith: textDocument/didOpen ignored: no textDocument.text'), server.logs.join('\n'));
      // A settings change republishes the open files.
      const republished = await server.lsp.configure({ kubernetesVersion: '1.34' }, 'file:///other.yaml');
      assert.equal(republished?.length, 1);
    });

    it('ignores a change whose version is not newer than the open one', async () => {
      const uri = 'file:///versions.yaml';
      await server.lsp.open(uri, 'a: 1\n');
      const edit = (version: number, text: string) =>
        server.lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      const published = server.lsp.nextDiagnostics(uri, 3);
      edit(3, 'a: 3\n');
      edit(2, 'a: 2\n');
      edit(3, 'a: 3 again\n');
      await published;
      assert.deepEqual(await server.documentText(uri), { version: 3, text: 'a: 3\n' });
      assert.ok(server.logs.some((l) => l === 'podsmith: textDocument/didChange ignored: version 2 is not newer than the open version 3'), server.logs.join('\n'));
    });
  });
});
