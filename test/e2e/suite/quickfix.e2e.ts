import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyCodeAction, closeAllEditors, codeActions, describeDiagnostic, openDocument, openText, waitFor, waitForDiagnostics } from './helpers';

/** Quick fixes inside a real VS Code: the light bulb's actions change the file as the person expects. */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const lines = (...parts: string[]) => parts.join('\n') + '\n';

async function fixOnce(document: vscode.TextDocument, code: string, title: string): Promise<void> {
  const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === code));
  const diagnostic = diagnostics.find((x) => codeOf(x) === code)!;
  const actions = await waitFor(
    () => codeActions(document, diagnostic.range, vscode.CodeActionKind.QuickFix),
    (list) => list.some((a) => a.title === title),
    `the action "${title}" (diagnostics: ${diagnostics.map(describeDiagnostic).join('; ')})`,
  );
  await applyCodeAction(actions.find((a) => a.title === title)!);
}

describe('quick fixes in VS Code', function () {
  after(closeAllEditors);

  it('offers a fix on every line of examples/quick-fixes.yaml marked "quick fix"', async () => {
    const document = await openDocument('quick-fixes.yaml');
    const marked = document.getText().split('\n').flatMap((line, i) => (line.includes('# quick fix:') ? [i] : []));
    const diagnostics = await waitForDiagnostics(document, (d) => marked.every((line) => d.some((x) => x.range.start.line === line)));
    for (const line of marked) {
      const diagnostic = diagnostics.find((d) => d.range.start.line === line && codeOf(d) !== 'missing-resources')!;
      const titles = (await codeActions(document, diagnostic.range, vscode.CodeActionKind.QuickFix)).map((a) => a.title);
      assert.ok(titles.some((t) => !t.startsWith('Disable')), `a fix for ${describeDiagnostic(diagnostic)}; offered: ${titles.join(' | ')}`);
      assert.ok(titles.includes(`Disable '${codeOf(diagnostic)}' for this line`), titles.join(' | '));
    }
  });

  it('moves volumes written in a container to the Pod, and the diagnostic goes away', async () => {
    const document = await openText(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: shop',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: shop:1.4.2',
        '      volumeMounts: [{name: data, mountPath: /data}]',
        '      volumes:',
        '        - name: data',
        '          emptyDir: {}',
      ),
    );
    await fixOnce(document, 'misplaced-field', "Move 'volumes' to the Pod (spec)");
    assert.equal(
      document.getText(),
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: shop',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: shop:1.4.2',
        '      volumeMounts: [{name: data, mountPath: /data}]',
        '  volumes:',
        '    - name: data',
        '      emptyDir: {}',
      ),
    );
    await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x) === 'misplaced-field'));
  });

  it('adds a missing image as a placeholder and selects it for typing', async () => {
    const document = await openText(lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web'));
    await fixOnce(document, 'missing-required', "Add 'image' (a placeholder to replace)");
    assert.equal(document.getText(), lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: IMAGE'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);
    assert.equal(editor.document.getText(editor.selection), 'IMAGE');
  });

  it('fixes every safe problem of the file through the source action', async () => {
    const document = await openText(
      lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  restartPolicy: never', '  containers:', '    - name: web', '      image: web:1', '      ports: [{containerPort: "80"}]'),
    );
    await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'invalid-enum') && d.some((x) => codeOf(x) === 'wrong-type'));
    const actions = await codeActions(document, new vscode.Position(0, 0), vscode.CodeActionKind.SourceFixAll);
    const all = actions.find((a) => a.title === 'Fix all auto-fixable Podsmith problems');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    await applyCodeAction(all);
    assert.equal(
      document.getText(),
      lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  restartPolicy: Never', '  containers:', '    - name: web', '      image: web:1', '      ports: [{containerPort: 80}]'),
    );
    await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x) === 'invalid-enum' || codeOf(x) === 'wrong-type'));
  });
});
