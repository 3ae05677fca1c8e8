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
  return new SegmentedFile(uri, version, stored, byText);
}

/** A file of segments whose documents are parsed on demand, each once. */
class SegmentedFile implements ManifestFile {
  private readonly parsed: (ManifestDocument | undefined)[];
  private all?: readonly ManifestDocument[];
  private joined?: string;
  readonly tooManyDocuments?: boolean;

  constructor(
    readonly uri: string,
    readonly version: number,
    private readonly stored: SegmentedText,
    private readonly byText?: Map<string, ManifestDocument[]>,
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
      doc =
        index === MAX_DOCUMENTS
          ? ManifestDocument.unchecked(offset, this.stored.length - offset, MAX_DOCUMENTS, 'too-many-documents')
          : documentOf(this.stored.segments[index], index, offset, this.byText);
      this.parsed[index] = doc;
    }
    return doc;
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
    if (doc.fromStream || doc.unchecked) continue;
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
