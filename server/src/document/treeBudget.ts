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
 */

/** Something whose tree can be dropped and built again. */
export interface TreeHolder {
  /** Forgets the composed tree and everything memoised on it. */
  dropTree(): void;
}

export class TreeBudget {
  /** Holders with a tree, least recently used first, each with its text's length. */
  private readonly live = new Map<TreeHolder, number>();
  private chars = 0;
  private newest: TreeHolder | undefined;

  constructor(
    /** At most this many trees... */
    readonly maxTrees: number,
    /** ...and at most this many characters of text under them; the newest tree is kept whatever its size. */
    readonly maxChars: number,
  ) {}

  /** Marks `holder`'s tree as just used (adding it when it was just built) and drops the oldest ones beyond the budget. */
  use(holder: TreeHolder, chars: number): void {
    if (holder === this.newest) return;
    const known = this.live.get(holder);
    if (known !== undefined) this.live.delete(holder);
    else this.chars += chars;
    this.live.set(holder, chars);
    this.newest = holder;
    for (const [oldest, size] of this.live) {
      if (oldest === holder || (this.live.size <= this.maxTrees && this.chars <= this.maxChars)) break;
      this.live.delete(oldest);
      this.chars -= size;
      oldest.dropTree();
    }
  }

  /** `holder` dropped its tree itself: stop counting it. */
  forget(holder: TreeHolder): void {
    const size = this.live.get(holder);
    if (size === undefined) return;
    this.live.delete(holder);
    this.chars -= size;
    if (this.newest === holder) this.newest = undefined;
  }

  /** How many trees are kept now (for tests and the benchmark). */
  get trees(): number {
    return this.live.size;
  }
}

/**
 * The process's budget: a person's working set (the documents in view, the one being edited, the ones hovered);
 * building a tree again costs a millisecond or two for a typical document. The characters' bound keeps a few very
 * large documents from holding hundreds of megabytes. Measured on the benchmark's 500-Deployment file (server RSS
 * after four opens): 155 MB keeping every tree, 135-150 MB keeping 16, 127-142 MB keeping 4.
 */
export const TREE_BUDGET = new TreeBudget(8, 200_000);
