import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, lineOf, openDocument, positionOf, waitFor } from './helpers';

/**
 * Navigation inside a real VS Code, asked the way the editor's own commands ask (Outline, F12, Shift+F12, F2,
 * inlay hints, code lens), on examples/navigation.yaml.
 */
describe('navigation in VS Code', function () {
  after(closeAllEditors);

  it('the Outline names the Pod and its containers by role', async () => {
    const document = await openDocument('navigation.yaml');
    const symbols = await waitFor(
      async () => await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      (s) => Array.isArray(s) && s.length > 0,
      'document symbols',
    );
    assert.deepEqual(symbols.map((s) => s.name), ['Pod web']);
    assert.deepEqual(symbols[0].children.map((c) => c.name), ['seed', 'web', 'reloader', 'shared']);
    assert.equal(symbols[0].children[0].detail, 'init container, step 1 · busybox:1.36');
  });

  it('F12 on a mount lands on its volume; Shift+F12 lists the volume and both mounts', async () => {
    const document = await openDocument('navigation.yaml');
    const mount = positionOf(document, '- name: shared', 9, 1);
    const definitions = await waitFor(
      async () => await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, mount),
      (d) => Array.isArray(d) && d.length > 0,
      'a definition',
    );
    const line = (l: vscode.Location | vscode.LocationLink) => ('targetRange' in l ? l.targetRange : l.range).start.line;
    assert.deepEqual(definitions.map(line), [lineOf(document, '  volumes:') + 1]);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, mount);
    assert.equal(references.length, 3);
  });

  it('F2 on a volume renames it and both mounts; an invalid name is refused', async () => {
    const document = await openDocument('navigation.yaml');
    const volume = positionOf(document, '- name: shared', 9, 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, volume, 'html');
    const edits = edit.get(document.uri);
    assert.equal(edits.length, 3);
    assert.ok(edits.every((e) => e.newText === 'html' && document.getText(e.range) === 'shared'));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, volume, 'Not_Valid')),
      /a volume name must be a DNS-1123 label/,
    );
  });

  it('inlay hints show the defaulted imagePullPolicy and port protocol', async () => {
    const document = await openDocument('navigation.yaml');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await waitFor(
      async () => await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole),
      (h) => Array.isArray(h) && h.length > 0,
      'inlay hints',
    );
    const labels = hints.map((h) => `${h.position.line} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
    assert.ok(labels.includes(`${lineOf(document, 'image: nginx:1.27')} imagePullPolicy: IfNotPresent`), labels.join('\n'));
    assert.ok(labels.includes(`${lineOf(document, 'containerPort: 80')} protocol: TCP`), labels.join('\n'));
  });

  it('a code lens above the PodSpec sums up the Pod and opens the diagram', async () => {
    const document = await openDocument('navigation.yaml');
    const lenses = await waitFor(
      async () => await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri),
      (l) => Array.isArray(l) && l.length > 0,
      'code lenses',
    );
    assert.equal(lenses[0].range.start.line, lineOf(document, 'spec:'));
    assert.equal(lenses[0].command?.command, 'podsmith.showDiagram');
    assert.match(lenses[0].command?.title ?? '', /^Pod: requests 110m CPU, memory 80 MiB · limits memory 160 MiB · Pod Security: /);
  });
});
