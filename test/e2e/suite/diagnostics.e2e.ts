import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  closeAllEditors,
  describeDiagnostic,
  lineOf,
  openDocument,
  positionOf,
  settledDiagnostics,
  waitFor,
  waitForDiagnostics,
} from './helpers';

/** The foundation's bar, seen from inside VS Code: diagnostics on the example files as VS Code holds them. */
describe('diagnostics in VS Code', function () {
  after(closeAllEditors);

  it('activates on a YAML file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const document = await openDocument('pod.yaml');
    assert.equal(document.languageId, 'yaml');
    await waitFor(() => extension.isActive, Boolean, 'the extension to activate');
  });

  it('reports the syntax error of broken-yaml.yaml at the unclosed `[`', async () => {
    const document = await openDocument('broken-yaml.yaml');
    const diagnostics = await waitForDiagnostics(document);
    const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax' || (typeof d.code === 'object' && d.code.value === 'yaml-syntax'));
    assert.equal(syntax.length, 1, `one syntax error, got:\n${diagnostics.map(describeDiagnostic).join('\n')}`);
    const [error] = syntax;
    assert.equal(error.source, 'podsmith');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /^YAML syntax error: /);
    const opener = positionOf(document, 'args: [', 'args: '.length);
    assert.equal(error.range.start.line, lineOf(document, 'args: ['), describeDiagnostic(error));
    assert.equal(error.range.start.character, opener.character, describeDiagnostic(error));
  });

  it('reports nothing for the valid pod.yaml', async () => {
    const document = await openDocument('pod.yaml');
    const diagnostics = await settledDiagnostics(document);
    assert.deepEqual(diagnostics.map(describeDiagnostic), []);
  });

  it('reports nothing for a GitHub Actions workflow (not Kubernetes)', async () => {
    const document = await openDocument('not-kubernetes/github-workflow.yaml');
    const diagnostics = await settledDiagnostics(document);
    assert.deepEqual(diagnostics.map(describeDiagnostic), []);
  });

  it('clears the syntax error when the sequence is closed, and reports it again on undo', async () => {
    const document = await openDocument('broken-yaml.yaml');
    await waitForDiagnostics(document);
    const line = document.lineAt(lineOf(document, 'args: ['));
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((edit) => edit.insert(line.range.end, ']')), 'edit applied');
    await waitForDiagnostics(document, (d) => d.length === 0);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document, (d) => d.length === 1);
    assert.equal(document.isDirty, false, 'undo restored the saved text');
  });
});
