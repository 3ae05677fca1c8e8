/**
 * How many composed trees (the `yaml` package's Document with its nodes, the resolved view, what is memoised on
 * them) the process keeps at once: those of the documents used last. The others keep their text and what was
 * computed from them that holds no tree (findings, placed diagnostics, the workspace summaries, the Outline...), and
 * build their tree again when a feature needs it (see manifestDocument.ts).
 *
 * Why: a composed tree costs about 60 bytes of heap per character of text. Keeping every document's tree kept a
 * 1 MB file's 500 trees alive for the whole session (most of the server's memory), and while the file opened, the
 * garbage collector moved trees it would never free from one space to the next. With a budget, a person's work
 * (the documents they edit, hover and complete in) keeps its trees, and opening a file leaves a few behind.
 *
 * A tree that only its check has used is kept apart, and only the newest `maxFresh` of them: a check pass streams
 * through every document of a file once, and keeping the last 8 it checked kept each tree alive across the young
 * generation's collections, long enough to be promoted to the old generation as garbage (the 500-Deployment file:
 * 13 MB more old space after the open, pages the process then keeps). A tree used again after its check (a hover,
 * a completion, the check of an edit followed by a request in that document) joins the documents used last.
 */

/** Something whose tree can be dropped and built again. */
export interface TreeHolder {
  /** Forgets the composed tree and everything memoised on it. */
  dropTree(): void;
}

export class TreeBudget {
  /** Holders whose tree was used after its check, least recently used first, each with its text's length. */
  private readonly live = new Map<TreeHolder, number>();
  /** Holders whose tree only its check has used so far, oldest first. */
  private readonly fresh = new Map<TreeHolder, number>();
  private chars = 0;
  /** The holder last marked as used (a feature reads its tree thousands of times in a row: one comparison each). */
  private newest: TreeHolder | undefined;

  constructor(
    /** At most this many trees used after their check... */
    readonly maxTrees: number,
    /** ...and at most this many characters of text under all the trees kept; the newest is kept whatever its size. */
    readonly maxChars: number,
    /** At most this many trees that only their check has used. */
    readonly maxFresh = 1,
  ) {}

  /** `holder`'s check has just run on its tree: it is kept among the fresh ones until it is used again or pushed out. */
  checked(holder: TreeHolder, chars: number): void {
    if (this.live.has(holder) || this.fresh.has(holder)) return;
    this.fresh.set(holder, chars);
    this.chars += chars;
    this.trim(holder);
  }

  /** Marks `holder`'s tree as just used (adding it when it was just built) and drops the oldest ones beyond the budget. */
  use(holder: TreeHolder, chars: number): void {
    if (holder === this.newest) return;
    const known = this.live.get(holder) ?? this.fresh.get(holder);
    if (known !== undefined) {
      this.live.delete(holder);
      this.fresh.delete(holder);
    } else this.chars += chars;
    this.live.set(holder, chars);
    this.newest = holder;
    this.trim(holder);
  }

  /** `holder` dropped its tree itself: stop counting it. */
  forget(holder: TreeHolder): void {
    const size = this.live.get(holder) ?? this.fresh.get(holder);
    if (size === undefined) return;
    this.live.delete(holder);
    this.fresh.delete(holder);
    this.chars -= size;
    if (this.newest === holder) this.newest = undefined;
  }

  /** How many trees are kept now (for tests and the benchmark). */
  get trees(): number {
    return this.live.size + this.fresh.size;
  }

  /** Drops the oldest trees beyond the budget, fresh ones first; never `keep`, the one just added or used. */
  private trim(keep: TreeHolder): void {
    for (const [oldest, size] of this.fresh) {
      if (oldest === keep || (this.fresh.size <= this.maxFresh && this.chars <= this.maxChars)) break;
      this.fresh.delete(oldest);
      this.chars -= size;
      oldest.dropTree();
    }
    for (const [oldest, size] of this.live) {
      if (oldest === keep || (this.live.size <= this.maxTrees && this.chars <= this.maxChars)) break;
      this.live.delete(oldest);
      this.chars -= size;
      if (this.newest === oldest) this.newest = undefined;
      oldest.dropTree();
    }
  }
}

/**
 * The process's budget: a person's working set (the documents in view, the one being edited, the ones hovered);
 * building a tree again costs a millisecond or two for a typical document. The characters' bound keeps a few very
 * large documents from holding hundreds of megabytes. Measured on the benchmark's 500-Deployment file (server RSS
 * after four opens): 155 MB keeping every tree, 135-150 MB keeping 16, 127-142 MB keeping 4. Keeping one fresh tree
 * instead of counting checks as uses: RSS after opening it 127 -> 115 MB, after 50 edits in it 133 -> 120 MB.
 */
export const TREE_BUDGET = new TreeBudget(8, 200_000);
