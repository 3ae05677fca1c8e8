import { ManifestDocument, parseStream } from './manifestDocument';
import { SegmentedText, type TextSegment } from './segmentedText';

/**
 * A parsed YAML file: its documents, each parsed once per version of its text.
 *
 * Architecture invariant: every feature (diagnostics, hover, completion, code actions, diagram) reads this one
 * parse; nothing re-parses the text.
 */
export interface ManifestFile {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly documents: readonly ManifestDocument[];
  /** Set when the file is above the size limit and was not parsed. */
  readonly tooLarge?: boolean;
  /**
   * Set when the file holds more than MAX_DOCUMENTS documents. The documents from the limit on are one last
   * document that is not parsed (`ManifestDocument.unchecked`), and no feature answers in it.
   */
  readonly tooManyDocuments?: boolean;
}

/**
 * The documents of a file that are parsed and checked. Each costs the parser tens of microseconds even when empty:
 * `---` a million times (4 MB, under the size limit) took 35 s and 1.9 GB to open. Real streams (a chart's output,
 * a cluster dump) hold hundreds.
 */
export const MAX_DOCUMENTS = 1000;

/**
 * The longest document that is parsed and checked, in characters: every keystroke in a document parses and checks
 * all of it, and that must stay well under a second. The parser needs seconds for a megabyte (50,000 containers
 * written in flow style took 4 s per keystroke and 900 MB); a Pod a person edits is a few kilobytes, and the
 * largest real manifests (generated CRDs, ConfigMaps of data) are of kinds Podsmith does not check. Above the
 * API server's 256 KiB bound on an object's annotations, so that the rule for it still sees one that passes it.
 */
export const MAX_DOCUMENT_LENGTH = 300_000;

/**
 * Parses a file, kept as segments (segmentedText.ts) or given as text. A document whose segment object is one of an
 * earlier parse's keeps that parse (and its memoised results), moved to its new index and offset: a keystroke
 * parses the one document it changed and compares nothing else. Text alone (the command line, files read from
 * disk) is split first, and `previous` lends the parse of every document whose text is unchanged.
 *
 * Documents are parsed when first asked for (`documents` parses them all; `documentAt` and `documentAtIndex` one):
 * a request in one document of a file being opened is answered without waiting for the others (see server.ts).
 */
export function parseManifestFile(uri: string, version: number, source: string | SegmentedText, previous?: ManifestFile): ManifestFile {
  const stored = typeof source === 'string' ? SegmentedText.create(uri, 'yaml', version, source) : source;
  if (stored.directives) {
    const text = withLoneCarriageReturnsAsNewlines(stored.getText());
    const documents = parseStream(text).map((yaml, index) => ManifestDocument.fromStream(yaml, text, index));
    return { uri, version, text, documents };
  }
  const byText = typeof source === 'string' && previous ? reusableByText(previous) : undefined;
  const lineage = previous instanceof SegmentedFile && previous.uri === uri ? previous.lineage : {};
  return new SegmentedFile(uri, version, stored, lineage, byText, previous instanceof SegmentedFile ? previous.parsedRest : undefined);
}

