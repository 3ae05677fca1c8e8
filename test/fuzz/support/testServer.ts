/**
 * The real server (`dist/server.js --stdio`) for fuzz, hostile-input and security tests: started with
 * PODSMITH_TEST=1 (which answers `podsmith/debug/documentText`), optionally with a `--require` preload, with its
 * log messages captured and every request timed against the hang bound.
 */
import { existsSync } from 'node:fs';
import { LspServer, SERVER_JS } from '../../protocol/support/lspServer';
import { REQUEST_BOUND_MS } from './invariants';

export const DEBUG_DOCUMENT_TEXT = 'podsmith/debug/documentText';

export interface TestServer {
  readonly lsp: LspServer;
  /** window/logMessage lines: the facade logs every exception it caught. */
  readonly logs: string[];
  /** Sends `request`, fails if it takes longer than the hang bound, and returns the answer with its time. */
  timed<T>(what: string, request: () => Promise<T>, boundMs?: number): Promise<{ value: T; ms: number }>;
  /** Resolves once the logs satisfy `done` (checked on each new line), or fails after `boundMs`: no polling loop. */
  waitForLogs(what: string, done: (logs: readonly string[]) => boolean, boundMs?: number): Promise<void>;
  /** The server's own copy of a document. */
  documentText(uri: string): Promise<{ version: number; text: string } | null>;
  /** True while the server process exists. */
  alive(): boolean;
}

export function serverBundleExists(): boolean {
  return existsSync(SERVER_JS);
}

export async function startTestServer(options: { preload?: string; settings?: Record<string, unknown>; env?: Record<string, string> } = {}): Promise<TestServer> {
  // LspServer spawns inside `start` before its first await, from this process's environment: set it around the call.
  const env: Record<string, string> = { PODSMITH_TEST: '1', ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let starting: Promise<LspServer>;
  try {
    starting = LspServer.start({
      settings: options.settings,
      args: [...(options.preload ? ['--require', options.preload] : []), SERVER_JS, '--stdio'],
    });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const lsp = await starting;
  const logs: string[] = [];
  const logWatchers = new Set<() => void>();
  lsp.connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    for (const watcher of [...logWatchers]) watcher();
  });
  return {
    lsp,
    logs,
    async timed(what, request, boundMs = REQUEST_BOUND_MS) {
      const start = process.hrtime.bigint();
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${boundMs} ms (hang)`)), boundMs);
      });
      try {
        const value = await Promise.race([request(), hang]);
        return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
      } finally {
        clearTimeout(timer);
      }
    },
    waitForLogs(what, done, boundMs = REQUEST_BOUND_MS) {
      return new Promise<void>((resolve, reject) => {
        const finish = (error?: Error) => {
          logWatchers.delete(watcher);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const watcher = () => {
          if (done(logs)) finish();
        };
        const timer = setTimeout(() => finish(new Error(`${what}: not logged within ${boundMs} ms; logs:\n${logs.join('\n')}`)), boundMs);
        logWatchers.add(watcher);
        watcher();
      });
    },
    documentText: (uri) => lsp.connection.sendRequest(DEBUG_DOCUMENT_TEXT, { uri }),
    alive() {
      const pid = lsp.pid;
      if (pid === undefined) return false;
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    },
  };
}
