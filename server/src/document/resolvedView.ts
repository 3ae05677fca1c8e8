import { Alias, Pair, Scalar, YAMLMap, YAMLSeq, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

/**
 * The document as kubectl reads it: every alias (`*worker`) replaced by the node its anchor (`&worker`) names, and
 * every merge key (`<<: *labels`, `<<: [*a, *b]`, `<<: {...}`) replaced by the pairs it brings.
 *
 * Why here, once: every feature walks this tree (`ManifestDocument.root`) and none needs to know aliases exist, so
 * a rule written tomorrow reads merged labels and aliased containers without doing anything.
 *
 * Where things point: a node that comes through an alias is a copy whose range is the alias's (every node under
 * it too), so a finding about it lands on `*worker`, where the person can change it; `siteTouching` tells the
 * facade such a finding came through an alias, and where the anchor is. Nodes written in place keep their own
 * ranges; a subtree with no alias and no merge key is the parsed node itself.
 *
 * Merge order is go-yaml v2's, which kubectl uses: the pairs of a mapping are applied in the order written, so a
 * key written after `<<` wins over the merged one (and, as go-yaml does, a merge overrides a key written before
 * it); in `<<: [*a, *b]` the earlier mapping wins.
 *
 * Bounds: cycles (`&a [*a]`, which the parser accepts) are cut at the alias; copies are counted, and past
 * EXPANSION_BUDGET nodes (an alias bomb: ten aliases of ten aliases of...) the remaining aliases are left as they
 * are. Each cut is one problem, reported by the yaml-aliases rules.
 */
export const EXPANSION_BUDGET = 10_000;
/** Deeper than this, a copy is cut too: every recursive walk of the view must stay far from the stack's end. */
export const MAX_RESOLVED_DEPTH = 512;

/** An alias the view expanded: where it is written and where its anchor is. */
export interface AliasSite {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The anchor (`&worker`) the alias names. */
  readonly anchor: { readonly start: number; readonly end: number };
}

export type ResolutionProblemKind = 'unknown-anchor' | 'cycle' | 'budget' | 'merge-value';

/** Something kubectl refuses (or a bound we set) found while resolving, at the alias or merge value that has it. */
export interface ResolutionProblem {
  readonly kind: ResolutionProblemKind;
  readonly start: number;
  readonly end: number;
  readonly name?: string;
}

export interface ResolvedView {
  readonly root: Node | null;
  readonly sites: readonly AliasSite[];
  readonly problems: readonly ResolutionProblem[];
  /** The alias site a finding at [start, end) lies on (spans it, or begins or ends with it), if any. */
  siteTouching(start: number, end: number): AliasSite | undefined;
}

const copies = new WeakSet<object>();

/** True for a node (or pair) of the view that stands for what an alias names: it is written elsewhere. */
export function isCopied(node: unknown): boolean {
  return typeof node === 'object' && node !== null && copies.has(node);
}

class BudgetExhausted extends Error {}

/** Resolves the tree under `root` (see above). Without aliases and merge keys, the view is the tree itself. */
export function resolveView(root: Node | null, text: string): ResolvedView {
  // Most manifests have neither: no walk at all.
  if (!text.includes('*') && !text.includes('<<')) return new View(root, [], []);
  const resolver = new Resolver(text);
  const resolved = root ? resolver.node(root, 0) : null;
  return new View(resolved, resolver.sites, resolver.problems);
}

class View implements ResolvedView {
  private byStart?: Map<number, AliasSite>;
  private byEnd?: Map<number, AliasSite>;

  constructor(
    readonly root: Node | null,
    readonly sites: readonly AliasSite[],
    readonly problems: readonly ResolutionProblem[],
  ) {}

  siteTouching(start: number, end: number): AliasSite | undefined {
    if (this.sites.length === 0) return undefined;
    if (!this.byStart) {
      this.byStart = new Map(this.sites.map((s) => [s.start, s]));
      this.byEnd = new Map(this.sites.map((s) => [s.end, s]));
    }
    const site = this.byStart.get(start) ?? this.byEnd!.get(end);
    return site && site.start >= start && site.end <= end ? site : undefined;
  }
}

class Resolver {
  readonly sites: AliasSite[] = [];
  readonly problems: ResolutionProblem[] = [];
  /** Anchored nodes by name, as the walk meets them: an alias names the latest anchor before it. */
  private readonly anchors = new Map<string, Node>();
  private readonly resolvedAnchors = new Map<Node, Node>();
  private readonly inProgress = new Set<Node>();
  private budget = EXPANSION_BUDGET;
  private budgetReported = false;

  constructor(private readonly text: string) {}

  node(node: Node, depth: number): Node {
    if (isAlias(node)) return this.alias(node, depth);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      this.anchors.set(anchor, node);
      this.inProgress.add(node);
    }
    let out: Node = node;
    if (isMap(node)) out = this.map(node as YAMLMap<unknown, unknown>, depth);
    else if (isSeq(node)) out = this.seq(node as YAMLSeq<unknown>, depth);
    if (anchor) {
      this.inProgress.delete(node);
      this.resolvedAnchors.set(node, out);
    }
    return out;
  }

  private child(value: unknown, depth: number): unknown {
    return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value) ? this.node(value as Node, depth) : value;
  }

  private seq(seq: YAMLSeq<unknown>, depth: number): Node {
    let items: unknown[] | undefined;
    for (let i = 0; i < seq.items.length; i++) {
      const item = seq.items[i];
      const out = this.child(item, depth + 1);
      if (out !== item) (items ??= seq.items.slice())[i] = out;
    }
    if (!items) return seq;
    const copy = sameCollection(seq);
    copy.items = items;
    return copy;
  }

  private map(map: YAMLMap<unknown, unknown>, depth: number): Node {
    const hasMerge = map.items.some((pair) => isMergeKey(pair.key));
    let items: Pair<unknown, unknown>[] | undefined;
    if (!hasMerge) {
      for (let i = 0; i < map.items.length; i++) {
        const pair = map.items[i];
        const key = this.child(pair.key, depth + 1);
        const value = this.child(pair.value, depth + 1);
        if (key !== pair.key || value !== pair.value) (items ??= map.items.slice())[i] = pairLike(pair, key, value);
      }
      if (!items) return map;
    } else {
      items = this.merged(map, depth);
    }
    const copy = sameCollection(map);
    copy.items = items;
    return copy;
  }

  /** The pairs of a mapping with merge keys, in go-yaml's order: each pair written or merged replaces its key. */
  private merged(map: YAMLMap<unknown, unknown>, depth: number): Pair<unknown, unknown>[] {
    const out: Pair<unknown, unknown>[] = [];
    const at = new Map<string, number>();
    const put = (pair: Pair<unknown, unknown>) => {
      const name = keyText(pair.key);
      const index = name === undefined ? undefined : at.get(name);
      if (index !== undefined) out[index] = pair;
      else {
        if (name !== undefined) at.set(name, out.length);
        out.push(pair);
      }
    };
    for (const pair of map.items) {
      if (!isMergeKey(pair.key)) {
        const key = this.child(pair.key, depth + 1);
        const value = this.child(pair.value, depth + 1);
        put(key !== pair.key || value !== pair.value ? pairLike(pair, key, value) : pair);
        continue;
      }
      const value = this.child(pair.value, depth + 1);
      const sources = isSeq(value) ? [...value.items].reverse() : [value];
      let usable = true;
      for (const source of sources) {
        if (isMap(source)) continue;
        usable = false;
        // An alias the view could not expand already has its problem; anything else is not a mapping to merge.
        if (!isAlias(source)) this.mergeValueProblem(pair.value, source);
      }
      if (!usable) {
        // Kept, so the walk knows fields came from somewhere it cannot see (no "missing field" guesses).
        put(pair);
        continue;
      }
      for (const source of sources) for (const merged of (source as YAMLMap<unknown, unknown>).items) put(merged);
    }
    return out;
  }

  private mergeValueProblem(written: unknown, source: unknown): void {
    const node = (source as Node | null)?.range ? (source as Node) : (written as Node | null);
    const range = node?.range;
    if (range) this.problems.push({ kind: 'merge-value', start: range[0], end: range[1] });
  }

  private alias(alias: Alias, depth: number): Node {
    const range = alias.range;
    const name = alias.source;
    if (!range) return alias;
    const target = this.anchors.get(name);
    if (!target) {
      this.problems.push({ kind: 'unknown-anchor', start: range[0], end: range[1], name });
      return alias;
    }
    if (this.inProgress.has(target)) {
      this.problems.push({ kind: 'cycle', start: range[0], end: range[1], name });
      return alias;
    }
    const resolved = this.resolvedAnchors.get(target) ?? target;
    if (this.budget <= 0) return alias;
    try {
      const copy = this.copy(resolved, range[0], range[1], depth);
      this.sites.push({ start: range[0], end: range[1], name, anchor: this.anchorSpan(target, name) });
      return copy;
    } catch (error) {
      if (!(error instanceof BudgetExhausted)) throw error;
      this.budget = 0;
      if (!this.budgetReported) {
        this.budgetReported = true;
        this.problems.push({ kind: 'budget', start: range[0], end: range[1], name });
      }
      return alias;
    }
  }

  /** A copy of `node` whose every range is [start, end): the alias it comes through. */
  private copy(node: unknown, start: number, end: number, depth: number): Node {
    if (--this.budget < 0 || depth > MAX_RESOLVED_DEPTH) throw new BudgetExhausted();
    const range: [number, number, number] = [start, end, end];
    let out: Node;
    if (isScalar(node)) {
      const scalar = new Scalar(node.value);
      scalar.type = node.type;
      scalar.tag = node.tag;
      (scalar as Scalar & { source?: string }).source = (node as Scalar & { source?: string }).source;
      out = scalar;
    } else if (isMap(node)) {
      const map = sameCollection(node as YAMLMap<unknown, unknown>);
      map.items = (node as YAMLMap<unknown, unknown>).items.map((pair) => {
        const copy = new Pair(this.copyChild(pair.key, start, end, depth + 1), this.copyChild(pair.value, start, end, depth + 1));
        copies.add(copy);
        return copy;
      });
      out = map;
    } else if (isSeq(node)) {
      const seq = sameCollection(node as YAMLSeq<unknown>);
      seq.items = (node as YAMLSeq<unknown>).items.map((item) => this.copyChild(item, start, end, depth + 1));
      out = seq;
    } else {
      // An alias the view left unexpanded (cut): it stays an alias, placed at the alias it is reached through.
      out = new Alias((node as Alias).source);
    }
    out.range = range;
    copies.add(out);
    return out;
  }

  private copyChild(value: unknown, start: number, end: number, depth: number): unknown {
    return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value) ? this.copy(value, start, end, depth) : value;
  }

  /** The `&name` written before the anchored node (the node's range starts after it), else the node's first line. */
  private anchorSpan(node: Node, name: string): { start: number; end: number } {
    const [start, end] = node.range ?? [0, 0];
    const token = `&${name}`;
    const at = this.text.lastIndexOf(token, start);
    if (at !== -1 && /^(\s|![^\s]*)*$/.test(this.text.slice(at + token.length, start))) return { start: at, end: at + token.length };
    const newline = this.text.indexOf('\n', start);
    return { start, end: newline === -1 || newline > end ? end : newline };
  }
}

/** `<<` written plainly: go-yaml's merge key (a quoted `"<<"` is an ordinary key). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.source === '<<' && key.tag === undefined;
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return v === null || v === undefined ? undefined : String(v);
}

function pairLike(pair: Pair<unknown, unknown>, key: unknown, value: unknown): Pair<unknown, unknown> {
  const copy = new Pair(key, value);
  if (isCopied(key)) copies.add(copy);
  return copy;
}

/** An empty collection of the same kind, style, place and comments as `from`, for the view's new items. */
function sameCollection<T extends YAMLMap<unknown, unknown> | YAMLSeq<unknown>>(from: T): T {
  const copy = (isMap(from) ? new YAMLMap<unknown, unknown>() : new YAMLSeq<unknown>()) as T;
  copy.flow = from.flow;
  copy.range = from.range;
  copy.tag = from.tag;
  copy.comment = from.comment;
  copy.commentBefore = from.commentBefore;
  copy.spaceBefore = from.spaceBefore;
  return copy;
}
