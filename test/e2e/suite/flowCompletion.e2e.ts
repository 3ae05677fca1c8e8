import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, completionItems, completionLabel, openText, openWithCursor, waitFor, waitForDiagnostics, withSetting } from './helpers';

/**
 * In VS Code: a new item of a flow sequence of containers is offered whole, and an init container's restartPolicy
 * Never is judged by the targeted version (rejected before 1.35, a warning about the beta gate from 1.35).
 */
describe('flow sequences and init restart policies in VS Code', function () {
  after(closeAllEditors);

  const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];

  it('after a comma in containers: [...], a {name, image} skeleton and the container patterns', async () => {
    const { document, position } = await openWithCursor([...POD, '  containers: [{name: app, image: nginx:1.27}, ‸]', ''].join('\n'));
    const items = await waitFor(
      () => completionItems(document, position),
      (list) => list.some((i) => completionLabel(i) === '{name: , image: }'),
      'the container skeleton in the completion list',
    );
    const labels = items.map(completionLabel);
    for (const pattern of ['sidecar: log shipper', 'ambassador: local proxy', 'adapter: metrics exporter']) assert.ok(labels.includes(pattern), pattern);
    const skeleton = items.find((i) => completionLabel(i) === '{name: , image: }')!;
    assert.ok(skeleton.insertText instanceof vscode.SnippetString, 'a snippet');
    assert.equal(skeleton.insertText.value, '{name: $1, image: $2}$0');
  });

  it("restartPolicy: Never on an init container: an error for 1.34, a warning for 1.35", async () => {
    const document = await openText([...POD, '  initContainers:', '    - name: setup', '      image: busybox:1.37', '      restartPolicy: Never', '  containers:', '    - name: app', '      image: nginx:1.27', ''].join('\n'));
    const severityOf = (list: vscode.Diagnostic[]) => list.find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'init-container-restart-policy')?.severity;
    await withSetting('podsmith.kubernetesVersion', '1.34', async () => {
      await waitForDiagnostics(document, (list) => severityOf(list) === vscode.DiagnosticSeverity.Error);
    });
    await withSetting('podsmith.kubernetesVersion', '1.35', async () => {
      await waitForDiagnostics(document, (list) => severityOf(list) === vscode.DiagnosticSeverity.Warning);
    });
  });
});
