import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, completionItems, completionLabel, openWithCursor, settledDiagnostics, waitFor, withSetting } from './helpers';

/**
 * In VS Code: an init container's restartPolicy offers OnFailure and Never from Kubernetes 1.35 (Always first, as
 * a native sidecar), and the log shipper accepted after an app written in flow style mounts the shared volume in
 * that app too.
 */
describe('init restart policies and the flow-style log shipper in VS Code', function () {
  after(closeAllEditors);

  const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];

  it('restartPolicy of an init container: Always for 1.34; Always, OnFailure, Never for 1.35', async () => {
    const { document, position } = await openWithCursor(
      [...POD, '  initContainers:', '    - name: setup', '      image: busybox:1.37', '      restartPolicy: ‸', '  containers:', '    - name: app', '      image: nginx:1.27', ''].join('\n'),
    );
    // VS Code adds other providers' items (words, snippets): only the restart policies are ours to judge.
    const POLICIES = ['Always', 'OnFailure', 'Never'];
    const policies = (items: vscode.CompletionItem[]) => items.filter((i) => POLICIES.includes(completionLabel(i)));
    const sorted = (items: vscode.CompletionItem[]) =>
      policies(items).sort((a, b) => (a.sortText ?? completionLabel(a)).localeCompare(b.sortText ?? completionLabel(b))).map((i) => [completionLabel(i), i.detail]);
    await withSetting('podsmith.kubernetesVersion', '1.34', async () => {
      const items = await waitFor(() => completionItems(document, position), (list) => policies(list).length === 1, 'Always alone');
      assert.deepEqual(sorted(items), [['Always', 'makes this init container a native sidecar']]);
    });
    await withSetting('podsmith.kubernetesVersion', '1.35', async () => {
      const items = await waitFor(() => completionItems(document, position), (list) => policies(list).length === 3, 'three policies');
      assert.deepEqual(sorted(items), [
        ['Always', 'makes this init container a native sidecar'],
        ['OnFailure', 'a failed init step is retried in place (ContainerRestartRules gate)'],
        ['Never', 'a failed init step is not retried: the Pod fails (ContainerRestartRules gate)'],
      ]);
    });
  });

  it('the log shipper after a flow-style app declares the volume and mounts it in the app', async () => {
    const { document, position } = await openWithCursor([...POD, '  containers: [{name: app, image: nginx:1.27}, ‸]', ''].join('\n'));
    const items = await waitFor(
      () => completionItems(document, position),
      (list) => list.some((i) => completionLabel(i) === 'sidecar: log shipper'),
      'the log shipper in the completion list',
    );
    const shipper = items.find((i) => completionLabel(i) === 'sidecar: log shipper')!;
    const editor = await vscode.window.showTextDocument(document);
    // As accepting does: the item's text at its range, then its other edits (all before it in the document).
    const range = shipper.range instanceof vscode.Range ? shipper.range : shipper.range!.replacing;
    assert.ok(await editor.insertSnippet(shipper.insertText as vscode.SnippetString, range), 'item inserted');
    await vscode.commands.executeCommand('leaveSnippet');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, shipper.additionalTextEdits ?? []);
    assert.ok(await vscode.workspace.applyEdit(edit), 'additional edits applied');
    const lines = document.getText().split('\n');
    assert.deepEqual(lines.slice(5, 8), ['  volumes:', '    - name: logs', '      emptyDir: {}']);
    assert.match(lines[8], /^ {2}containers: \[\{name: app, image: nginx:1\.27, volumeMounts: \[\{name: logs, mountPath: \/var\/log\/app\}\]\}, \{name: log-shipper, /);
    const errors = (await settledDiagnostics(document)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });
});
