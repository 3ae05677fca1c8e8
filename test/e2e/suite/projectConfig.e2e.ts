import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostic, exampleUri, openDocument, settledDiagnostics, waitFor, waitForDiagnostics, withSetting } from './helpers';

/**
 * The project's .podsmith.yaml in VS Code: written into the workspace folder, it applies to the folder's files; a
 * setting the person sets in VS Code overrides it (one left at its default does not); its mistakes show in it.
 */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('.podsmith.yaml in VS Code', function () {
  const config = exampleUri('.podsmith.yaml');
  const write = (text: string) => vscode.workspace.fs.writeFile(config, Buffer.from(text, 'utf8'));
  after(async () => {
    await closeAllEditors();
    // Emptied before it is deleted: VS Code keeps the closed file's text in memory for a while and sends it again to
    // a restarted server (the reliability suite restarts it), which would apply its settings once more.
    await write('');
    await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === config.toString())?.getText() ?? '', (text) => text === '', 'the project file emptied in memory');
    await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    // The suites after this one expect the folder without a project file: wait until the server has seen it go
    // (the deletion reaches it through the file watcher, a moment later).
    const clean = await openDocument('pod-rules-clean.yaml');
    await waitFor(async () => (await settledDiagnostics(clean)).length, (n) => n === 0, 'the clean example checked without the project file');
    await closeAllEditors();
  });

  it('applies to the files of the folder as it is written and removed, under the settings the person set', async () => {
    const document = await openDocument('pod-rules-clean.yaml');
    assert.deepEqual((await settledDiagnostics(document)).map(describeDiagnostic), []);
    await write('podSecurityStandard: restricted\n');
    const restricted = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x).startsWith('pss-')));
    assert.ok(restricted.every((d) => codeOf(d).startsWith('pss-')), restricted.map(describeDiagnostic).join('\n'));
    await withSetting('podsmith.podSecurityStandard', 'off', async () => {
      await waitForDiagnostics(document, (d) => d.length === 0);
    });
    await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x).startsWith('pss-')));
    await vscode.workspace.fs.delete(config);
    await waitForDiagnostics(document, (d) => d.length === 0);
  });

  it('shows its mistakes in it, at their place', async () => {
    await write('profile: strict\nrulez:\n  image-tag: off\n');
    const document = await openDocument(config);
    const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'project-config'));
    const problem = diagnostics.find((d) => codeOf(d) === 'project-config')!;
    assert.deepEqual([problem.range.start.line, problem.range.start.character, problem.range.end.character], [1, 0, 5]);
    assert.match(problem.message, /^Unknown setting "rulez" in \.podsmith\.yaml \(did you mean "rules"\?\)/);
  });
});
