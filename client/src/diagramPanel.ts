/**
 * The Pod diagram panel: a webview beside the editor that shows the Pod under the cursor. It asks the server for
 * the model (`podsmith/diagram`), follows the cursor across documents and editors, redraws as the text changes,
 * reveals the line of a clicked element, and saves exports. No Kubernetes logic: the server decides, we show.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramModel } from '../../shared/diagramTypes';
import { DIAGRAM_REQUEST, SHOW_DIAGRAM_COMMAND, type DiagramParams } from '../../shared/protocol';
import { diagramPageHtml, makeNonce } from './webview/html';
import { parseFromWebview, type RenderSummary, type ToWebview } from './webview/messages';

/** Test-only: what the panel last sent and what the webview last drew. Not contributed to the palette. */
export const DIAGRAM_STATE_COMMAND = 'podsmith.diagram.testState';
const DIAGRAM_VIEW_TYPE = 'podsmith.diagram';

/** Scripts on, and nothing loadable but our own dist/ folder. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}
/** Typing pauses this long before the diagram is redrawn. */
const REFRESH_DELAY_MS = 150;

export interface DiagramTestState {
  readonly open: boolean;
  readonly visible: boolean;
  readonly model: DiagramModel | null;
  readonly rendered: RenderSummary | null;
  readonly reveals: number;
}

/** Registers the command that opens the panel; `client` is the running language client (or undefined before). */
export function registerDiagramPanel(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  let panel: DiagramPanel | undefined;
  const adopt = (webviewPanel: vscode.WebviewPanel) => {
    const created = new DiagramPanel(webviewPanel, context.extensionUri, getClient);
    created.onDidDispose(() => {
      if (panel === created) panel = undefined;
    });
    return created;
  };
  context.subscriptions.push(
    // From a code lens: the document and position of the Pod it stands above, so the diagram shows that Pod.
    vscode.commands.registerCommand(SHOW_DIAGRAM_COMMAND, (uri?: unknown, position?: unknown) => {
      const editor = typeof uri === 'string' && isPosition(position)
        ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)
        : undefined;
      if (editor && isPosition(position)) {
        const at = new vscode.Position(position.line, position.character);
        editor.selection = new vscode.Selection(at, at);
      }
      if (panel) panel.reveal();
      else {
        panel = adopt(
          vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, 'Pod Diagram', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri)),
        );
      }
      return panel.refreshNow();
    }),
    // A panel left open when VS Code closed comes back with the window, following the active YAML editor.
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel) {
        panel?.dispose();
        panel = adopt(webviewPanel);
        await panel.refreshNow();
      },
    }),
    vscode.commands.registerCommand(DIAGRAM_STATE_COMMAND, (): DiagramTestState => panel?.testState() ?? {
      open: false,
      visible: false,
      model: null,
      rendered: null,
      reveals: 0,
    }),
    { dispose: () => panel?.dispose() },
  );
}

class DiagramPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  /** The editor the diagram follows: the last YAML editor that had focus (focus moves to the panel when clicked). */
  private editor: vscode.TextEditor | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older requests are dropped: only the newest request may draw. */
  private generation = 0;
  private lastModel: DiagramModel | null = null;
  private lastRendered: RenderSummary | null = null;
  private reveals = 0;
  private disposed = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly getClient: () => LanguageClient | undefined,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const webview = this.panel.webview;
    // Set again for a panel restored after a restart: its options are not kept.
    webview.options = webviewOptions(extensionUri);
    webview.html = diagramPageHtml({
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
    });
    this.editor = yamlEditor(vscode.window.activeTextEditor) ?? vscode.window.visibleTextEditors.find((e) => yamlEditor(e));
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible) this.schedule(0);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!yamlEditor(editor)) return;
        this.editor = editor;
        this.schedule(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (!yamlEditor(event.textEditor)) return;
        this.editor = event.textEditor;
        this.schedule(REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.editor && event.document === this.editor.document && event.contentChanges.length) this.schedule(REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.editor?.document === document) {
          this.editor = undefined;
          this.schedule(0);
        }
      }),
    );
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  testState(): DiagramTestState {
    return { open: true, visible: this.panel.visible, model: this.lastModel, rendered: this.lastRendered, reveals: this.reveals };
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refreshNow();
    }, delay);
  }

  /** Asks the server for the model at the followed editor's cursor and sends it to the webview. */
  async refreshNow(): Promise<void> {
    const generation = ++this.generation;
    const editor = this.editor;
    const client = this.getClient();
    let message: ToWebview;
    if (!editor) {
      message = { type: 'empty', message: 'Open a YAML file with a Pod, or a workload with a Pod template, to see its diagram.' };
    } else if (!client?.isRunning()) {
      message = { type: 'empty', message: 'The Podsmith language server is starting…' };
      this.schedule(500);
    } else {
      try {
        const model = await client.sendRequest<DiagramModel | null>(DIAGRAM_REQUEST, {
          uri: client.code2ProtocolConverter.asUri(editor.document.uri),
          position: { line: editor.selection.active.line, character: editor.selection.active.character },
        } satisfies DiagramParams);
        message = model
          ? { type: 'model', model }
          : { type: 'empty', message: 'The cursor is not in a Pod or a workload with a Pod template. Move it into one to see its diagram.' };
      } catch (error) {
        message = { type: 'empty', message: `The diagram could not be computed: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    if (generation !== this.generation) return; // a newer request is on its way
    this.lastModel = message.type === 'model' ? message.model : null;
    if (message.type === 'model') this.panel.title = `Pod Diagram: ${message.model.pod.name ?? message.model.pod.kind}`;
    await this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) return; // anything else from the page is ignored
    switch (message.type) {
      case 'ready':
        this.schedule(0);
        break;
      case 'rendered':
        this.lastRendered = message.summary;
        break;
      case 'reveal':
        void this.revealInEditor(message.range);
        break;
      case 'export':
        void this.save(message.format, message.data);
        break;
    }
  }

  private async revealInEditor(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
    const document = this.editor?.document;
    if (!document || document.isClosed) return;
    this.reveals++;
    const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: this.editor?.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(target.start, target.end);
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async save(format: 'svg' | 'png', data: string): Promise<void> {
    const base = this.lastModel?.pod.name?.replace(/[^A-Za-z0-9._-]+/g, '-') || 'pod';
    const folder = this.editor?.document.uri.scheme === 'file' ? vscode.Uri.joinPath(this.editor.document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: `Save the Pod diagram as ${format.toUpperCase()}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}-diagram.${format}`) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (!target) return;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Saved the Pod diagram to ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }
}

function yamlEditor(editor: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
  return editor && editor.document.languageId === 'yaml' ? editor : undefined;
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | null;
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character);
}
