import { Composer, CST, Document, Lexer, Parser, YAMLParseError, isMap, isScalar, type Node, type ParsedNode } from 'yaml';
import { typeScalarsAsKubectl } from './kubectlScalars';
import { MAX_NESTING, tooDeepAt } from './nestingLimit';
import { resolveView, type ResolvedView } from './resolvedView';
import type { DocumentSegment } from './splitDocuments';
import { maskTemplateDirectives } from './templateMasking';
import { TREE_BUDGET, type TreeHolder } from './treeBudget';

/** The one set of parse options every feature relies on: YAML 1.2 core schema, duplicate keys reported. */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, strict: true } as const;

/** apiVersion and kind of a document, read from its top-level scalars. */
export interface DocumentIdentity {
  readonly apiVersion?: string;
  readonly kind?: string;
}

/** What a document keeps, taken from one thread to another (see ManifestDocument.keptSnapshot). */
export interface KeptSnapshot {
  readonly identity: DocumentIdentity;
  readonly isTemplate: boolean;
  readonly entries: readonly (readonly [string, unknown])[];
}

/** A document's composed tree and what is memoised on it: built on demand, dropped beyond the budget. */
interface ComposedTree {
  readonly yaml: Document.Parsed;
  readonly memo: Map<string, unknown>;
}

/**
 * What a document's text gives, shared by every ManifestDocument that stands for the same text (movedTo): the tree,
 * when it is built, and what is kept across its drops.
 */
class ParsedText implements TreeHolder {
  private tree: ComposedTree | undefined;
  /** Results that hold no tree node of their own (findings, summaries): kept when the tree is dropped. */
  readonly kept = new Map<string, unknown>();
  identity: DocumentIdentity | undefined;
  isTemplate: boolean | undefined;
  /** How many times the tree was built: once, plus once after each drop that a feature then needed. */
  builds = 0;
  /**
   * False until the document's checks have run on this text: until then its tree is not dropped, so that the work
   * before the check (the workspace index reads every new document) and the check itself share one parse.
   */
  checked = false;

  constructor(
    readonly text: string,
    /** Builds the tree, or undefined when it was given and cannot be built again alone (a whole-stream parse). */
    private readonly build: (() => { yaml: Document.Parsed; isTemplate: boolean }) | undefined,
    given?: Document.Parsed,
  ) {
    if (given) {
      this.tree = { yaml: given, memo: new Map() };
      this.identity = readIdentity(given);
      this.isTemplate = false;
    }
  }

  composed(): ComposedTree {
    let tree = this.tree;
    if (!tree) {
      const built = this.build!();
      this.builds++;
      tree = this.tree = { yaml: built.yaml, memo: new Map() };
      this.identity ??= readIdentity(built.yaml);
      this.isTemplate ??= built.isTemplate;
    }
    if (this.build && this.checked) TREE_BUDGET.use(this, this.text.length);
    return tree;
  }

  get hasTree(): boolean {
    return this.tree !== undefined;
  }

  /** The checks have run on this text: from now on the tree may be dropped (see `checked`). */
  markChecked(): void {
    if (this.checked) return;
    this.checked = true;
    // Its check alone does not make the document one a person works in (treeBudget.ts): it joins the fresh trees.
    if (this.tree && this.build) TREE_BUDGET.checked(this, this.text.length);
  }

  dropTree(): void {
    if (!this.build) return;
    this.tree = undefined;
    TREE_BUDGET.forget(this);
  }
}

/**
 * One YAML document of a file, parsed on demand.
 *
 * Offsets inside `yaml` (node ranges, error positions) are relative to the document's own text; `offset` places
 * the document in the file. Keeping them relative is what lets an unchanged document be reused, parse and
 * results, when an edit above it shifts it down.
 *
 * The composed tree (`yaml`, `root`, and whatever `cached` memoises on them) is built the first time something
 * reads it, and dropped when the document has not been used for a while (treeBudget.ts); reading it again builds
 * it again from `text`, the same tree. What `kept` memoises (findings, placed diagnostics, the workspace
 * summaries, the Outline and folding ranges) stays with the text: nothing that holds a document's nodes may be kept.
 */
