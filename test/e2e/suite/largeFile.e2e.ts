import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostic, openText, podsmithDiagnostics, waitForDiagnostics } from './helpers';

/**
 * A large multi-document file, as VS Code holds it while a person types: the server re-checks only the edited
 * document and reuses the placed diagnostics of the others, moving them when an edit above shifts them. Whatever
 * it reuses, every squiggle must sit on its misspelled field after each edit.
 */
const DOCUMENTS = 120;

function deployment(index: number): string {
  return [
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: svc-${index}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: svc-${index}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: svc-${index}`,
    '    spec:',
    '      containers:',
    `        - name: app`,
    `          image: registry.example.com/svc-${index}:1.0.0`,
    '          resources:',
    '            requests: {cpu: 100m, memory: 128Mi}',
    '            limits: {memory: 128Mi}',
    '          imagePullPolicyy: IfNotPresent',
    '',
  ].join('\n');
}

/** Lines of the misspelled field, in order: where every squiggle must be. */
function typoLines(document: vscode.TextDocument): number[] {
  const lines: number[] = [];
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes('imagePullPolicyy')) lines.push(i);
  return lines;
}

function squiggleLines(document: vscode.TextDocument): number[] {
  return podsmithDiagnostics(document)
    .filter((d) => document.getText(d.range) === 'imagePullPolicyy')
    .map((d) => d.range.start.line)
    .sort((a, b) => a - b);
}

async function edit(document: vscode.TextDocument, change: (edit: vscode.TextEditorEdit) => void): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  assert.ok(await editor.edit(change), 'edit applied');
}

/** Waits until every typo has its squiggle on its own line again (the publish of the new text arrived). */
async function squigglesFollow(document: vscode.TextDocument): Promise<void> {
  const expected = typoLines(document);
  assert.equal(expected.length, DOCUMENTS);
  await waitForDiagnostics(document, () => JSON.stringify(squiggleLines(document)) === JSON.stringify(expected));
}

describe('a large multi-document file while typing', function () {
  after(closeAllEditors);

  it('keeps every squiggle on its field through edits that move the documents below them', async () => {
    const document = await openText(Array.from({ length: DOCUMENTS }, (_, i) => deployment(i)).join(''));
    await squigglesFollow(document);
    const middle = document.lineAt(Math.floor(document.lineCount / 2)).range.start;

    await edit(document, (e) => e.insert(middle, '# a comment added in the middle\n'));
    await squigglesFollow(document);

    await edit(document, (e) => e.insert(new vscode.Position(1, 0), '# and one at the top\n# over two lines\n'));
    await squigglesFollow(document);

    await edit(document, (e) => e.delete(new vscode.Range(1, 0, 3, 0)));
    await squigglesFollow(document);

    const first = podsmithDiagnostics(document).find((d) => document.getText(d.range) === 'imagePullPolicyy');
    assert.ok(first, 'the first document still has its squiggle');
    assert.equal(first.range.start.line, typoLines(document)[0], describeDiagnostic(first));
  });

  it('a file over 200 KB: every squiggle, and the whole Outline', async () => {
    // 700 Deployments, about 370 KB: with cores to spare, the server starts its helper thread as the file opens.
    const count = 700;
    const document = await openText(Array.from({ length: count }, (_, i) => deployment(i)).join(''));
    assert.ok(document.getText().length > 200_000);
    const expected = typoLines(document);
    assert.equal(expected.length, count);
    await waitForDiagnostics(document, () => JSON.stringify(squiggleLines(document)) === JSON.stringify(expected), 60000);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(symbols?.map((s) => s.name), Array.from({ length: count }, (_, i) => `Deployment svc-${i}`));
  });
});

