/**
 * One language server under measurement, spoken to over stdio like an editor does (the protocol tests' client).
 * The same session code drives Podsmith and yaml-language-server, so both pay the same client-side costs.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { LspServer, type ServerOptions } from '../test/protocol/support/lspServer';
import { settle, type Publish, type VisibleLines } from './settle';

export interface ServerUnderTest {
  /** Short name for tables: `podsmith`, `yaml-ls`. */
  readonly name: string;
  readonly options: ServerOptions;
  /** True when the server puts the document version into publishDiagnostics (Podsmith does, yaml-ls does not). */
  readonly versionedPublish: boolean;
  /**
   * A fixed delay the server waits before validating a changed document, in ms (yaml-language-server: 200, not
   * configurable). Reported beside the wall-clock figures so the work itself can be compared.
   */
  readonly debounceMs: number;
  /**
   * How long no publish may arrive before the document's diagnostics count as settled after an open: longer than
   * any pause the server makes between two publishes of one check (yaml-language-server: its validation delay).
   */
  readonly quietMs: number;
  /**
   * The notification that tells the server which lines the editor shows, where it has one (an editor sends it when
   * a document opens and when it scrolls); undefined for a server that does not listen for it.
   */
  readonly viewNotification?: (uri: string, visible: VisibleLines) => { readonly method: string; readonly params: unknown };
}

/** An open read the way a person sees it (bench/settle.ts): when the view is right, when everything is. */
export interface SettledOpen {
  /** didOpen → the publish from which the visible lines' diagnostics are final. */
  readonly first: Timed<number>;
  /** didOpen → the publish from which the whole list is final. */
  readonly all: Timed<number>;
  readonly publishes: number;
  readonly visibleDiagnostics: number;
  readonly diagnostics: Diagnostic[];
}

export interface Timed<T> {
  /** Wall-clock time, as the person waits for it. */
  readonly ms: number;
  /** CPU time the server's main thread spent meanwhile (undefined where /proc is not available). */
  readonly cpuMs?: number;
  readonly value: T;
}