export class ManifestDocument {
  private constructor(
    /** Position of this document in its file, 0-based. */
    readonly index: number,
    /** Offset of the document's first character in the file. */
    readonly offset: number,
    private readonly parsed: ParsedText,
    /** Where the document lies within `text`, relative: all of it, except for a document of a whole-stream parse. */
    readonly extent: readonly [number, number],
    /** True when parsed as part of a whole stream (a file with directives); such a parse is never reused. */
    readonly fromStream = false,
    /** Why the document was not parsed: past the file's document limit, or itself too large (see manifestFile.ts). */
    readonly unchecked?: 'too-many-documents' | 'too-large',
  ) {}

  /**
   * A document of `segment`'s text, parsed when first read. The text is kept as given: it must be a string of its
   * own, not a slice of a larger one (a segment's text is, see detachedCopy.ts), or it would keep that one alive.
   */
  static parse(segment: DocumentSegment, index: number): ManifestDocument {
    const text = segment.text;
    const build = () => {
      const { text: source, masked } = maskTemplateDirectives(text);
      return { yaml: parseSingleDocument(source), isTemplate: masked };
    };
    return new ManifestDocument(index, segment.offset, new ParsedText(text, build), [0, text.length]);
  }

  /**
   * Text that is not parsed (see MAX_DOCUMENTS and MAX_DOCUMENT_LENGTH), as a document that covers its place with an
   * empty tree and no text: nothing reads it, no feature answers in it, and nothing keeps the file's text alive.
   */
  static unchecked(offset: number, length: number, index: number, why: 'too-many-documents' | 'too-large'): ManifestDocument {
    // The empty tree is built only if something reads it (nothing should): not once per version of a large file.
    const parsed = new ParsedText('', () => ({ yaml: Array.from(new Composer(PARSE_OPTIONS).compose([], true, 0))[0] as Document.Parsed, isTemplate: false }));
    parsed.identity = {};
    parsed.isTemplate = false;
    return new ManifestDocument(index, offset, parsed, [0, length], false, why);
  }

  /** Wraps a document parsed as part of a whole stream (the fallback for files with directives): its tree is kept. */
  static fromStream(yaml: Document.Parsed, text: string, index: number): ManifestDocument {
    const extent: [number, number] = [yaml.range[0], yaml.range[2]];
    return new ManifestDocument(index, 0, new ParsedText(text, undefined, yaml), extent, true);
  }

  /** The same parse and memo placed at another index and offset: an edit elsewhere in the file moved it. */
  movedTo(index: number, offset: number): ManifestDocument {
    if (index === this.index && offset === this.offset) return this;
    return new ManifestDocument(index, offset, this.parsed, this.extent, false, this.unchecked);
  }

  /**
   * True when the document is its own text parsed alone: not one of a stream with directives, nor text past the
   * limits. Only such a document can take another's parse of the same text (an earlier version's, a helper thread's).
   */
  get parsedAlone(): boolean {
    return !this.fromStream && !this.unchecked;
  }

  /** The document's text, as written (template directives not masked). */
  get text(): string {
    return this.parsed.text;
  }

  /**
   * The parsed document as written (aliases and merge keys unexpanded), node ranges relative to `offset`; its
   * plain scalars hold kubectl's reading (see kubectlScalars.ts). Features read `root`, the resolved view; the
   * syntax checks read this.
   */
  get yaml(): Document.Parsed {
    return this.parsed.composed().yaml;
  }

  /** True when the text holds Helm/Go template directives, which were masked before parsing. */
  get isTemplate(): boolean {
    return this.parsed.isTemplate ?? (this.parsed.composed(), this.parsed.isTemplate!);
  }

  get identity(): DocumentIdentity {
    return this.parsed.identity ?? (this.parsed.composed(), this.parsed.identity!);
  }

  /**
   * One object per parse, shared by the documents that stand for it as edits elsewhere move it (movedTo): a key for
   * what is recorded about a document's text from outside it (pod/podCarriers.ts), which a move must not lose.
   */
  get parseKey(): object {
    return this.parsed;
  }

