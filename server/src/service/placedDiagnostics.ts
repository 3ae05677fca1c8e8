import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../core/finding';

/**
 * The diagnostics of one document, placed in its file (line and character), memoised on the document.
 *
 * Why: a keystroke re-checks one document, but the editor needs the whole file's list on every publish. Placing
 * every finding of a 40,000-line file again (offsets to positions, new objects) cost about 5 ms per keystroke
 * with a thousand findings, more than re-parsing the edited document. A document starts at the start of a line,
 * so its diagnostics depend only on its findings, its first line and its index in the file: they are reused while
 * those hold, and moved by whole lines (no offset conversion) when an edit above shifts the document.
 *
 * The returned objects are shared between publishes: callers must not mutate them.
 */
export function placedDiagnostics(
  doc: ManifestDocument,
  findings: readonly Finding[],
  uri: string,
  firstLine: number,
  place: () => Diagnostic[],
): readonly Diagnostic[] {
  const slot = doc.kept('placed-diagnostics', () => ({ placed: undefined as Placed | undefined }));
  const last = slot.placed;
  if (last && last.findings === findings && last.uri === uri) {
    if (last.firstLine === firstLine && last.index === doc.index) return last.diagnostics;
    const moved = last.diagnostics.map((d) => movedDiagnostic(d, firstLine - last.firstLine, doc.index));
    slot.placed = { findings, uri, firstLine, index: doc.index, diagnostics: moved };
    return moved;
  }
  const diagnostics = place();
  slot.placed = { findings, uri, firstLine, index: doc.index, diagnostics };
  return diagnostics;
}

/**
 * The diagnostics `doc` showed when it was last placed, moved to its first line now; undefined when it never was.
 * While a file is checked in parts (server.ts), a document not yet checked shows these: never an empty flash.
 */
export function lastPlacedDiagnostics(doc: ManifestDocument, uri: string, firstLine: number): readonly Diagnostic[] | undefined {
  const last = doc.kept('placed-diagnostics', () => ({ placed: undefined as Placed | undefined })).placed;
  if (!last || last.uri !== uri) return undefined;
  if (last.firstLine === firstLine && last.index === doc.index) return last.diagnostics;
  return last.diagnostics.map((d) => movedDiagnostic(d, firstLine - last.firstLine, doc.index));
}

interface Placed {
  /** The memoised findings these were placed from: a new array means new findings (an edit, other settings). */
  readonly findings: readonly Finding[];
  readonly uri: string;
  readonly firstLine: number;
  readonly index: number;
  readonly diagnostics: readonly Diagnostic[];
}

function movedRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** The same diagnostic `lines` lines further down, in the document now at `index` (quick fixes read it). */
function movedDiagnostic(diagnostic: Diagnostic, lines: number, index: number): Diagnostic {
  const moved: Diagnostic = { ...diagnostic, range: movedRange(diagnostic.range, lines) };
  if (diagnostic.relatedInformation) {
    moved.relatedInformation = diagnostic.relatedInformation.map((r) => ({
      ...r,
      location: { uri: r.location.uri, range: movedRange(r.location.range, lines) },
    }));
  }
  if (diagnostic.data && typeof diagnostic.data === 'object') moved.data = { ...diagnostic.data, document: index };
  return moved;
}
