/**
 * The language server's helper thread: while a large file is opened, it checks documents from the end of the file
 * while the server checks from the top (checkInParts.ts), so that on a machine with a core to spare the whole file's
 * diagnostics come in about half the time. The thread runs the server's own code (dist/checkThread.js, a bundle of
 * checkThread.ts beside dist/server.js) and receives only document texts and settings.
 *
 * Why a thread: opening a file of 500 Deployments is mostly parsing (the `yaml` package), which one thread cannot do
 * faster; a second core can do half of it. What comes back is what each document keeps once checked (its findings,
 * summaries, outline, folding and lens: plain data), adopted by the server's copy of the document; its tree is built
 * only if a request needs more.
 *
 * The thread starts when a large file is opened and ends when it has been idle for a moment: an idle thread would
 * hold tens of megabytes for nothing. If it fails, its documents are checked on the server's thread.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KeptSnapshot } from './document/manifestDocument';
import type { PodsmithSettings } from './core/settings';

/** What the server sends: documents to check, by their place in the file and their text, and the settings. */
export interface CheckThreadRequest {
  readonly id: number;
  readonly documents: readonly { readonly index: number; readonly text: string }[];
  readonly settings: PodsmithSettings;
}

/** What the thread sends: ready once started, the snapshots of a request, or a line for the server's log. */
export type CheckThreadMessage = { readonly ready: true } | { readonly id: number; readonly snapshots: KeptSnapshot[] } | { readonly log: string };

/** The most requests handed to the thread at once: one being checked, one waiting, so that it never idles. */
const MAX_IN_FLIGHT = 2;

export class CheckThread {
  private worker: Worker | undefined;
  private ready = false;
  private readonly waiting = new Map<number, (snapshots: KeptSnapshot[] | undefined) => void>();
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readyWaiters: (() => void)[] = [];
  /** How many documents the thread has checked (a test-only request reads it). */
  documentsChecked = 0;

  constructor(
    private readonly log: (line: string) => void,
    /** How long the thread may stay idle before it ends (its memory is given back). */
    private readonly idleMs = 500,
  ) {}

  /** True on a machine where a second thread can run beside the server's. */
  static worthwhile(): boolean {
    return availableParallelism() >= 2;
  }

  /** Starts the thread if it is not running; it takes work once it is ready. */
  start(): void {
    this.keepAlive();
    if (this.worker) return;
    // Our own bundle, beside this one: a thread runs our code, never a path that comes from input.
    const worker = new Worker(path.join(__dirname, 'checkThread.js'));
    this.worker = worker;
    worker.on('message', (message: CheckThreadMessage) => this.received(message));
    worker.on('error', (error) => this.ended(worker, `podsmith: the helper thread failed: ${error?.stack ?? error}`));
    worker.on('exit', () => this.ended(worker));
  }

  /**
   * Checks `documents` on the thread: resolves to what each keeps, or undefined when the thread failed. Undefined
   * (nothing started) while the thread is starting or has as much work as it can take.
   */
  check(documents: CheckThreadRequest['documents'], settings: PodsmithSettings): Promise<KeptSnapshot[] | undefined> | undefined {
    if (!this.worker || !this.ready || this.waiting.size >= MAX_IN_FLIGHT) return undefined;
    const id = this.nextId++;
    this.keepAlive();
    return new Promise((resolve) => {
      this.waiting.set(id, (snapshots) => {
        if (snapshots) this.documentsChecked += snapshots.length;
        resolve(snapshots);
      });
      this.worker!.postMessage({ id, documents, settings } satisfies CheckThreadRequest);
    });
  }

  /** Resolves once the thread is ready (or has ended): tests make a pass wait for it, so that it is used. */
  whenReady(): Promise<void> {
    if (this.ready || !this.worker) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Ends the thread now (the server's shutdown, tests). */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (worker) await worker.terminate();
  }

  private received(message: CheckThreadMessage): void {
    if ('ready' in message) {
      this.ready = true;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    }
    else if ('log' in message) this.log(message.log);
    else {
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.(message.snapshots);
    }
    this.keepAlive();
  }

  private ended(worker: Worker, why?: string): void {
    if (this.worker !== worker) return;
    if (why) this.log(why);
    this.worker = undefined;
    this.ready = false;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }

  /** The thread ends after `idleMs` without work. */
  private keepAlive(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      // A thread still starting (a busy machine) is waited for: ending it would make every open start one again.
      if (this.worker && !this.ready) this.keepAlive();
      else if (this.waiting.size === 0 && this.worker) void this.worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}
