import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, InlayHint, Location, Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspServer, REPO_ROOT } from './support/lspServer';

/**
 * Navigation over stdio on examples/navigation.yaml, as an editor asks for it: the outline, definition,
 * references, rename (and its refusal as a request error), inlay hints and the code lens.
 */
describe('protocol: navigation and insight', () => {
  const file = path.join(REPO_ROOT, 'examples', 'navigation.yaml');
  const uri = `file://${file}`;
  const text = readFileSync(file, 'utf8');
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  let server: LspServer;

  const at = (needle: string, delta: number, occurrence = 0): Position => {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, needle);
    return doc.positionAt(index + delta);
  };
  const lineOf = (needle: string, occurrence = 0) => at(needle, 0, occurrence).line;
  const lines = (locations: Location[] | null) => (locations ?? []).map((l) => l.range.start.line);

  before(async () => {
    server = await LspServer.start();
    await server.open(uri, text);
  });
  after(() => server.stop());

  it('announces the navigation capabilities', async () => {
    const capabilities = server.initializeResult!.capabilities;
    for (const capability of ['definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'renameProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'inlayHintProvider', 'codeLensProvider']) {
      assert.ok(capabilities[capability], capability);
    }
  });

  it('the outline names the Pod and every container', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Pod web']);
    assert.deepEqual(symbols[0].children!.map((c) => `${c.name}: ${c.detail}`), [
      'seed: init container, step 1 · busybox:1.36',
      'web: app container · nginx:1.27',
      'reloader: sidecar · busybox:1.36',
      'shared: volume (emptyDir)',
    ]);
  });

  it('definition on a mount lands on the volume; references list the volume and both mounts', async () => {
    const mount = at('- name: shared', 8, 1);
    const definition = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: mount })) as Location[];
    assert.deepEqual(lines(definition), [lineOf('- name: shared', 2)]);
    const references = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: mount, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(lines(references), [lineOf('- name: shared', 0), lineOf('- name: shared', 1), lineOf('- name: shared', 2)]);
  });

  it('rename of the volume edits all three places; an invalid name is refused with the reason', async () => {
    const volume = at('- name: shared', 8, 2);
    const prepared = (await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: volume })) as { placeholder: string };
    assert.equal(prepared.placeholder, 'shared');
    const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: volume, newName: 'html' })) as WorkspaceEdit;
    const after = TextDocument.applyEdits(doc, edit.changes![uri]);
    assert.equal((after.match(/- name: html$/gm) ?? []).length, 3);
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: volume, newName: 'HTML' }),
      (error: { code: number; message: string }) => error.code === -32803 && /^Cannot rename volume `shared` to "HTML": a volume name must be a DNS-1123 label/.test(error.message),
    );
  });

  it('inlay hints show the defaulted imagePullPolicy and port protocol', async () => {
    const hints = (await server.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } },
    })) as InlayHint[];
    const labels = hints.map((h) => `${h.position.line} ${h.label}`);
    assert.ok(labels.includes(`${lineOf('image: nginx:1.27')} imagePullPolicy: IfNotPresent`), labels.join('\n'));
    assert.ok(labels.includes(`${lineOf('containerPort: 80')} protocol: TCP`), labels.join('\n'));
  });

  it('a code lens above the PodSpec opens the diagram', async () => {
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { range: { start: Position }; command: { title: string; command: string } }[];
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.command]), [[lineOf('spec:'), 'podsmith.showDiagram']]);
    assert.match(lenses[0].command.title, /^Pod: requests 110m CPU, memory 80 MiB · limits memory 160 MiB · Pod Security: /);
  });
});