  /** True when two documents share one parse (the same text, reused by an edit elsewhere in the file). */
  sameParseAs(other: ManifestDocument | undefined): boolean {
    return other !== undefined && other.parsed === this.parsed;
  }

  /** True while the composed tree is built; false once dropped (reading `yaml` or `root` builds it again). */
  get hasTree(): boolean {
    return this.parsed.hasTree;
  }

  /** How many times this text's tree was built (tests check that a drop costs one rebuild, not one per request). */
  get treeBuilds(): number {
    return this.parsed.builds;
  }

  /**
   * Says the document's checks have run on its text: from now on its tree is dropped when it has not been used for
   * a while (see ParsedText.checked). The facade calls it after a document's findings are kept.
   */
  markChecked(): void {
    this.parsed.markChecked();
  }

  /**
   * Says nothing will check this text (a file the workspace index reads from disk) and what the index reads of it is
   * kept: its tree is let go like that of a checked document.
   */
  markIndexed(): void {
    this.parsed.markChecked();
  }

  /**
   * What this document keeps (the results `travels` accepts), with its identity: for another thread's copy of the
   * same text to adopt (see `adoptKept`).
   */
  keptSnapshot(travels: (value: unknown) => boolean): KeptSnapshot {
    const entries: [string, unknown][] = [];
    for (const [key, value] of this.parsed.kept) if (travels(value)) entries.push([key, value]);
    return { identity: this.identity, isTemplate: this.isTemplate, entries };
  }

  /**
   * Takes what another thread computed on the same text (`keptSnapshot`) as if computed here, and counts the
   * document as checked: its tree is built only if something asks for more than that. A document checked here
   * meanwhile keeps its own results.
   */
  adoptKept(snapshot: KeptSnapshot): void {
    const parsed = this.parsed;
    if (parsed.checked || parsed.hasTree) return;
    parsed.identity = snapshot.identity;
    parsed.isTemplate = snapshot.isTemplate;
    for (const [key, value] of snapshot.entries) if (!parsed.kept.has(key)) parsed.kept.set(key, value);
    parsed.checked = true;
  }

  /** Forgets the composed tree and what is memoised on it (`cached`); `kept` results stay. */
  dropTree(): void {
    this.parsed.dropTree();
  }

  /**
   * The top-level node of the document as kubectl reads it (aliases followed, merge keys applied; see
   * resolvedView.ts), or null for an empty document. What every feature walks.
   */
  get root(): ParsedNode | null {
    return this.resolved.root as ParsedNode | null;
  }

  /** The resolved view, computed once per tree. */
  get resolved(): ResolvedView {
    return this.cached('resolved-view', () => resolveView(this.yaml.contents, this.text));
  }

  /** The top-level node as written: aliases and merge keys as they are in the text. */
  get writtenRoot(): ParsedNode | null {
    return this.yaml.contents;
  }

  /** Absolute offset where the document starts in the file. */
  get start(): number {
    return this.offset + this.extent[0];
  }

  /** Absolute offset just past the document's end in the file. */
  get end(): number {
    return this.offset + this.extent[1];
  }

  /**
   * Computes `compute()` once per tree and `key`: for results that hold the tree's nodes (the Pod model, the
   * resolved view...). Dropped with the tree. Results must depend on nothing but this document and what `key`
   * names (put settings into the key).
   */
  cached<T>(key: string, compute: () => T): T {
    const memo = this.parsed.composed().memo;
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute();
    memo.set(key, value);
    return value;
  }

  /**
   * Computes `compute()` once per document text and `key`, and keeps the result when the tree is dropped: only for
   * results that hold no node of the tree (offsets relative to the document, strings, numbers), or the tree would
   * stay alive through them. The same rules on the key as `cached`.
   */
  kept<T>(key: string, compute: () => T): T {
    const kept = this.parsed.kept;
    if (kept.has(key)) return kept.get(key) as T;
    const value = compute();
    kept.set(key, value);
    return value;
  }

