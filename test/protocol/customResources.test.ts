import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspServer, REPO_ROOT } from './support/lspServer';

/**
 * Custom resources over stdio: the server finds the CRD among the workspace's files on disk and checks the resources
 * of its kind in an open document against its schema; a kind without a CRD stays silent.
 */
describe('protocol: custom resources checked against the CRD of the workspace', () => {
  let folder: string;
  let server: LspServer;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'podsmith-crds-'));
    cpSync(path.join(REPO_ROOT, 'test/fixtures/crd-workspace'), folder, { recursive: true });
    server = await LspServer.start({ workspaceFolders: [pathToFileURL(folder).href] });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('an enum value outside the enum, a number below its minimum and a misspelled field are errors on their lines; the valid resource and the kind without a CRD are clean', async () => {
    const uri = pathToFileURL(path.join(folder, 'widgets.yaml')).href;
    const text = readFileSync(path.join(folder, 'widgets.yaml'), 'utf8');
    // The first publish may come before the folder is read: wait for the one with the CRD's findings.
    const waiting = (async (): Promise<Diagnostic[]> => {
      for (;;) {
        const params = await server.nextDiagnostics(uri);
        if (params.diagnostics.some((d) => String(d.code).startsWith('custom-resource-'))) return params.diagnostics;
      }
    })();
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diagnostics = await waiting;
    const lines = text.split('\n');
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start.line, lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)]),
      [
        ['custom-resource-invalid-enum', 13, 'huge'],
        ['custom-resource-out-of-range', 14, '0'],
        ['custom-resource-unknown-field', 15, 'replcas'],
      ],
    );
    assert.match(diagnostics.find((d) => d.code === 'custom-resource-unknown-field')!.message as string, /did you mean `replicas`\?/);
    assert.match(diagnostics.find((d) => d.code === 'custom-resource-invalid-enum')!.message as string, /use one of small, medium, large/);
    // Nothing but the CEL hint on the valid resource (lines 0-6) and nothing at all on the Gadget (lines 17-22).
    assert.deepEqual(diagnostics.filter((d) => d.range.start.line <= 6).map((d) => d.code), ['custom-resource-cel-not-checked']);
    assert.deepEqual(diagnostics.filter((d) => d.range.start.line >= 17), []);
  });
});
