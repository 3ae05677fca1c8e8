import { ManifestDocument, parseStream } from './manifestDocument';
import { splitDocuments, type DocumentSegment } from './splitDocuments';

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
 * Parses `text`, reusing the parse (and memoised results) of every document of `previous` whose text is unchanged.
 */
export function parseManifestFile(uri: string, version: number, written: string, previous?: ManifestFile): ManifestFile {
  const text = withLoneCarriageReturnsAsNewlines(written);
  const segments = splitDocuments(text, MAX_DOCUMENTS);
  if (segments && segments.length > MAX_DOCUMENTS) {
    const rest = segments[MAX_DOCUMENTS];
    const checked = parseManifestFile(uri, version, text.slice(0, rest.offset), previous);
    return { uri, version, text, documents: [...checked.documents, ManifestDocument.unchecked(rest, MAX_DOCUMENTS, 'too-many-documents')], tooManyDocuments: true };
  }
  if (!segments) {
    const documents = parseStream(text).map((yaml, index) => ManifestDocument.fromStream(yaml, text, index));
    return { uri, version, text, documents };
  }
  if (previous && previous.documents.length === segments.length && !previous.documents.some((doc) => doc.fromStream)) {
    // Typing inside a document keeps the number of documents: compare each segment with the document at its index
    // (no hashing of the whole file's text, as the lookup below needs; about half the cost of a keystroke).
    const documents = segments.map((segment, index) => {
      const old = previous.documents[index];
      return old.text === segment.text ? old.movedTo(index, segment.offset) : parseSegment(segment, index);
    });
    return { uri, version, text, documents };
  }
  const reusable = new Map<string, ManifestDocument[]>();
  if (previous) {
    for (const doc of previous.documents) {
      if (doc.fromStream) continue;
      const list = reusable.get(doc.text);
      if (list) list.push(doc);
      else reusable.set(doc.text, [doc]);
    }
  }
  const documents = segments.map((segment, index) => {
    const old = reusable.get(segment.text)?.shift();
    return old ? old.movedTo(index, segment.offset) : parseSegment(segment, index);
  });
  return { uri, version, text, documents };
}

/** The document that holds `offset`; at a boundary, the one that starts there. */
export function documentAt(file: ManifestFile, offset: number): ManifestDocument | undefined {
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

function parseSegment(segment: DocumentSegment, index: number): ManifestDocument {
  return segment.text.length > MAX_DOCUMENT_LENGTH ? ManifestDocument.unchecked(segment, index, 'too-large') : ManifestDocument.parse(segment, index);
}
