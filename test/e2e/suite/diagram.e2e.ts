import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openDocument, openText, positionOf, waitFor } from './helpers';

/** What the panel last sent to its webview and what the webview reported drawing (client/src/diagramPanel.ts). */
interface DiagramTestState {
  open: boolean;
  visible: boolean;
  model: { pod: { kind: string; name?: string }; documentIndex: number; containers: { name: string; role: string }[] } | null;
  rendered: { pod: string; containers: number; volumes: number; edges: number; problems: number } | null;
  reveals: number;
}

const state = async (): Promise<DiagramTestState> => await vscode.commands.executeCommand<DiagramTestState>('podsmith.diagram.testState');

/** Puts the cursor of the document's editor at `needle`. */
async function moveCursor(document: vscode.TextDocument, needle: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const position = positionOf(document, needle);
  editor.selection = new vscode.Selection(position, position);
}

describe('Pod diagram in VS Code', function () {
  after(closeAllEditors);

  it('opens beside the editor and draws the Pod under the cursor', async () => {
    await activateExtension();
    const document = await openDocument('diagram-showcase.yaml');
    await moveCursor(document, 'log-shipper');
    await vscode.commands.executeCommand('podsmith.showDiagram');
    const seen = await waitFor(state, (s) => s.open && s.rendered?.pod === 'Deployment shop', 'the webview to draw the showcase');
    assert.deepEqual(
      seen.model?.containers.map((c) => [c.name, c.role]),
      [
        ['migrate', 'init'],
        ['mesh-proxy', 'native-sidecar'],
        ['shop', 'app'],
        ['log-shipper', 'sidecar'],
        ['db-proxy', 'ambassador'],
        ['metrics', 'adapter'],
      ],
    );
    assert.deepEqual([seen.rendered?.containers, seen.rendered?.volumes, seen.rendered?.edges], [6, 3, 5]);
  });

  it('redraws as the text changes', async () => {
    const document = await openDocument('diagram-showcase.yaml');
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(document, 'name: metrics', 'name: '.length);
    edit.replace(document.uri, new vscode.Range(at, at.translate(0, 'metrics'.length)), 'exporter');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(state, (s) => !!s.model?.containers.some((c) => c.name === 'exporter'), 'the model to show the renamed container');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows the cursor across the documents of a file, and shows nothing outside a Pod', async () => {
    const document = await openText(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: first}',
        'spec:',
        '  containers: [{name: one, image: nginx:1.27}]',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: not-a-pod}',
        'spec: {ports: [{port: 80}]}',
        '---',
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: {name: third}',
        'spec:',
        '  template:',
        '    spec:',
        '      restartPolicy: Never',
        '      containers: [{name: run, image: busybox:1.36}]',
        '',
      ].join('\n'),
    );
    await moveCursor(document, 'name: one');
    await waitFor(state, (s) => s.model?.pod.name === 'first' && s.rendered?.pod === 'Pod first', 'the diagram of the first document');
    await moveCursor(document, 'restartPolicy: Never');
    const third = await waitFor(state, (s) => s.model?.pod.name === 'third', 'the diagram of the third document');
    assert.equal(third.model?.documentIndex, 2);
    await moveCursor(document, 'kind: Service');
    await waitFor(state, (s) => s.open && s.model === null, 'no diagram in the Service');
  });
});