  /** The relative [start, end) of a node's value, without trailing comments or newlines. */
  static span(node: Node): [number, number] {
    const range = node.range!;
    return [range[0], range[1]];
  }
}

function parseSingleDocument(source: string): Document.Parsed {
  // A segment holds one document by construction; keep the first if the parser ever disagrees.
  return composeBounded(source)[0];
}

export function parseStream(source: string): Document.Parsed[] {
  return composeBounded(source);
}

/**
 * Parses `source` into documents. What nests deeper than MAX_NESTING (see nestingLimit.ts) is cut from the tree,
 * with a single error where the nesting passes the limit, so no recursive walk ever sees it; the parser's errors
 * at or after that place are its reaction to what was cut, and are dropped. When the parser itself runs out of
 * stack (thousands of lines it nests one level each), the document is one empty document with that error: a
 * finding, never silence.
 */
function composeBounded(source: string): Document.Parsed[] {
  try {
    return composeWithinLimit(source);
  } catch (error) {
    // Whatever the parser throws is said on the document; a stack overflow is the runaway nesting above.
    const empty = Array.from(new Composer(PARSE_OPTIONS).compose([], true, source.length))[0] as Document.Parsed;
    const at = runawayStart(source);
    if (error instanceof RangeError) empty.errors.push(tooDeepError(source, at));
    else empty.errors.push(new YAMLParseError([at, Math.min(at + 1, source.length)], 'IMPOSSIBLE', `the YAML parser failed on this document: ${String(error).slice(0, 200)}`));
    return [empty];
  }
}

function composeWithinLimit(source: string): Document.Parsed[] {
  const tokens = Array.from(new Parser().parse(source));
  const deepAt = tooDeepAt(tokens, MAX_NESTING, true);
  const documents = Array.from(new Composer(PARSE_OPTIONS).compose(tokens, true, source.length)) as Document.Parsed[];
  for (const document of documents) typeScalarsAsKubectl(document.contents);
  if (deepAt === undefined) return documents;
  for (const doc of documents) {
    doc.errors = doc.errors.filter((e) => e.pos[0] < deepAt);
    doc.warnings = doc.warnings.filter((e) => e.pos[0] < deepAt);
  }
  const holder = documents.find((doc) => doc.range[0] <= deepAt && deepAt <= doc.range[2]) ?? documents[documents.length - 1];
  holder.errors.push(tooDeepError(source, deepAt));
  return documents;
}

function tooDeepError(source: string, at: number): YAMLParseError {
  return new YAMLParseError([at, Math.min(at + 1, source.length)], 'RESOURCE_EXHAUSTION', `nested more than ${MAX_NESTING} levels deep`);
}

/**
 * Where a structure that overflowed the parser starts: the first flow bracket the lexer (which does not recurse)
 * finds, else the start of the text.
 */
function runawayStart(source: string): number {
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (token === '{' || token === '[') return offset;
    // The lexer's markers for the start of a document, a scalar and the end of flow stand for no text.
    if (token !== CST.DOCUMENT && token !== CST.SCALAR && token !== CST.FLOW_END) offset += token.length;
  }
  return 0;
}

function readIdentity(yaml: Document.Parsed): DocumentIdentity {
  const root = yaml.contents;
  if (!isMap(root)) return {};
  let apiVersion: string | undefined;
  let kind: string | undefined;
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const value = pair.value.value;
    if (typeof value !== 'string') continue;
    if (pair.key.value === 'apiVersion') apiVersion = value;
    else if (pair.key.value === 'kind') kind = value;
  }
  return { apiVersion, kind };
}

/**
 * True for data that crosses threads unchanged: primitives, and arrays, Maps, Sets and objects of the plain kind made
 * of it. A class instance would arrive as a bare object without its methods, so it does not count.
 */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  if (value instanceof Map) return [...value].every(([k, v]) => isPlainData(k, depth + 1) && isPlainData(v, depth + 1));
  if (value instanceof Set) return [...value].every((item) => isPlainData(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isPlainData(item, depth + 1));
}
