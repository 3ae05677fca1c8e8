import { Composer, CST, Document, Lexer, Parser, YAMLParseError, isMap, isScalar, type Node, type ParsedNode } from 'yaml';
import { typeScalarsAsKubectl } from './kubectlScalars';
import { MAX_NESTING, tooDeepAt } from './nestingLimit';
import { resolveView, type ResolvedView } from './resolvedView';
import type { DocumentSegment } from './splitDocuments';
import { maskTemplateDirectives } from './templateMasking';

/** The one set of parse options every feature relies on: YAML 1.2 core schema, duplicate keys reported. */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, strict: true } as const;

/** apiVersion and kind of a document, read from its top-level scalars. */
export interface DocumentIdentity {
  readonly apiVersion?: string;
  readonly kind?: string;
}

/**
 * One YAML document of a file, parsed once.
 *
 * Offsets inside `yaml` (node ranges, error positions) are relative to the document's own text; `offset` places
 * the document in the file. Keeping them relative is what lets an unchanged document be reused, parse and
 * results, when an edit above it shifts it down.
 */
export class ManifestDocument {
  /** Memoised per-document results (diagnostics, the Pod model...), reused with the parse when the text is unchanged. */
  private readonly memo: Map<string, unknown>;

  private constructor(
    /** Position of this document in its file, 0-based. */
    readonly index: number,
    /** Offset of the document's first character in the file. */
    readonly offset: number,
    /** The document's text, as written (template directives not masked). */
    readonly text: string,
    /**
     * The parsed document as written (aliases and merge keys unexpanded), node ranges relative to `offset`; its
     * plain scalars hold kubectl's reading (see kubectlScalars.ts). Features read `root`, the resolved view; the
     * syntax checks read this.
     */
    readonly yaml: Document.Parsed,
    /** True when the text holds Helm/Go template directives, which were masked before parsing. */
    readonly isTemplate: boolean,
    readonly identity: DocumentIdentity,
    memo: Map<string, unknown>,
    /** Where the document lies within `text`, relative: all of it, except for a document of a whole-stream parse. */
    readonly extent: readonly [number, number],
    /** True when parsed as part of a whole stream (a file with directives); such a parse is never reused. */
    readonly fromStream = false,
    /** Why the document was not parsed: past the file's document limit, or itself too large (see manifestFile.ts). */
    readonly unchecked?: 'too-many-documents' | 'too-large',
  ) {
    this.memo = memo;
  }

  static parse(segment: DocumentSegment, index: number): ManifestDocument {
    const text = detachedCopy(segment.text);
    const { text: source, masked } = maskTemplateDirectives(text);
    const yaml = parseSingleDocument(source);
    return new ManifestDocument(index, segment.offset, text, yaml, masked, readIdentity(yaml), new Map(), [0, text.length]);
  }

  /**
   * Text that is not parsed (see MAX_DOCUMENTS and MAX_DOCUMENT_LENGTH), as a document that covers its place with an
   * empty tree and no text: nothing reads it, no feature answers in it, and nothing keeps the file's text alive.
   */
  static unchecked(offset: number, length: number, index: number, why: 'too-many-documents' | 'too-large'): ManifestDocument {
    const empty = Array.from(new Composer(PARSE_OPTIONS).compose([], true, 0))[0] as Document.Parsed;
    return new ManifestDocument(index, offset, '', empty, false, {}, new Map(), [0, length], false, why);
  }

  /** Wraps a document parsed as part of a whole stream (the fallback for files with directives). */
  static fromStream(yaml: Document.Parsed, text: string, index: number): ManifestDocument {
    const extent: [number, number] = [yaml.range[0], yaml.range[2]];
    return new ManifestDocument(index, 0, text, yaml, false, readIdentity(yaml), new Map(), extent, true);
  }

  /** The same parse and memo placed at another index and offset: an edit elsewhere in the file moved it. */
  movedTo(index: number, offset: number): ManifestDocument {
    if (index === this.index && offset === this.offset) return this;
    return new ManifestDocument(index, offset, this.text, this.yaml, this.isTemplate, this.identity, this.memo, this.extent, false, this.unchecked);
  }

  /**
   * The top-level node of the document as kubectl reads it (aliases followed, merge keys applied; see
   * resolvedView.ts), or null for an empty document. What every feature walks.
   */
  get root(): ParsedNode | null {
    return this.resolved.root as ParsedNode | null;
  }

  /** The resolved view, computed once per document text. */
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
   * Computes `compute()` once per document text and `key`. Results must depend on nothing but this document and
   * what `key` names (put settings into the key).
   */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  /** The relative [start, end) of a node's value, without trailing comments or newlines. */
  static span(node: Node): [number, number] {
    const range = node.range!;
    return [range[0], range[1]];
  }
}

/**
 * A copy of `text` that shares no memory with the string it was cut from.
 *
 * Why: a segment's text is a slice of the whole file's text, and V8 keeps a slice's parent alive. A document reused
 * across edits would keep the file's text of the version it was parsed in: after edits in a hundred different
 * documents of a 1 MB file, a hundred old copies of the file (measured: heap from 37 to 137 MB). Copying the one
 * document's text when it is parsed costs microseconds per keystroke, a few milliseconds for a 1 MB file.
 */
function detachedCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
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