/** A file of segments whose documents are parsed on demand, each once. */
class SegmentedFile implements ManifestFile {
  private readonly parsed: (ManifestDocument | undefined)[];
  private all?: readonly ManifestDocument[];
  private joined?: string;
  readonly tooManyDocuments?: boolean;
  /** The last answer of documentChanges for this file, and the snapshot it compared with. */
  lastChanges?: { readonly before: DocumentsSnapshot; readonly changes: DocumentChanges };

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly stored: SegmentedText,
    /** One object shared by every version of the file parsed from the one before (see fileLineage). */
    readonly lineage: object,
    private readonly byText?: Map<string, ManifestDocument[]>,
    /** The unchecked rest of the version this one was parsed from, if any: lent when only its place moved. */
    private readonly previousRest?: ManifestDocument,
  ) {
    this.parsed = new Array(this.count);
    if (stored.segments.length > MAX_DOCUMENTS) this.tooManyDocuments = true;
  }

  /** The whole text, built when first read: a keystroke must not join the whole file's text. */
  get text(): string {
    return (this.joined ??= withLoneCarriageReturnsAsNewlines(this.stored.getText()));
  }

  /** How many documents the file has (the unchecked rest past MAX_DOCUMENTS counts as one). */
  get count(): number {
    return Math.min(this.stored.segments.length, MAX_DOCUMENTS + 1);
  }

  get documents(): readonly ManifestDocument[] {
    if (!this.all) {
      const all = new Array<ManifestDocument>(this.count);
      for (let i = 0; i < all.length; i++) all[i] = this.documentAtIndex(i);
      this.all = all;
    }
    return this.all;
  }

  documentAtIndex(index: number): ManifestDocument {
    let doc = this.parsed[index];
    if (!doc) {
      const offset = this.stored.offsets[index];
      doc = index === MAX_DOCUMENTS ? this.uncheckedRest(offset) : documentOf(this.stored.segments[index], index, offset, this.byText);
      this.parsed[index] = doc;
    }
    return doc;
  }

  /**
   * The rest of the file past MAX_DOCUMENTS, one unchecked document. An edit before it only moves it: it keeps the
   * earlier version's (and whatever is memoised on it), so a keystroke does not make a new one.
   */
  private uncheckedRest(offset: number): ManifestDocument {
    const length = this.stored.length - offset;
    const before = this.previousRest;
    if (before && before.end - before.start === length) return before.movedTo(MAX_DOCUMENTS, offset);
    return ManifestDocument.unchecked(offset, length, MAX_DOCUMENTS, 'too-many-documents');
  }

  /** The unchecked rest past MAX_DOCUMENTS, if it was made for this version (it holds no text and no file). */
  get parsedRest(): ManifestDocument | undefined {
    return this.parsed[MAX_DOCUMENTS];
  }

  /** The document at `index` if it was parsed for this version or an earlier one, without parsing it. */
  parsedAtIndex(index: number): ManifestDocument | undefined {
    if (this.parsed[index] || index === MAX_DOCUMENTS) return this.documentAtIndex(index);
    return PARSED.has(this.stored.segments[index]) ? this.documentAtIndex(index) : undefined;
  }

  indexAt(offset: number): number {
    return Math.min(this.stored.segmentAt(offset), MAX_DOCUMENTS);
  }
}

/**
 * An object shared by the versions of a file that were parsed one from another (the server's open documents), to
 * key what is kept about the file from one version to the next (service/fileState.ts); the file itself otherwise.
 */
export function fileLineage(file: ManifestFile): object {
  return file instanceof SegmentedFile ? file.lineage : file;
}

/**
 * What a version of a file was made of, to compare a later version with (documentChanges): its segments, which a
 * later version shares while their text is unchanged. Undefined for a file not kept in segments (directives).
 */
export type DocumentsSnapshot = readonly TextSegment[];

export function documentsSnapshot(file: ManifestFile): DocumentsSnapshot | undefined {
  return file instanceof SegmentedFile ? file.stored.segments : undefined;
}

/**
 * Which documents of `file` may differ from those of the version `before` was taken of. Every other document is
 * the same parse as a document of that version (the same segment object, so the same parse and memos), at the
 * index `movedIndex` gives: the same before the change, moved by the documents it added or removed after it. Found
 * by comparing segment objects from both ends (pointers, no text). Undefined when no such comparison is possible.
 *
 * This is what lets whatever is kept per file (its diagnostics, the workspace index's signatures, the Pods that
 * CRDs place) be brought to the next version by the documents a keystroke touched instead of every document.
 */
export interface DocumentChanges {
  /** Indices in `file` of the documents that are not known to be unchanged, ascending (the unchecked rest always). */
  readonly changed: readonly number[];
  /** The index in `file` of the document at `index` in the earlier version, or undefined when it is not unchanged. */
  movedIndex(index: number): number | undefined;
}

export function documentChanges(before: DocumentsSnapshot | undefined, file: ManifestFile): DocumentChanges | undefined {
  if (!before || !(file instanceof SegmentedFile)) return undefined;
  // Asked by each step of one check (the pass, the index, the diagnostics) against the same earlier version: once.
  const last = file.lastChanges;
  if (last?.before === before) return last.changes;
  const changes = changesBetween(before, file);
  file.lastChanges = { before, changes };
  return changes;
}

