/**
 * The language server's wiring: connection, open documents, settings, scheduling. All knowledge lives in the
 * language service (service/languageService.ts); this file only moves data between it and the protocol.
 */
import {
  CodeActionKind,
  createConnection,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from './codeActions/codeActions';
import type { ManifestFile } from './document/manifestFile';
import { getLanguageService, type ParsedSource } from './service/languageService';
import { DEFAULT_SETTINGS, normalizeSettings, type PodsmithSettings } from './service/settings';

export const DIAGRAM_REQUEST = 'podsmith/diagram';
export const DEBUG_DOCUMENT_TEXT_REQUEST = 'podsmith/debug/documentText';

/** Messages the connection has handled so far: validation waits for a turn of the event loop without one. */
let messagesHandled = 0;
const connection: Connection = createConnection(ProposedFeatures.all, {
  messageStrategy: {
    handleMessage(message, next) {
      messagesHandled++;
      return next(message);
    },
  },
});
const documents = new TextDocuments(TextDocument);
const service = getLanguageService({ log: (message) => connection.console.error(message) });

let settings: PodsmithSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
let canRefreshInlayHints = false;
let canRefreshCodeLenses = false;

/** The latest parse of each open document; the previous one is kept only to reuse its unchanged documents. */
const parses = new Map<string, ManifestFile>();

function sourceOf(textDocument: TextDocument): ParsedSource {
  const cached = parses.get(textDocument.uri);
  // A parse is kept per version, but whether the file is parsed at all depends on podsmith.maxFileSize: a changed
  // limit must take effect on open files without an edit.
  const tooLarge = textDocument.getText().length > settings.maxFileSize;
  if (cached && cached.version === textDocument.version && !!cached.tooLarge === tooLarge) return { textDocument, file: cached };
  const file = service.parse(textDocument, settings, cached);
  parses.set(textDocument.uri, file);
  return { textDocument, file };
}

connection.onInitialize((params) => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  canRefreshCodeLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  if (params.initializationOptions?.settings) settings = normalizeSettings(params.initializationOptions.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-', '/'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: 'Podsmith' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      inlayHintProvider: { resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'podsmith', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void refreshSettings();
});

connection.onDidChangeConfiguration((change) => {
  if (!canPullConfiguration && change.settings?.podsmith) settings = normalizeSettings(change.settings.podsmith);
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (canPullConfiguration) {
    try {
      const raw = await connection.workspace.getConfiguration('podsmith');
      settings = normalizeSettings(raw);
    } catch {
      // A client that cannot answer keeps the settings it gave at initialize.
    }
  }
  for (const doc of documents.all()) scheduleValidation(doc.uri);
  // Inlay hints and lenses depend on settings too (podsmith.inlayHints, the version): ask the editor to re-ask.
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (canRefreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

// Validation runs after the messages already received are handled, so that a burst of edits is checked once and a
// completion or hover sent right after an edit is answered first. The connection handles one message per turn of
// the event loop, and a callback we queue while it handles one runs before its next: so the flush waits for a turn
// in which no message was handled (two turns when idle, microseconds). Measured: 10 edits sent at once used to
// cause 10 checks and 10 publishes of the whole file's diagnostics.
const pending = new Set<string>();
let flushScheduled = false;
let messagesAtLastLook = -1;
let turnsWaited = 0;
/** A steady stream of requests must not hold diagnostics back for long. */
const MAX_TURNS_WAITED = 50;

function scheduleValidation(uri: string): void {
  pending.add(uri);
  if (flushScheduled) return;
  flushScheduled = true;
  messagesAtLastLook = -1;
  turnsWaited = 0;
  setImmediate(flushValidation);
}

function flushValidation(): void {
  if (messagesHandled !== messagesAtLastLook && turnsWaited < MAX_TURNS_WAITED) {
    messagesAtLastLook = messagesHandled;
    turnsWaited++;
    setImmediate(flushValidation);
    return;
  }
  flushScheduled = false;
  const uris = [...pending];
  pending.clear();
  for (const uri of uris) {
    const textDocument = documents.get(uri);
    if (!textDocument) continue;
    const diagnostics = service.validate(sourceOf(textDocument), settings);
    void connection.sendDiagnostics({ uri, version: textDocument.version, diagnostics });
  }
}

documents.onDidOpen((event) => scheduleValidation(event.document.uri));
documents.onDidChangeContent((event) => scheduleValidation(event.document.uri));
documents.onDidClose((event) => {
  parses.delete(event.document.uri);
  pending.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover((params) => {
  const textDocument = documents.get(params.textDocument.uri);
  return textDocument ? service.hover(sourceOf(textDocument), params.position, settings) : null;
});

connection.onCompletion((params) => {
  const textDocument = documents.get(params.textDocument.uri);
  return textDocument ? service.complete(sourceOf(textDocument), params.position, settings) : null;
});

connection.onCodeAction((params) => {
  const textDocument = documents.get(params.textDocument.uri);
  return textDocument ? service.codeActions(sourceOf(textDocument), params.range, params.context, settings) : [];
});

/** Runs `answer` on the parse of an open document, or returns `none` for a document the server does not have. */
function withSource<T>(uri: string, none: T, answer: (source: ParsedSource) => T): T {
  const textDocument = documents.get(uri);
  return textDocument ? answer(sourceOf(textDocument)) : none;
}

connection.onDefinition((params) => withSource(params.textDocument.uri, [], (s) => service.definition(s, params.position, settings)));
connection.onReferences((params) =>
  withSource(params.textDocument.uri, [], (s) => service.references(s, params.position, !!params.context?.includeDeclaration, settings)),
);
connection.onDocumentHighlight((params) => withSource(params.textDocument.uri, [], (s) => service.documentHighlights(s, params.position, settings)));
connection.onPrepareRename((params) => {
  const answer = withSource(params.textDocument.uri, null, (s) => service.prepareRename(s, params.position, settings));
  if (answer && 'refused' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.refused);
  return answer;
});
connection.onRenameRequest((params) => {
  const answer = withSource(params.textDocument.uri, null, (s) => service.rename(s, params.position, params.newName, settings));
  if (answer && 'refused' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.refused);
  return answer;
});
connection.onDocumentSymbol((params) => withSource(params.textDocument.uri, [], (s) => service.documentSymbols(s)));
connection.onFoldingRanges((params) => withSource(params.textDocument.uri, [], (s) => service.foldingRanges(s)));
connection.onSelectionRanges((params) => withSource(params.textDocument.uri, [], (s) => service.selectionRanges(s, params.positions)));
connection.languages.inlayHint.on((params) => withSource(params.textDocument.uri, [], (s) => service.inlayHints(s, params.range, settings)));
connection.onCodeLens((params) => withSource(params.textDocument.uri, [], (s) => service.codeLenses(s, settings)));

connection.onRequest(DIAGRAM_REQUEST, (params: { uri?: unknown; position?: unknown }) => {
  if (typeof params?.uri !== 'string' || !isPosition(params.position)) return null;
  const textDocument = documents.get(params.uri);
  return textDocument ? service.diagram(sourceOf(textDocument), params.position, settings) : null;
});

// Test-only: the server's copy of a document, so tests can prove incremental edits keep it exact. Registered
// only when the process is started with PODSMITH_TEST=1; an editor never sees it.
if (process.env.PODSMITH_TEST === '1') {
  connection.onRequest(DEBUG_DOCUMENT_TEXT_REQUEST, (params: { uri?: unknown }) => {
    const textDocument = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    return textDocument ? { version: textDocument.version, text: textDocument.getText() } : null;
  });
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | null;
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character);
}

// The server must outlive a bug: log it and keep answering.
process.on('uncaughtException', (error) => connection.console.error(`podsmith: uncaught ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`podsmith: unhandled ${String(error)}`));

documents.listen(connection);
connection.listen();
