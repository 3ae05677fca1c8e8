/**
 * Checks files in worker threads, so a big repository uses every core. The workers run this same bundle
 * (dist/cli.js, started with its own file name) and nothing else: they receive a file path and settings, read and
 * check the file with the language service, and send back its report. This is the only module of Podsmith that
 * uses worker_threads (test/unit/reliability/noCodeExecution.test.ts holds it to that).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runCheckTask, type CheckTask } from './checkTask';
import type { FileReport } from './report';

const ROLE = 'podsmith-check-worker';

interface Job {
  readonly id: number;
  readonly task: CheckTask;
  readonly resolve: (report: FileReport) => void;
  readonly reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      // The bundle's own file: a worker runs our code, never a path that comes from input.
      const worker = new Worker(__filename, { workerData: { role: ROLE } });
      worker.on('message', (message: { id: number; report: FileReport }) => this.done(worker, message));
      worker.on('error', (error) => this.failed(worker, error));
      this.idle.push(worker);
    }
  }

  check(task: CheckTask): Promise<FileReport> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private done(worker: Worker, message: { id: number; report: FileReport }): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (job && job.id === message.id) job.resolve(message.report);
    this.dispatch();
  }

  private failed(worker: Worker, error: Error): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at !== -1) this.idle.splice(at, 1);
    job?.reject(error);
    // With no worker left, nothing would ever take the queue: fail it rather than hang.
    if (this.idle.length === 0 && this.busy.size === 0) for (const queued of this.queue.splice(0)) queued.reject(error);
  }
}

/** True in a thread the pool started. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

/** A worker's loop: check each file the main thread sends. */
export function serveChecks(): void {
  parentPort!.on('message', (message: { id: number; task: CheckTask }) => {
    parentPort!.postMessage({ id: message.id, report: runCheckTask(message.task) });
  });
}
