import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type CodeActionContext,
  type CodeLens,
  type CompletionList,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type SelectionRange,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { RenameRefusal } from '../navigation/nameNavigation';
import { documentAt, documentAtIndex, documentCount, type DocumentChanges, lazyText, parsedDocumentAt, MAX_DOCUMENT_LENGTH, MAX_DOCUMENTS, parseManifestFile, type ManifestFile } from '../document/manifestFile';
import { SegmentedText } from '../document/segmentedText';
import { ManifestDocument, isPlainData, type KeptSnapshot } from '../document/manifestDocument';
import type { Finding, Severity } from '../core/finding';
import type { FeatureRequest, ParsedSource } from '../core/featureRequest';
import type { Check } from '../core/rule';
import { sameSettings, type PodsmithSettings } from '../core/settings';
import { ALL_CHECKS } from '../rules/index';
import { LINK_CHECKS } from '../rules/links/index';
import type { LinkCheck } from '../rules/links/linkCheck';
import { FEATURES, type Features } from './features';
import { lastPlacedDiagnostics, placedDiagnostics } from './placedDiagnostics';
import { findingsOf, lastLinkFindingsOf, lastLinkReadsOf, linkFindingsOf } from './validation';
import { isProjectConfigUri, projectConfigDiagnostics } from './projectConfigDiagnostics';
import { customResourceViewOf, recordCrdPodCarriers } from './customResourceView';
import { everyIndex, KeptPerFile } from './fileState';
import { CRDS, keepLinkSummaries, type WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * The language service: plain functions from a parsed document and settings to protocol data.
 * Architecture invariant: no connection, no I/O; every function returns an empty answer rather than throw.
 */
export interface LanguageService {
  /** Parses a text document, reusing unchanged documents of its previous parse. */
  parse(textDocument: TextDocument, settings: PodsmithSettings, previous?: ManifestFile): ManifestFile;
  /** Diagnostics of a file; with the workspace index, also the links between documents (rules/links/). */
  validate(source: ParsedSource, settings: PodsmithSettings, workspace?: WorkspaceIndex): Diagnostic[];
  /**
   * Checks the documents at `indices` (by position in the file) and memoises their findings, as `validate` would:
   * a file is checked in parts, the documents a person sees first (server.ts), and `validate` then reads the memos.
   */
  checkDocuments(source: ParsedSource, settings: PodsmithSettings, indices: Iterable<number>, workspace?: WorkspaceIndex): void;
  /**
   * The documents of a file (by position) that a check pass must check: every one the first time, and after an edit
   * under the same settings only those it changed (the others' findings are kept; see fileState.ts).
   */
  documentsToCheck(source: ParsedSource, settings: PodsmithSettings): readonly number[];
  /**
   * The diagnostics to show while a file is checked in parts: those of the documents at `checked` (checked now),
   * and for every other document what it showed before (nothing for one never checked), so no finding flashes away.
   */
  partialDiagnostics(source: ParsedSource, settings: PodsmithSettings, checked: ReadonlySet<number>): Diagnostic[];
  /**
   * Checks documents given by their text alone, as a helper thread does for the server (server/src/checkThreads.ts):
   * for each, what it keeps once checked (findings, the workspace summaries, its outline, folding and lens), as plain
   * data a thread can send. `index` is the document's place in its file.
   */
  checkTexts(documents: readonly { readonly index: number; readonly text: string }[], settings: PodsmithSettings): KeptSnapshot[];
  /**
   * Takes what `checkTexts` found, on another thread, for documents of this thread (the same texts): they count as
   * checked, and their trees are built only when a request needs more than what was found.
   */
  adoptChecked(documents: readonly ManifestDocument[], snapshots: readonly KeptSnapshot[]): void;
  /** With the workspace index, a custom resource's own fields are explained from its CRD. */
  hover(source: ParsedSource, position: Position, settings: PodsmithSettings, workspace?: WorkspaceIndex): Hover | null;
  /** With the workspace index, a custom resource's own fields are completed from its CRD. */
  complete(source: ParsedSource, position: Position, settings: PodsmithSettings, workspace?: WorkspaceIndex): CompletionList;
  codeActions(source: ParsedSource, range: Range, context: CodeActionContext, settings: PodsmithSettings): CodeAction[];
  diagram(source: ParsedSource, position: Position, settings: PodsmithSettings, workspace?: WorkspaceIndex): unknown;
  /** Within the document, and with the workspace index across files. */
  definition(source: ParsedSource, position: Position, settings: PodsmithSettings, workspace?: WorkspaceIndex): Location[];
  references(source: ParsedSource, position: Position, includeDeclaration: boolean, settings: PodsmithSettings, workspace?: WorkspaceIndex): Location[];
  documentHighlights(source: ParsedSource, position: Position, settings: PodsmithSettings): DocumentHighlight[];
  /** The name to rename at `position`, null where nothing can be renamed, or why it cannot be. */
  prepareRename(source: ParsedSource, position: Position, settings: PodsmithSettings): { range: Range; placeholder: string } | RenameRefusal | null;
  rename(source: ParsedSource, position: Position, newName: string, settings: PodsmithSettings): WorkspaceEdit | RenameRefusal | null;
  documentSymbols(source: ParsedSource): DocumentSymbol[];
  foldingRanges(source: ParsedSource): FoldingRange[];
  selectionRanges(source: ParsedSource, positions: readonly Position[]): SelectionRange[];
  inlayHints(source: ParsedSource, range: Range, settings: PodsmithSettings, workspace?: WorkspaceIndex): InlayHint[];
  codeLenses(source: ParsedSource, settings: PodsmithSettings, workspace?: WorkspaceIndex): CodeLens[];
}

export type { RenameRefusal };

export interface LanguageServiceOptions {
  /** Where errors caught inside features are reported (the server's log). */
  readonly log?: (message: string) => void;
  /** The checks behind diagnostics (and the findings fixes and the diagram read); every rule module by default. */
  readonly checks?: readonly Check[];
  /** The checks across documents, run with the workspace index (rules/links/). */
  readonly linkChecks?: readonly LinkCheck[];
  /** The feature modules the service binds; the real ones by default (tests plant failing ones). */
  readonly features?: Features;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const log = options.log ?? (() => undefined);
  const checks = options.checks ?? ALL_CHECKS;
  const linkChecks = options.linkChecks ?? LINK_CHECKS;
  const features = options.features ?? FEATURES;
  const onError = (error: unknown, where: string) => {
    log(`podsmith: ${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  function guard<T>(where: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      onError(error, where);
      return fallback;
    }
  }
  function request(source: ParsedSource, position: Position, settings: PodsmithSettings, workspace?: WorkspaceIndex): FeatureRequest | undefined {
    if (source.file.tooLarge) return undefined;
    const absolute = source.textDocument.offsetAt(position);
    const doc = documentAt(source.file, absolute);
    // A document that was not parsed (past MAX_DOCUMENTS, or itself too long): no feature answers there.
    if (!doc || doc.unchecked) return undefined;
    recordCrdPodCarriers(source.file, workspace);
    return {
      source,
      doc,
      offset: absolute - doc.offset,
      settings,
      rangeOf: (start, end) => ({
        start: source.textDocument.positionAt(doc.offset + start),
        end: source.textDocument.positionAt(doc.offset + end),
      }),
      // Features read the memoised findings quietly: a failing check is logged by validate.
      findingsOf: (other) => findingsOf(other, settings, checks, () => undefined),
      customResource: customResourceViewOf(doc, workspace),
    };
  }

  /**
   * Checks one document of a file being checked in parts (the server's pass, on its thread or a helper's): what it
   * keeps once checked is all computed on one build of its tree: its findings, what the checks across documents read
   * of it, and what the editor shows of it beside the diagnostics (outline, folding, lens).
   */
  function checkOne(doc: ManifestDocument, settings: PodsmithSettings): void {
    checkedFindings(doc, settings);
    // A failure here must not cost the document its findings, nor the pass its other documents.
    guard('keepDocumentViews', undefined, () => features.keepDocumentViews(doc, settings));
  }

  /**
   * The diagnostics of a file while it is checked in parts: the documents `checked` names are checked (links as last
   * computed), and every other document shows what it showed before, unparsed if need be.
   */
  function partialDiagnostics(source: ParsedSource, settings: PodsmithSettings, checked: ReadonlySet<number>): Diagnostic[] {
    const { textDocument, file } = source;
    const diagnostics: Diagnostic[] = [];
    const shown: ManifestDocument[] = [];
    const count = documentCount(file);
    for (let index = 0; index < count; index++) {
      const doc = checked.has(index) ? documentAtIndex(file, index) : parsedDocumentAt(file, index);
      if (!doc) continue;
      shown.push(doc);
      let placed: readonly Diagnostic[];
      if (checked.has(index)) {
        const found = checkedFindings(doc, settings);
        if (found.length === 0) continue;
        placed = placedDiagnostics(doc, found, textDocument.uri, firstLineOf(source, doc), () => found.map((finding) => toDiagnostic(source, doc, finding)));
      } else {
        placed = lastPlacedDiagnostics(doc, textDocument.uri, firstLineOf(source, doc)) ?? [];
      }
      for (let i = 0; i < placed.length; i++) {
        if (diagnostics.length === MAX_DIAGNOSTICS) return [...diagnostics, tooManyNotice(textDocument, placed[i].range.start), ...uncheckedNotice(source, shown)];
        diagnostics.push(placed[i]);
      }
    }
    return withLinkDiagnostics(source, diagnostics, shown, lastLinkFindingsOf);
  }

  /**
   * The complete diagnostics of a file: each document's own, then the links between documents (with the workspace
   * index), then where documents were not checked. Only the documents that show something are visited, and which
   * those are is brought from the last check of the file by the documents changed since (see fileState.ts).
   */
  function completeDiagnostics(source: ParsedSource, settings: PodsmithSettings, workspace?: WorkspaceIndex): Diagnostic[] {
    recordCrdPodCarriers(source.file, workspace);
    const { textDocument, file } = source;
    const diagnostics: Diagnostic[] = [];
    const shown = shownDocuments(source, settings, workspace).map((index) => documentAtIndex(file, index));
    for (let d = 0; d < shown.length; d++) {
      const doc = shown[d];
      const found = findingsOf(doc, settings, checks, onError);
      if (found.length === 0) continue;
      // Placed once per document and reused while it keeps its findings and its first line (see the module).
      const placed = placedDiagnostics(doc, found, textDocument.uri, firstLineOf(source, doc), () => found.map((finding) => toDiagnostic(source, doc, finding)));
      for (let i = 0; i < placed.length; i++) {
        if (diagnostics.length === MAX_DIAGNOSTICS) return [...diagnostics, tooManyNotice(textDocument, placed[i].range.start), ...uncheckedNotice(source, shown.slice(0, d + 1))];
        diagnostics.push(placed[i]);
      }
    }
    const links = (doc: ManifestDocument) => (workspace ? linkFindingsOf(doc, settings, workspace, linkChecks, onError) : NO_FINDINGS);
    return withLinkDiagnostics(source, diagnostics, shown, links);
  }

  /** `diagnostics` followed by the link findings of `shown` and its unchecked notices, within MAX_DIAGNOSTICS. */
  function withLinkDiagnostics(source: ParsedSource, diagnostics: Diagnostic[], shown: readonly ManifestDocument[], links: (doc: ManifestDocument) => readonly Finding[]): Diagnostic[] {
    for (const doc of shown) {
      for (const finding of links(doc)) {
        const diagnostic = toDiagnostic(source, doc, finding);
        if (diagnostics.length === MAX_DIAGNOSTICS) return [...diagnostics, tooManyNotice(source.textDocument, diagnostic.range.start), ...uncheckedNotice(source, shown)];
        diagnostics.push(diagnostic);
      }
    }
    return [...diagnostics, ...uncheckedNotice(source, shown)];
  }

  /**
   * A document's own findings, checked now and kept. What the links between documents read of it is kept now too,
   * while its tree is built: then the tree may be dropped (document/treeBudget.ts), and the checks across documents
   * need none of them.
   */
  function checkedFindings(doc: ManifestDocument, settings: PodsmithSettings): readonly Finding[] {
    const found = findingsOf(doc, settings, checks, onError);
    if (!doc.unchecked) keepLinkSummaries(doc);
    doc.markChecked();
    return found;
  }

  /**
   * The indices of the documents of a file that show something (findings of their own or across documents, or a
   * notice that they were not checked), ascending. Every document is checked the first time; after an edit, under
   * the same settings, the documents it did not change show what they showed, moved, unless the workspace index
   * changed in a group of objects their checks across documents read (`readers`: which documents read each group).
   */
  function shownDocuments(source: ParsedSource, settings: PodsmithSettings, workspace: WorkspaceIndex | undefined): number[] {
    const { file, textDocument } = source;
    const generation = workspace?.generation;
    const since = SHOWN.since(file, (last) => last.uri === textDocument.uri && last.workspace === workspace && sameSettings(last.settings, settings));
    const revisit = since && documentsToRevisit(since.state, since.changes, workspace);
    const shown: number[] = [];
    const readers = new Map<string, number[]>();
    const readBy = (group: string, index: number) => {
      const list = readers.get(group);
      if (list) list.push(index);
      else readers.set(group, [index]);
    };
    const visit = (index: number) => {
      const doc = documentAtIndex(file, index);
      const found = checkedFindings(doc, settings);
      const links = workspace ? linkFindingsOf(doc, settings, workspace, linkChecks, onError) : NO_FINDINGS;
      if (found.length > 0 || links.length > 0 || doc.unchecked) shown.push(index);
      if (workspace) for (const group of lastLinkReadsOf(doc)?.keys() ?? []) readBy(group, index);
    };
    if (since && revisit) {
      const { state, changes } = since;
      const moved = (index: number) => {
        const to = changes.movedIndex(index);
        return to === undefined || revisit.has(to) ? undefined : to;
      };
      for (const index of state.shown) {
        const to = moved(index);
        if (to !== undefined) shown.push(to);
      }
      for (const [group, list] of state.readers) {
        for (const index of list) {
          const to = moved(index);
          if (to !== undefined) readBy(group, to);
        }
      }
      for (const index of revisit) visit(index);
      shown.sort((a, b) => a - b);
    } else {
      const count = documentCount(file);
      for (let index = 0; index < count; index++) visit(index);
    }
    SHOWN.keep(file, { uri: textDocument.uri, settings, workspace, generation, shown, readers });
    return shown;
  }

  /** Which documents of a file showed something at its last complete check, per file (see shownDocuments). */
  const SHOWN = new KeptPerFile<ShownState>();

  /** The diagnostics of a file: complete, or with `checked` while it is checked in parts. */
  function fileDiagnostics(source: ParsedSource, settings: PodsmithSettings, workspace?: WorkspaceIndex, checked?: ReadonlySet<number>): Diagnostic[] {
    if (isProjectConfigUri(source.textDocument.uri)) return projectConfigDiagnostics(source.textDocument);
    if (source.file.tooLarge) return [tooLargeNotice(source, settings)];
    return checked ? partialDiagnostics(source, settings, checked) : completeDiagnostics(source, settings, workspace);
  }

  return {
    parse(textDocument, settings, previous) {
      // The server's documents are kept per YAML document (document/segmentedText.ts): their text is never joined here.
      const stored = textDocument instanceof SegmentedText ? textDocument : undefined;
      const length = textLength(textDocument);
      const { uri, version } = textDocument;
      const getText = () => textDocument.getText();
      if (length > settings.maxFileSize) return lazyText({ uri, version, documents: [], tooLarge: true }, getText);
      return guard('parse', lazyText({ uri, version, documents: [] }, getText), () =>
        parseManifestFile(uri, version, stored ?? textDocument.getText(), previous),
      );
    },

    validate(source, settings, workspace) {
      return guard('validate', [], () => fileDiagnostics(source, settings, workspace));
    },

    documentsToCheck(source, settings) {
      return guard('validate', [], () => {
        const { file, textDocument } = source;
        if (file.tooLarge || isProjectConfigUri(textDocument.uri)) return [];
        // After an edit under the same settings, the documents it did not change keep their findings.
        const since = SHOWN.since(file, (last) => last.uri === textDocument.uri && sameSettings(last.settings, settings));
        // The rest past MAX_DOCUMENTS has nothing to check (validate shows its notice): a keystroke's pass is then one
        // document, which fits in one slice however busy the machine.
        return since ? since.changes.changed.filter((index) => index < MAX_DOCUMENTS) : everyIndex(documentCount(file));
      });
    },

    checkDocuments(source, settings, indices, workspace) {
      guard('validate', undefined, () => {
        if (source.file.tooLarge || isProjectConfigUri(source.textDocument.uri)) return;
        for (const index of indices) {
          const doc = documentAtIndex(source.file, index);
          checkOne(doc, settings);
          if (workspace) linkFindingsOf(doc, settings, workspace, linkChecks, onError);
        }
      });
    },

    checkTexts(documents, settings) {
      return documents.map(({ index, text }) =>
        guard('validate', { identity: {}, isTemplate: false, entries: [] }, () => {
          const doc = ManifestDocument.parse({ offset: 0, text }, index);
          checkOne(doc, settings);
          // Only plain data travels: a class (the text's lines) would arrive without its methods, and is rebuilt.
          return doc.keptSnapshot(isPlainData);
        }),
      );
    },

    adoptChecked(documents, snapshots) {
      guard('validate', undefined, () => documents.forEach((doc, i) => snapshots[i] && doc.adoptKept(snapshots[i])));
    },

    partialDiagnostics(source, settings, checked) {
      return guard('validate', [], () => fileDiagnostics(source, settings, undefined, checked));
    },

    hover(source, position, settings, workspace) {
      return guard('hover', null, () => {
        const req = request(source, position, settings, workspace);
        return req ? features.hover(req) : null;
      });
    },

    complete(source, position, settings, workspace) {
      const empty: CompletionList = { isIncomplete: false, items: [] };
      return guard('completion', empty, () => {
        const req = request(source, position, settings, workspace);
        return req ? bounded(features.complete(req)) : empty;
      });
    },

    codeActions(source, range, context, settings) {
      return guard('codeActions', [], () => {
        const req = request(source, range.start, settings);
        return req ? features.codeActions(req, range, context) : [];
      });
    },

    diagram(source, position, settings, workspace) {
      return guard('diagram', null, () => {
        const req = request(source, position, settings, workspace);
        return req ? features.diagram(req) : null;
      });
    },

    definition(source, position, settings, workspace) {
      return guard('definition', [], () => {
        const req = request(source, position, settings, workspace);
        return req ? features.definition(req, workspace) : [];
      });
    },

    references(source, position, includeDeclaration, settings, workspace) {
      return guard('references', [], () => {
        const req = request(source, position, settings, workspace);
        return req ? features.references(req, includeDeclaration, workspace) : [];
      });
    },

    documentHighlights(source, position, settings) {
      return guard('documentHighlights', [], () => {
        const req = request(source, position, settings);
        return req ? features.documentHighlights(req) : [];
      });
    },

    prepareRename(source, position, settings) {
      return guard('prepareRename', null, () => {
        const req = request(source, position, settings);
        return req ? features.prepareRename(req) : null;
      });
    },

    rename(source, position, newName, settings) {
      return guard('rename', null, () => {
        const req = request(source, position, settings);
        return req ? features.rename(req, newName) : null;
      });
    },

    documentSymbols: (source) => guard('documentSymbols', [], () => features.documentSymbols(source)),
    foldingRanges: (source) => guard('foldingRanges', [], () => features.foldingRanges(source)),
    selectionRanges: (source, positions) => guard('selectionRanges', [], () => features.selectionRanges(source, positions)),
    inlayHints: (source, range, settings, workspace) =>
      guard('inlayHints', [], () => {
        recordCrdPodCarriers(source.file, workspace);
        return features.inlayHints(source, range, settings);
      }),
    codeLenses: (source, settings, workspace) =>
      guard('codeLenses', [], () => {
        recordCrdPodCarriers(source.file, workspace);
        return features.codeLenses(source, settings);
      }),
  };
}

const NO_FINDINGS: readonly Finding[] = [];

/** What the facade keeps of a file's last complete check (see shownDocuments). */
interface ShownState {
  readonly uri: string;
  readonly settings: PodsmithSettings;
  readonly workspace: WorkspaceIndex | undefined;
  readonly generation: number | undefined;
  /** The documents that showed something, by index, ascending. */
  readonly shown: readonly number[];
  /** For each group of the index (WorkspaceIndex.readsOf), the documents whose checks across documents read it. */
  readonly readers: ReadonlyMap<string, readonly number[]>;
}

/**
 * The documents of a file to check again since `last`: those the edits changed, and those whose checks across
 * documents read a group of the index that changed since (a Service, when a pod template's labels changed).
 * Undefined when every document must be visited (documents added to or removed from another file of the index).
 */
function documentsToRevisit(last: ShownState, changes: DocumentChanges, workspace: WorkspaceIndex | undefined): ReadonlySet<number> | undefined {
  const revisit = new Set(changes.changed);
  if (!workspace || last.generation === workspace.generation) return revisit;
  const groups = workspace.changedSince(last.generation!);
  // The CRDs also say where a custom resource's Pod is, which its own findings depend on: every document, then.
  if (groups === 'all' || groups.has(CRDS)) return undefined;
  for (const group of groups) {
    for (const index of last.readers.get(group) ?? []) {
      const moved = changes.movedIndex(index);
      if (moved !== undefined) revisit.add(moved);
    }
  }
  return revisit;
}

/** The line a document starts on (documents start at the start of a line). */
function firstLineOf(source: ParsedSource, doc: ManifestDocument): number {
  return doc.offset === 0 ? 0 : source.textDocument.positionAt(doc.offset).line;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(source: ParsedSource, doc: ManifestDocument, finding: Finding): Diagnostic {
  const at = (offset: number) => source.textDocument.positionAt(doc.offset + offset);
  const diagnostic: Diagnostic = {
    range: { start: at(finding.start), end: at(finding.end) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'podsmith',
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: source.textDocument.uri, range: { start: at(r.start), end: at(r.end) } },
      message: r.message,
    }));
  }
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.data) diagnostic.data = { ...finding.data, document: doc.index };
  return diagnostic;
}

/**
 * A bound on what one file sends to the editor: past this many problems (a binary file, a paste gone wrong) the
 * rest is noise, and tens of thousands of diagnostics cost the editor seconds on every keystroke.
 */
export const MAX_DIAGNOSTICS = 1000;

/**
 * The most completion items one answer carries (a Pod with 50,000 volumes offered 50,000 names at every mount).
 * Past it the list says it is incomplete, the protocol's word for "type more and ask again".
 */
export const MAX_COMPLETION_ITEMS = 500;

function bounded(list: CompletionList): CompletionList {
  if (list.items.length <= MAX_COMPLETION_ITEMS) return list;
  return { ...list, isIncomplete: true, items: list.items.slice(0, MAX_COMPLETION_ITEMS) };
}

function tooManyNotice(textDocument: TextDocument, at: Position): Diagnostic {
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: 'podsmith',
    message: `Podsmith shows the first ${MAX_DIAGNOSTICS} problems of this file; the ones from here on are not listed. Often one early mistake causes many of them: fix the problems above to see the rest.`,
  };
}

/** Where a document was not parsed (a file past MAX_DOCUMENTS, a document past MAX_DOCUMENT_LENGTH), and why. */
function uncheckedNotice(source: ParsedSource, documents: readonly ManifestDocument[]): Diagnostic[] {
  const { textDocument } = source;
  const notices: Diagnostic[] = [];
  for (const doc of documents) {
    if (!doc.unchecked) continue;
    const at = textDocument.positionAt(doc.offset);
    const count = (n: number) => n.toLocaleString('en-US');
    notices.push({
      range: { start: at, end: at },
      severity: DiagnosticSeverity.Information,
      code: doc.unchecked === 'too-large' ? 'document-too-large' : 'too-many-documents',
      source: 'podsmith',
      message:
        doc.unchecked === 'too-large'
          ? `Podsmith did not check this document: it is ${count(doc.end - doc.start)} characters, above the ${count(MAX_DOCUMENT_LENGTH)} that keep the editor responsive. Split it, or move its data into files of its own, to check it.`
          : `This file holds more than ${count(MAX_DOCUMENTS)} documents: Podsmith checks the first ${count(MAX_DOCUMENTS)}, a bound that keeps the editor responsive, and none from here on. Split the file to check the rest.`,
    });
  }
  return notices;
}

/** The length of a document's text, without joining the text of one the server keeps in segments. */
function textLength(textDocument: TextDocument): number {
  return textDocument instanceof SegmentedText ? textDocument.length : textDocument.getText().length;
}

function tooLargeNotice(source: ParsedSource, settings: PodsmithSettings): Diagnostic {
  const size = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${n.toLocaleString('en-US')} characters`);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    source: 'podsmith',
    message: `Podsmith did not check this file: it is ${size(textLength(source.textDocument))}, above the limit of ${size(settings.maxFileSize)} that keeps the editor responsive. Raise "podsmith.maxFileSize" to check it anyway.`,
  };
}

