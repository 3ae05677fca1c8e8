/**
 * Starts `dist/server.js --stdio` as a child process and speaks LSP to it, the way an editor does. Protocol tests
 * and the benchmark use it; it waits for the `publishDiagnostics` of a given document version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  Hover,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface ServerOptions {
  /** Settings the client answers `workspace/configuration` with (the `podsmith` section). */
  readonly settings?: Record<string, unknown>;
  readonly command?: string;
  readonly args?: string[];
  /** Answers `workspace/configuration` for sections other than `podsmith` (the benchmark's other server). */
  readonly configuration?: (section: string | undefined) => unknown;
  /** The `podsmith` section for a folder the server names (scopeUri), like VS Code's folder settings; else `settings`. */
  readonly folderSettings?: Readonly<Record<string, Record<string, unknown>>>;
  /** The workspace folders the client says it has open (none by default). */
  readonly workspaceFolders?: readonly string[];
}

export class LspServer {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly versions = new Map<string, number>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly publishListeners = new Set<(p: PublishDiagnosticsParams) => void>();
  settings: Record<string, unknown>;
  stderr = '';
  /** What the server answered to `initialize` (its capabilities). */
  initializeResult: { capabilities: Record<string, unknown> } | undefined;

  private constructor(options: ServerOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(options.command ?? process.execPath, options.args ?? [SERVER_JS, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      for (const listener of this.publishListeners) listener(params);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === params.uri && (w.version === undefined || params.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve(params);
        }
      }
    });
    const other = options.configuration ?? (() => null);
    const folderSettings = options.folderSettings ?? {};
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
      params.items.map((item) => (item.section === 'podsmith' ? ((item.scopeUri && folderSettings[item.scopeUri]) || this.settings) : other(item.section))),
    );
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(options: ServerOptions = {}): Promise<LspServer> {
    const server = new LspServer(options);
    server.initializeResult = await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: { settings: server.settings },
    });
    server.connection.sendNotification('initialized', {});
    return server;
  }

  /** Opens a document and resolves with its first diagnostics. */
  open(uri: string, text: string, languageId = 'yaml'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const wait = this.nextDiagnostics(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return wait.then((p) => p.diagnostics);
  }

  /** Applies changes (full text or ranges) and resolves with the diagnostics of the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const wait = this.nextDiagnostics(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return wait.then((p) => p.diagnostics);
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the settings the server reads and tells it so; resolves when `uri` is re-published. */
  async configure(settings: Record<string, unknown>, uri?: string): Promise<Diagnostic[] | undefined> {
    this.settings = settings;
    const wait = uri ? this.nextDiagnostics(uri) : undefined;
    this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { podsmith: settings } });
    return wait?.then((p) => p.diagnostics);
  }

  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Calls `listener` with every publishDiagnostics as it arrives (the benchmark logs them); returns the unsubscribe. */
  onPublish(listener: (p: PublishDiagnosticsParams) => void): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  complete(uri: string, position: Position): Promise<CompletionList | null> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });
  }

  diagram(uri: string, position: Position): Promise<unknown> {
    return this.connection.sendRequest('podsmith/diagram', { uri, position });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
