import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expandSnippet } from '../../unit/completion/support/snippets';
import {
  closeAllEditors,
  completionItems,
  completionLabel,
  describeDiagnostic,
  extensionRoot,
  openText,
  openWithCursor,
  settledDiagnostics,
  waitFor,
} from './helpers';

/**
 * Completion and snippets inside a real VS Code: the list VS Code shows comes from our server through the
 * language client, and what a snippet or a pattern inserts is a manifest with no Podsmith error.
 */
describe('completion in VS Code', function () {
  after(closeAllEditors);

  const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:'];

  async function errorsOf(document: vscode.TextDocument): Promise<string[]> {
    const diagnostics = await settledDiagnostics(document);
    return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(describeDiagnostic);
  }

  it('offers container fields inside a container', async () => {
    const { document, position } = await openWithCursor([...POD, '    - name: app', '      image: nginx:1.27', '      ‸', ''].join('\n'));
    const items = await waitFor(
      () => completionItems(document, position),
      (list) => list.some((i) => completionLabel(i) === 'readinessProbe'),
      'container fields in the completion list',
    );
    const labels = items.map(completionLabel);
    for (const field of ['resources', 'volumeMounts', 'imagePullPolicy']) assert.ok(labels.includes(field), field);
    assert.ok(!labels.includes('nodeSelector'), 'no PodSpec field inside a container');
    const resources = items.find((i) => completionLabel(i) === 'resources')!;
    assert.equal(resources.detail, 'ResourceRequirements · container-level');
  });

  it('snippets only where they fit: whole manifests after k8s- in an empty file, none inside a volume mount', async () => {
    const empty = await openWithCursor('k8s-‸');
    const top = await waitFor(
      () => completionItems(empty.document, empty.position),
      (list) => list.some((i) => completionLabel(i) === 'Deployment manifest'),
      'the manifests after k8s-',
    );
    assert.ok(top.some((i) => completionLabel(i) === 'Pod manifest'));
    const mount = await openWithCursor([...POD, '    - name: app', '      image: nginx:1.27', '      volumeMounts:', '        - name: cache', '          ‸', ''].join('\n'));
    const inside = await waitFor(
      () => completionItems(mount.document, mount.position),
      (list) => list.some((i) => completionLabel(i) === 'mountPath'),
      'the mount fields',
    );
    assert.deepEqual(inside.map(completionLabel).filter((l) => l.startsWith('k8s-') || l.endsWith(' manifest')), []);
  });

  it('the Deployment snippet, inserted with its defaults, is a manifest without errors', async () => {
    const file = path.join(extensionRoot(), 'snippets', 'kubernetes.code-snippets.json');
    const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const deployment = Object.values(snippets).find((s) => s.prefix === 'k8s-deployment');
    assert.ok(deployment, 'k8s-deployment is in the snippet file');
    const document = await openText('');
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(deployment.body.join('\n')), new vscode.Position(0, 0)), 'snippet inserted');
    assert.match(document.getText(), /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.deepEqual(await errorsOf(document), []);
  });

  it('the log-shipper sidecar offered in containers shares the app volume and leaves no error', async () => {
    const { document, position } = await openWithCursor(
      [
        ...POD,
        '    - name: app',
        '      image: nginx:1.27',
        '      volumeMounts:',
        '        - name: logs',
        '          mountPath: /var/log/nginx',
        '    - ‸',
        '  volumes:',
        '    - name: logs',
        '      emptyDir: {}',
        '',
      ].join('\n'),
    );
    const items = await waitFor(
      () => completionItems(document, position),
      (list) => list.some((i) => completionLabel(i) === 'sidecar: log shipper'),
      'the sidecar pattern in the completion list',
    );
    const sidecar = items.find((i) => completionLabel(i) === 'sidecar: log shipper')!;
    assert.equal(sidecar.keepWhitespace, true, 'indentation is inserted as computed');
    assert.ok(sidecar.insertText instanceof vscode.SnippetString);
    const range = sidecar.range instanceof vscode.Range ? sidecar.range : sidecar.range!.replacing;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, expandSnippet(sidecar.insertText.value));
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    assert.ok(document.getText().includes('    - name: log-shipper\n'), document.getText());
    assert.ok(document.getText().includes('        - name: logs\n          mountPath: /var/log/nginx\n          readOnly: true\n'), document.getText());
    assert.deepEqual(await errorsOf(document), []);
  });

  it('after Enter at the end of `- name: x` in a mount, offers the mount’s next key at its key column, not a new item', async () => {
    const { document, position } = await openWithCursor([...POD, '    - name: app', '      image: nginx:1.27', '      volumeMounts:', '        - name: cache‸', ''].join('\n'));
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(position, position);
    // Enter as a person presses it: VS Code's own indentation rules place the cursor on the new line.
    await vscode.commands.executeCommand('type', { text: '\n' });
    const cursor = await waitFor(
      async () => editor.selection.active,
      (at) => at.line === position.line + 1,
      'the cursor on the new line',
    );
    const items = await waitFor(
      () => completionItems(document, cursor),
      (list) => list.some((i) => completionLabel(i) === 'mountPath'),
      'the mount fields after Enter',
    );
    assert.deepEqual(items.map(completionLabel).filter((l) => l.startsWith('- ')), [], 'no new item');
    const mountPath = items.find((i) => completionLabel(i) === 'mountPath')!;
    const inserted = mountPath.insertText instanceof vscode.SnippetString ? mountPath.insertText.value : String(mountPath.insertText);
    // The key goes under `name`, whatever column Enter left the cursor at.
    assert.equal(cursor.character + inserted.length - inserted.trimStart().length, 10, `inserted ${JSON.stringify(inserted)} at column ${cursor.character}`);
  });
});
