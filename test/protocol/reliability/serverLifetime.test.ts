/**
 * The server never outlives its editor: when the client's pipe closes, or the client process named in
 * `initialize` dies without a word (a crashed editor), the server exits on its own instead of staying behind as
 * an orphan process.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_JS } from '../support/lspServer';
import { serverBundleExists } from '../../fuzz/support/testServer';

function exited(child: ChildProcess, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), withinMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('reliability: the server does not outlive its editor', function () {
  this.timeout(30_000);
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

  it('exits when the client closes its pipe', async () => {
    const server = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    started.push(server);
    server.stdout!.resume();
    server.stdin!.end();
    assert.equal(await exited(server, 10_000), true, 'the server exited within 10 s');
  });

  it('exits when the client process named in initialize dies', async () => {
    const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    started.push(editor);
    const server = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    started.push(server);
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', () => [null]);
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', { processId: editor.pid, rootUri: null, capabilities: {} });
    connection.sendNotification('initialized', {});
    editor.kill('SIGKILL');
    // vscode-languageserver checks the client process every few seconds.
    assert.equal(await exited(server, 15_000), true, 'the server exited within 15 s of the editor');
    connection.dispose();
  });
});