export class LspSession {
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly server: ServerUnderTest,
    private readonly lsp: LspServer,
  ) {}

  /** Spawns the server and completes initialize; the time is measured by the caller from before this call. */
  static async start(server: ServerUnderTest): Promise<LspSession> {
    return new LspSession(server, await LspServer.start(server.options));
  }

  get pid(): number | undefined {
    return this.lsp.pid;
  }

  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number | undefined {
    if (!this.pid) return undefined;
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return kb ? Number(kb[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * CPU time of the server's main thread so far, in ms, from /proc/<pid>/schedstat (nanoseconds). Unlike wall
   * time it leaves out waiting (yaml-language-server's validation delay) and other processes on a busy machine.
   */
  cpuMs(): number | undefined {
    if (!this.pid) return undefined;
    try {
      return Number(readFileSync(`/proc/${this.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return undefined;
    }
  }

  private timed<T>(start: number, cpuStart: number | undefined, value: T): Timed<T> {
    const ms = performance.now() - start;
    const cpuEnd = this.cpuMs();
    return { ms, cpuMs: cpuStart === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpuStart, value };
  }

  /** Opens a document and resolves with its first published diagnostics and the time from didOpen to them. */
  async open(uri: string, text: string): Promise<Timed<Diagnostic[]>> {
    this.versions.set(uri, 1);
    const published = this.lsp.nextDiagnostics(uri, this.server.versionedPublish ? 1 : undefined);
    const cpu = this.cpuMs();
    const start = performance.now();
    this.lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const params = await published;
    return this.timed(start, cpu, params.diagnostics);
  }

  /**
   * Opens a document as an editor showing `visible` does, and records every publish of it until none has come for
   * the server's quiet time; then reads them (bench/settle.ts). The figures leave that quiet time out.
   */
  async openSettled(uri: string, text: string, visible: VisibleLines): Promise<SettledOpen> {
    this.versions.set(uri, 1);
    const publishes: (Publish & { diagnostics: Diagnostic[] })[] = [];
    let lastArrival = 0;
    // A server that marks its complete set with the document's version (Podsmith's partial publishes carry none) is
    // settled only once that publish came: a gap between parts longer than quietMs must not end the reading early.
    let complete = !this.server.versionedPublish;
    const cpu = this.cpuMs();
    const start = performance.now();
    const stopListening = this.lsp.onPublish((params) => {
      if (params.uri !== uri) return;
      lastArrival = performance.now();
      if (params.version === 1) complete = true;
      const cpuNow = this.cpuMs();
      publishes.push({ ms: lastArrival - start, cpuMs: cpu === undefined || cpuNow === undefined ? undefined : cpuNow - cpu, diagnostics: params.diagnostics });
    });
    try {
      this.lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const view = this.server.viewNotification?.(uri, visible);
      if (view) this.lsp.connection.sendNotification(view.method, view.params);
      while (!complete || publishes.length === 0 || performance.now() - lastArrival < this.server.quietMs) {
        await new Promise((resolve) => setTimeout(resolve, publishes.length === 0 ? 5 : Math.max(5, this.server.quietMs - (performance.now() - lastArrival))));
      }
    } finally {
      stopListening();
    }
    const read = settle(publishes, visible)!;
    const timedAt = (index: number): Timed<number> => ({ ms: publishes[index].ms, cpuMs: publishes[index].cpuMs, value: publishes[index].diagnostics.length });
    return {
      first: timedAt(read.first),
      all: timedAt(read.all),
      publishes: publishes.length,
      visibleDiagnostics: read.visibleDiagnostics,
      diagnostics: publishes[publishes.length - 1].diagnostics,
    };
  }

  /** Waits for the next publish of `uri` whatever its version (settings changes, a second validation pass). */
  async nextPublish(uri: string, timeoutMs: number): Promise<Diagnostic[] | undefined> {
    let cancel = () => undefined as void;
    const timeout = new Promise<undefined>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      cancel = () => clearTimeout(timer);
    });
    const published = this.lsp.nextDiagnostics(uri).then((p) => p.diagnostics);
    const result = await Promise.race([published, timeout]);
    cancel();
    return result;
  }

  /** Replaces the text between two positions and resolves with the time to the diagnostics of the new version. */
  async edit(uri: string, start: Position, end: Position, text: string): Promise<Timed<Diagnostic[]>> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.lsp.nextDiagnostics(uri, this.server.versionedPublish ? version : undefined);
    const cpu = this.cpuMs();
    const t0 = performance.now();
    this.lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
    const params = await published;
    return this.timed(t0, cpu, params.diagnostics);
  }

  /**
   * Types (replaces a range) and asks for completion at once, as an editor does while a person types: the time is
   * the completion's, from its request to its answer. Then waits for the edit's diagnostics, untimed, so that
   * nothing of this edit is left running when the next figure starts.
   */
  typeThenComplete(uri: string, start: Position, end: Position, text: string, at: Position): Promise<Timed<unknown>> {
    return this.typeThen(uri, start, end, text, () => this.lsp.complete(uri, at));
  }

  /** Types and asks for a hover at once, as when a person types and points; timed like typeThenComplete. */
  typeThenHover(uri: string, start: Position, end: Position, text: string, at: Position): Promise<Timed<unknown>> {
    return this.typeThen(uri, start, end, text, () => this.lsp.hover(uri, at));
  }

  private async typeThen(uri: string, start: Position, end: Position, text: string, request: () => Promise<unknown>): Promise<Timed<unknown>> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.lsp.nextDiagnostics(uri, this.server.versionedPublish ? version : undefined);
    this.lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
    const cpu = this.cpuMs();
    const t0 = performance.now();
    const answer = this.timed(t0, cpu, await request());
    await published;
    return answer;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async hover(uri: string, position: Position): Promise<Timed<unknown>> {
    const cpu = this.cpuMs();
    const t0 = performance.now();
    return this.timed(t0, cpu, await this.lsp.hover(uri, position));
  }

  async complete(uri: string, position: Position): Promise<Timed<unknown>> {
    const cpu = this.cpuMs();
    const t0 = performance.now();
    return this.timed(t0, cpu, await this.lsp.complete(uri, position));
  }

  /** Tells the server its settings changed (servers that pull configuration ask the client back). */
  settingsChanged(): void {
    this.lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  }

  stop(): Promise<void> {
    return this.lsp.stop();
  }
}

/** A diagnostic's message as text (the protocol also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  const m = diagnostic.message as unknown;
  return typeof m === 'string' ? m : String((m as { value?: unknown })?.value ?? '');
}

/** How many items a completion answer holds (list or array), for reporting that an answer was real. */
export function completionCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const items = (result as { items?: unknown[] } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}

/** The text of a hover answer, flattened, for reporting that an answer was real. */
export function hoverText(result: unknown): string {
  const contents = (result as { contents?: unknown } | null)?.contents;
  const flat = (c: unknown): string =>
    typeof c === 'string' ? c : Array.isArray(c) ? c.map(flat).join('\n') : String((c as { value?: unknown })?.value ?? '');
  return contents === undefined ? '' : flat(contents);
}