function changesBetween(before: DocumentsSnapshot, file: SegmentedFile): DocumentChanges {
  const after = file.stored.segments;
  const common = Math.min(before.length, after.length);
  let head = 0;
  while (head < common && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < common - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const shift = after.length - before.length;
  // Past MAX_DOCUMENTS the rest is one unchecked document: documents moving across that bound are not the same
  // documents any more, so a change of count in such a file counts everything after it as changed (typing `---`).
  const capped = before.length > MAX_DOCUMENTS || after.length > MAX_DOCUMENTS;
  const first = Math.min(head, MAX_DOCUMENTS);
  const tailFrom = shift !== 0 && capped ? file.count : Math.min(Math.max(after.length - tail, first), MAX_DOCUMENTS);
  const changed: number[] = [];
  for (let i = first; i < tailFrom; i++) changed.push(i);
  if (file.count > MAX_DOCUMENTS && tailFrom <= MAX_DOCUMENTS) changed.push(MAX_DOCUMENTS);
  return {
    changed,
    movedIndex: (index) => {
      if (index < first) return index;
      const moved = index + shift;
      return moved >= tailFrom && moved < MAX_DOCUMENTS && index < MAX_DOCUMENTS ? moved : undefined;
    },
  };
}

/** How many documents `file` has, without parsing them. */
export function documentCount(file: ManifestFile): number {
  return file instanceof SegmentedFile ? file.count : file.documents.length;
}

/** The document at `index` of `file`, parsing only it. */
export function documentAtIndex(file: ManifestFile, index: number): ManifestDocument {
  return file instanceof SegmentedFile ? file.documentAtIndex(index) : file.documents[index];
}

/**
 * The document at `index` when it is parsed already (for this version, or unchanged since an earlier one), else
 * undefined: what can be shown of a document before it is checked again.
 */
export function parsedDocumentAt(file: ManifestFile, index: number): ManifestDocument | undefined {
  return file instanceof SegmentedFile ? file.parsedAtIndex(index) : file.documents[index];
}

/** A file whose `text` is built when first read: a keystroke must not join the whole file's text. */
export function lazyText(file: Omit<ManifestFile, 'text'>, build: () => string): ManifestFile {
  let text: string | undefined;
  return Object.defineProperty(file, 'text', { get: () => (text ??= build()), enumerable: true }) as ManifestFile;
}

/** The parse of each segment, while the segment object lives (it lives as long as a version of the file holds it). */
const PARSED = new WeakMap<TextSegment, ManifestDocument>();

function documentOf(segment: TextSegment, index: number, offset: number, byText?: Map<string, ManifestDocument[]>): ManifestDocument {
  const known = PARSED.get(segment) ?? byText?.get(segment.parseText)?.shift();
  const doc = known ? known.movedTo(index, offset) : parseSegment(segment, index, offset);
  if (doc !== known) PARSED.set(segment, doc);
  return doc;
}

function reusableByText(previous: ManifestFile): Map<string, ManifestDocument[]> {
  const reusable = new Map<string, ManifestDocument[]>();
  for (const doc of previous.documents) {
    if (!doc.parsedAlone) continue;
    const list = reusable.get(doc.text);
    if (list) list.push(doc);
    else reusable.set(doc.text, [doc]);
  }
  return reusable;
}

/** The document that holds `offset`; at a boundary, the one that starts there. Parses only that document. */
export function documentAt(file: ManifestFile, offset: number): ManifestDocument | undefined {
  if (file instanceof SegmentedFile) return file.documentAtIndex(file.indexAt(offset));
  const docs = file.documents;
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const doc = docs[mid];
    if (offset < doc.start) hi = mid - 1;
    else if (offset >= doc.end && mid < docs.length - 1) lo = mid + 1;
    else return doc;
  }
  return docs[Math.max(0, Math.min(lo, docs.length - 1))];
}

/**
 * The text with each carriage return that no line feed follows replaced by a line feed. VS Code and the protocol
 * count `\r`, `\n` and `\r\n` each as one line break, the `yaml` package only `\n` and `\r\n`: a file with old Mac
 * line ends (or a stray `\r\r\n`) read as one long line gave false syntax errors and lost its findings. The
 * replacement keeps every offset, so positions computed by the editor's rules stay exact.
 */
export function withLoneCarriageReturnsAsNewlines(text: string): string {
  if (!text.includes('\r')) return text;
  return text.replace(/\r(?!\n)/g, '\n');
}

function parseSegment(segment: TextSegment, index: number, offset: number): ManifestDocument {
  if (segment.length > MAX_DOCUMENT_LENGTH) return ManifestDocument.unchecked(offset, segment.length, index, 'too-large');
  return ManifestDocument.parse({ offset, text: segment.parseText }, index);
}
