import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Location } from 'vscode-languageserver-protocol';
import { LspServer, REPO_ROOT } from './support/lspServer';

/**
 * The workspace over stdio: the server reads the YAML files of its workspace folder from disk, and a document
 * opened in the editor is checked against the other files; a change on disk that the editor reports re-checks it.
 */
describe('protocol: links across the files of the workspace', () => {
  let folder: string;
  let server: LspServer;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
  const codes = new Set(['missing-config-key', 'service-selects-nothing', 'service-target-port']);

  /** The diagnostics of `uri` once the links are in them (the first publish may come before the folder is read). */
  async function linked(uri: string, wanted: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const params = await server.nextDiagnostics(uri);
      if (wanted(params.diagnostics)) return params.diagnostics;
    }
  }

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'podsmith-workspace-'));
    cpSync(path.join(REPO_ROOT, 'test/fixtures/workspace'), folder, { recursive: true });
    server = await LspServer.start({ workspaceFolders: [pathToFileURL(folder).href] });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a document opened in the editor is checked against the files on disk, and F12 lands in another file', async () => {
    const uri = uriOf('deployment.yaml');
    const text = readFileSync(path.join(folder, 'deployment.yaml'), 'utf8');
    const waiting = linked(uri, (d) => d.some((x) => codes.has(String(x.code))));
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diagnostics = await waiting;
    assert.deepEqual(diagnostics.filter((d) => codes.has(String(d.code))).map((d) => [d.code, d.range.start.line]), [['missing-config-key', 16], ['missing-config-key', 18]]);
    const at = text.split('\n')[14].indexOf('shop-config') + 1;
    const definition = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 14, character: at } })) as Location[];
    assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line]), [[uriOf('configmaps.yaml'), 2]]);
  });

  it('the Services file: the selector that matches nothing and the unknown targetPort', async () => {
    const uri = uriOf('services.yaml');
    const waiting = linked(uri, (d) => d.some((x) => codes.has(String(x.code))));
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(path.join(folder, 'services.yaml'), 'utf8') } });
    const diagnostics = await waiting;
    assert.deepEqual(diagnostics.filter((d) => codes.has(String(d.code))).map((d) => [d.code, d.range.start.line]), [['service-target-port', 5], ['service-selects-nothing', 11]]);
  });

  it('a ConfigMap changed on disk re-checks the open Deployment', async () => {
    const uri = uriOf('deployment.yaml');
    const file = path.join(folder, 'configmaps.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('data: {region: eu}', 'data: {region: eu, zone: a}'));
    const waiting = linked(uri, (d) => d.filter((x) => x.code === 'missing-config-key').length === 1);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('configmaps.yaml'), type: 2 }] });
    const diagnostics = await waiting;
    assert.deepEqual(diagnostics.filter((d) => d.code === 'missing-config-key').map((d) => d.range.start.line), [16]);
  });
});
