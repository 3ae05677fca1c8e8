/**
 * Checks a file in parts: first the documents a person sees, then the rest in slices of a few milliseconds that
 * yield to the event loop between them, so that a hover or a completion is answered between two slices instead of
 * waiting behind the whole file. Once the visible documents and a first slice are checked and work is left, what is
 * known is published (the checked documents, and the others as they were: never an empty flash); the complete set
 * when every document is checked. A pass that a newer version of the document (or a newer pass) makes stale stops at
 * its next yield.
 *
 * Why: opening a file of 500 Deployments checked all of it before the first diagnostic and before any request was
 * answered (seconds on a busy machine). A keystroke needs no part: its one document is checked in the first slice
 * and every other document's findings are memoised, so it publishes once.
 *
 * No connection and no service here (server.ts gives the steps), so the order is tested without a server.
 */
export interface FilePass {
  /**
   * The documents to check, by index, in file order: all of them when a file is opened, and after an edit only those
   * it changed (the others' findings are kept, service/fileState.ts), so that a keystroke's pass visits one document.
   */
  readonly toCheck: readonly number[];
  /** The documents the person sees now, by index: checked first (asked again after every yield: a scroll counts). */
  visible(): readonly number[];
  /** Checks the documents at `indices` (memoised: a document checked before costs nothing). */
  check(indices: readonly number[]): void;
  /** Publishes what is known while the pass is under way: `checked` documents, the others as last shown. */
  publishPartial(checked: ReadonlySet<number>): void;
  /** Publishes the complete set: every document is checked. */
  publishComplete(): void;
  /** True once a newer version of the document, or a newer pass, makes this one pointless. */
  stale(): boolean;
  /**
   * Hands the documents at `indices` to a helper thread (checkThreads.ts), when one is free: resolves to true once
   * they count as checked here, false when the thread failed (they are then checked here). Undefined when no thread
   * takes them now. Absent: everything is checked on this thread.
   */
  checkElsewhere?(indices: readonly number[]): Promise<boolean> | undefined;
}

export interface PassTiming {
  /** How long a slice of the rest may run before it yields. */
  readonly sliceMs: number;
  readonly now: () => number;
  /** Lets the event loop run (messages received meanwhile are handled): setImmediate in the server. */
  readonly yieldToRequests: () => Promise<void>;
  /** How many documents go to a helper thread at a time (checkElsewhere). */
  readonly batchSize?: number;
}

/**
 * Runs one pass over a file; resolves to whether it completed or stopped as stale.
 *
 * With a helper thread (checkElsewhere), the thread takes batches from the end of the file while this thread checks
 * from the top, the documents a person sees first; they meet in between. A batch is handed over only while enough is
 * left for both (two batches). When nothing is left here, this thread checks the documents still away itself, the
 * batch handed last first (the one the thread has not started): it never waits for the thread, and a slow thread (its
 * first batches run cold) or a failed one costs at most the work it did not finish. What the thread then sends for a
 * document checked here is ignored.
 */
export async function checkInParts(pass: FilePass, timing: PassTiming): Promise<'complete' | 'stale'> {
  const { toCheck } = pass;
  const wanted = new Set(toCheck);
  const checked = new Set<number>();
  const batchSize = Math.max(1, timing.batchSize ?? 16);
  /** The documents from `toCheck[end]` on are handed to the helper thread (or were checked here first). */
  let end = toCheck.length;
  /**
   * The batches handed over whose documents the thread has not sent back, the last handed last: a failed batch stays
   * here, and this thread checks it as it does the rest.
   */
  const away: number[][] = [];
  const handOver = () => {
    while (pass.checkElsewhere && end - next >= 2 * batchSize) {
      const batch: number[] = [];
      for (let at = end - batchSize; at < end; at++) if (!checked.has(toCheck[at])) batch.push(toCheck[at]);
      const started = batch.length ? pass.checkElsewhere(batch) : Promise.resolve(true);
      if (!started) return;
      end -= batchSize;
      away.push(batch);
      void started
        .catch(() => false)
        .then((ok) => {
          if (!ok) return;
          away.splice(away.indexOf(batch), 1);
          for (const index of batch) checked.add(index);
        });
    }
  };
  /** The next document this thread checks once its own part is done: one still away, from the batch handed last. */
  const leftOver = (): number | undefined => {
    for (let b = away.length - 1; b >= 0; b--) {
      const index = away[b].find((i) => !checked.has(i));
      if (index !== undefined) return index;
    }
    return undefined;
  };
  let next = 0;
  for (let slice = 0; ; slice++) {
    const newlyVisible = pass.visible().filter((index) => wanted.has(index) && !checked.has(index));
    if (newlyVisible.length) {
      pass.check(newlyVisible);
      for (const index of newlyVisible) checked.add(index);
    }
    // At least one document per slice, however busy the machine: every slice makes progress.
    const start = timing.now();
    let done = 0;
    const checkHere = (index: number) => {
      if (checked.has(index)) return;
      pass.check([index]);
      checked.add(index);
      done++;
    };
    while (done === 0 || timing.now() - start < timing.sliceMs) {
      if (next < end) checkHere(toCheck[next++]);
      else {
        const index = leftOver();
        if (index === undefined) break;
        checkHere(index);
      }
    }
    // Documents a first check found visible may have been passed over by `next` already: all checked means done.
    if (checked.size === wanted.size) {
      pass.publishComplete();
      return 'complete';
    }
    // After a first slice, not before: a keystroke's pass is done in one slice and starts no thread.
    handOver();
    // What the person sees is published at once (without an editor's ranges: the top of the file, the first slice).
    if (newlyVisible.length || slice === 0) pass.publishPartial(checked);
    await timing.yieldToRequests();
    if (pass.stale()) return 'stale';
  }
}
