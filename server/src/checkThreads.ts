/**
 * The language server's helper thread: while a large file is opened, it checks documents from the end of the file
 * while the server checks from the top (checkInParts.ts), on a machine with cores to spare (four or more, two of them
 * free: see `coreFree`, and what was measured on two). The thread runs the server's own code (dist/checkThread.js, a bundle of
 * checkThread.ts beside dist/server.js) and receives only document texts and settings.
 *
 * Why a thread: opening a file of 500 Deployments is mostly parsing (the `yaml` package), which one thread cannot do
 * faster; another core can do part of it. What comes back is what each document keeps once checked (its findings,
 * summaries, outline, folding and lens: plain data), adopted by the server's copy of the document; its tree is built
 * only if a request needs more.
 *
 * The thread starts when a large file is opened and ends when it has been idle for a moment: an idle thread would
 * hold tens of megabytes for nothing. If it fails, its documents are checked on the server's thread.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
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

/**
 * How long a request may take before the thread is taken for stuck and ended (its documents are then checked on the
 * server's thread): a batch is a few dozen milliseconds of work, and a pass must never wait for ever.
 */
const STUCK_MS = 20_000;

export class CheckThread {
  private worker: Worker | undefined;
  private ready = false;
  private readonly waiting = new Map<number, (snapshots: KeptSnapshot[] | undefined) => void>();
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private stuckTimer: ReturnType<typeof setTimeout> | undefined;
  private readyWaiters: (() => void)[] = [];
  /** How many documents the thread has checked (a test-only request reads it). */
  documentsChecked = 0;

  private readonly idleMs: number;
  private readonly stuckMs: number;
  private readonly startWorker: () => Worker;

  constructor(
    private readonly log: (line: string) => void,
    options: {
      /** How long the thread may stay idle before it ends (its memory is given back). */
      readonly idleMs?: number;
      readonly stuckMs?: number;
      /** Tests start a stand-in; the server, its own bundle. */
      readonly startWorker?: () => Worker;
    } = {},
  ) {
    this.idleMs = options.idleMs ?? 500;
    this.stuckMs = options.stuckMs ?? STUCK_MS;
    // Our own bundle, beside this one: a thread runs our code, never a path that comes from input.
    this.startWorker = options.startWorker ?? (() => new Worker(path.join(__dirname, 'checkThread.js')));
  }

  /** True on a machine where a second thread can run beside the server's. */
  static worthwhile(): boolean {
    return coreCount() >= 2;
  }

  /**
   * True while cores are free for the thread now: the machine has at least four, and its load (the last minute's
   * average of runnable threads, the server's own included) leaves two beside the server's, one for the thread and
   * one for V8's collector threads, which the server's own collection uses.
   *
   * Measured on two cores, opening 500 and 1,000 Deployments with a second of quiet between opens: a thread started
   * for the open (its bundle loaded, its first batches run cold) made the whole file's diagnostics 10-20% later than
   * the server alone, even on a quiet machine, because each document then cost both threads about twice as much
   * (what the second core did for the server's collector, the thread took); a thread already warm made them 10-25%
   * earlier; with other processes busy (load 3 to 6), 10-40% later. Four cores or more were not measured here.
   */
  static coreFree(load = loadavg()[0], cores = coreCount()): boolean {
    return cores >= 4 && load <= cores - 2;
  }

  /** Starts the thread if it is not running; it takes work once it is ready. */
  start(): void {
    this.keepAlive();
    if (this.worker) return;
    const worker = this.startWorker();
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
      if (this.waiting.size === 1) this.watch();
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
      this.watch();
    }
    this.keepAlive();
  }

  /** While requests are out, the thread must answer one within STUCK_MS, or it is ended (see `ended`). */
  private watch(): void {
    if (this.stuckTimer) clearTimeout(this.stuckTimer);
    this.stuckTimer = undefined;
    const worker = this.worker;
    if (!worker || this.waiting.size === 0) return;
    this.stuckTimer = setTimeout(() => this.end(worker, `podsmith: the helper thread answered nothing for ${this.stuckMs / 1000} s; its documents are checked here`), this.stuckMs);
    this.stuckTimer.unref();
  }

  /** Ends the thread now: what it was asked is answered with nothing at once, then the thread is terminated. */
  private end(worker: Worker, why?: string): void {
    this.ended(worker, why);
    void worker.terminate();
  }

  /** Forgets a thread that ended (or is being ended); its requests resolve to nothing. */
  private ended(worker: Worker, why?: string): void {
    if (this.worker !== worker) return;
    if (why) this.log(why);
    this.worker = undefined;
    this.ready = false;
    if (this.stuckTimer) clearTimeout(this.stuckTimer);
    this.stuckTimer = undefined;
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
      const worker = this.worker;
      if (worker && !this.ready) this.keepAlive();
      else if (worker && this.waiting.size === 0) this.end(worker);
    }, this.idleMs);
    this.idleTimer.unref();
  }
}

/** The cores Node.js may use (availableParallelism is Node.js 18.14+; an older runtime, an editor's own, counts CPUs). */
function coreCount(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
}
