/**
 * The language server's wiring: connection, open documents, settings, scheduling. All knowledge lives in the
 * language service (service/languageService.ts); this file only moves data between it and the protocol.
 */
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type Message,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEBUG_CHECK_THREAD_REQUEST, DEBUG_DOCUMENT_TEXT_REQUEST, DIAGRAM_REQUEST, FIX_ALL_KIND, VISIBLE_RANGES_NOTIFICATION, type DiagramParams, type VisibleEditor } from '../../shared/protocol';
import { checkInParts } from './checkInParts';
import { CheckThread } from './checkThreads';
import { documentAt, documentAtIndex, type ManifestFile } from './document/manifestFile';
import { SegmentedText } from './document/segmentedText';
import type { ParsedSource } from './core/featureRequest';
import type { PodsmithSettings } from './core/settings';
import { WorkspaceSync } from './host/workspaceSync';
import { getLanguageService } from './service/languageService';
import { FramingGuard } from './wire/framingGuard';
import { WorkspaceSettings } from './workspaceSettings';
import { documentUri, isPosition, isRange, syncProblem, visibleEditorsOf } from './wire/messageChecks';


/** Messages the connection has handled so far: validation waits for a turn of the event loop without one. */
let messagesHandled = 0;
/** Until `initialize` is answered, requests get ServerNotInitialized and notifications (but `exit`) are dropped. */
let initialized = false;
const messageStrategy = {
  handleMessage(message: Message, next: (message: Message) => void) {
    messagesHandled++;
    const { method, params, id } = message as Message & { method?: string; params?: unknown; id?: unknown };
    if (typeof method === 'string' && id === undefined) {
      if (!initialized && method !== 'exit') return;
      const problem = syncProblem(method, params, (uri) => documents.get(uri)?.version);
      if (problem) {
        connection.console.error(`podsmith: ${method} ignored: ${problem}`);
        return;
      }
    }
    return next(message);
  },
};

/**
 * Over stdio the byte stream's framing is checked first (wire/framingGuard.ts): a broken stream cannot be read
 * again, so the server says why and exits, and the client starts a fresh one. (IPC, VS Code's transport, frames
 * messages itself.)
 */
const connection: Connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(new FramingGuard(endOnFramingError)), process.stdout, { messageStrategy })
  : createConnection(ProposedFeatures.all, { messageStrategy });
if (process.argv.includes('--stdio')) {
  // stdout carries the protocol: anything a dependency prints goes to the log instead.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
}

function endOnFramingError(error: Error): void {
  const line = `podsmith: the message stream is broken (${error.message}); the server exits so that the editor starts a new one`;
  process.stderr.write(line + '\n');
  connection.console.error(line);
  // The log line is on its way (pipes are written synchronously); then end.
  setTimeout(() => process.exit(1), 100);
}

/** The open documents, each kept per YAML document so that a keystroke costs one document (document/segmentedText.ts). */
const documents = new TextDocuments<SegmentedText>({ create: SegmentedText.create, update: SegmentedText.update });
const service = getLanguageService({ log: (message) => connection.console.error(message) });

/** Settings per document: the editor's over the project's `.podsmith.yaml` of its workspace folder. */
const workspace = new WorkspaceSettings();
let canPullConfiguration = false;
let canRefreshInlayHints = false;
let canRefreshCodeLenses = false;

/** The latest parse of each open document; the previous one is kept only to reuse its unchanged documents. */
const parses = new Map<string, ManifestFile>();

/** The workspace's YAML files and objects, for the links between files (read-only; see host/workspaceSync.ts). */
const workspaceFiles = new WorkspaceSync({
  parse: (uri, text) => service.parse(TextDocument.create(uri, 'yaml', 0, text), workspace.settingsFor(uri)),
  onChanged: (changedUri) => scheduleLinkedValidation(changedUri),
  log: (message) => connection.console.log(message),
});
let workspaceFolders: string[] = [];
let canReportProgress = false;
/** The most YAML files of the workspace read from disk: a bound on memory and start-up time. */
const MAX_WORKSPACE_FILES = 2000;

function sourceOf(textDocument: SegmentedText): ParsedSource {
  const cached = parses.get(textDocument.uri);
  // A parse is kept per version, but whether the file is parsed at all depends on podsmith.maxFileSize: a changed
  // limit must take effect on open files without an edit.
  const settings = workspace.settingsFor(textDocument.uri);
  const tooLarge = textDocument.length > settings.maxFileSize;
  if (cached && cached.version === textDocument.version && !!cached.tooLarge === tooLarge) return { textDocument, file: cached };
  // Documents are parsed as they are asked for (a hover parses its own, the check pass the others), and the
  // workspace index is given the file once the pass has parsed every document of it (see validateInParts).
  const file = service.parse(textDocument, settings, cached);
  parses.set(textDocument.uri, file);
  return { textDocument, file };
}

connection.onInitialize((params) => {
  initialized = true;
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  canRefreshCodeLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  if (params.initializationOptions?.settings) workspace.setEditorSettings(params.initializationOptions.settings);
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace.addFolders(workspaceFolders);
  canReportProgress = !!params.capabilities.window?.workDoneProgress;
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
  void refreshSettings().then(scanWorkspace).then(loadCrds);
});

/**
 * Reads the CRDs `podsmith.crds` names (again after a settings change). What cannot be read (a URL, a missing path)
 * is said once per session in a warning, and logged.
 */
const crdProblemsShown = new Set<string>();
let crdsLoaded = false;
async function loadCrds(): Promise<void> {
  crdsLoaded = true;
  const entries = workspace.crdEntries();
  const maxFileSize = workspaceFolders.length ? workspace.settingsFor(workspaceFolders[0]).maxFileSize : 5_000_000;
  try {
    const problems = await workspaceFiles.loadCrds(entries, { maxFiles: MAX_WORKSPACE_FILES, maxFileSize, exclude: [] });
    for (const problem of problems) {
      connection.console.log(`podsmith: ${problem}`);
      if (crdProblemsShown.has(problem)) continue;
      crdProblemsShown.add(problem);
      void connection.window.showWarningMessage(`Podsmith: ${problem}`);
    }
  } catch (error) {
    connection.console.error(`podsmith: reading podsmith.crds failed: ${(error as Error)?.stack ?? error}`);
  }
}

/** Reads the workspace's YAML files once, with progress in the editor, honouring files.exclude. */
async function scanWorkspace(): Promise<void> {
  if (!workspaceFolders.length) return;
  let exclude: string[] = [];
  if (canPullConfiguration) {
    try {
      const raw = (await connection.workspace.getConfiguration('files.exclude')) as Record<string, unknown> | null;
      exclude = Object.entries(raw ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      // No files.exclude: only .git and node_modules are skipped.
    }
  }
  const progress = canReportProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin('Podsmith: reading the workspace', 0, 'YAML files', false);
  try {
    const maxFileSize = workspace.settingsFor(workspaceFolders[0]).maxFileSize;
    const result = await workspaceFiles.scan(workspaceFolders, { maxFiles: MAX_WORKSPACE_FILES, maxFileSize, exclude }, (done, total) =>
      progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done} of ${total} YAML files`),
    );
    if (result.truncated) connection.console.log(`podsmith: read the first ${MAX_WORKSPACE_FILES} YAML files of the workspace; links to objects in other files are checked against those`);
  } catch (error) {
    connection.console.error(`podsmith: reading the workspace failed: ${(error as Error)?.stack ?? error}`);
  } finally {
    progress?.done();
  }
}

// When another file's objects change, the open documents are checked again (links), a moment later so that a burst
// of changes (typing in one file, a checkout) costs one round. The document whose edit changed the index is checked
// anyway; a re-check only for the links publishes only what changed (linkedOnly).
let linkedTimer: ReturnType<typeof setTimeout> | undefined;
const linkedExcept = new Set<string>();
const linkedOnly = new Set<string>();
const lastPublished = new Map<string, { version: number; diagnostics: unknown }>();
let linkedAll = false;
function scheduleLinkedValidation(changedUri?: string): void {
  if (changedUri) linkedExcept.add(changedUri);
  else linkedAll = true;
  if (linkedTimer) return;
  linkedTimer = setTimeout(() => {
    linkedTimer = undefined;
    // The one document whose edit changed the index was checked with it; after a change on disk, or edits in
    // several documents, every open document is checked again.
    const except = !linkedAll && linkedExcept.size === 1 ? new Set(linkedExcept) : new Set<string>();
    linkedAll = false;
    for (const doc of documents.all()) {
      // A pass under way (or about to start) checks the links against the index as it is when it completes: starting
      // it again would throw away its slices (opening a file while another closes did that, 300 ms into the open).
      if (except.has(doc.uri) || passOf.has(doc.uri) || pending.has(doc.uri)) continue;
      linkedOnly.add(doc.uri);
      scheduleValidation(doc.uri);
    }
    linkedExcept.clear();
  }, 300);
}

connection.onDidChangeConfiguration((change) => {
  if (!canPullConfiguration && change.settings?.podsmith) workspace.setEditorSettings(change.settings.podsmith);
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (canPullConfiguration) {
    try {
      // The workspace's settings, then each folder's (folder settings over the workspace's: every setting is per folder).
      const folders = workspaceFolders;
      const [editor, ...perFolder] = (await connection.workspace.getConfiguration([
        { section: 'podsmith' },
        ...folders.map((scopeUri) => ({ section: 'podsmith', scopeUri })),
      ])) as unknown[];
      workspace.setEditorSettings(editor);
      folders.forEach((folder, i) => workspace.setFolderEditorSettings(folder, perFolder[i]));
    } catch {
      // A client that cannot answer keeps the settings it gave at initialize.
    }
  }
  settingsChanged();
}

/** New settings: re-check every open document, and have the editor re-ask what it shows beside the text. */
function settingsChanged(): void {
  // podsmith.crds may name other files now (before the first scan, onInitialized reads them).
  if (crdsLoaded) void loadCrds();
  for (const doc of documents.all()) scheduleValidation(doc.uri);
  // Inlay hints and lenses depend on settings too (podsmith.inlayHints, the version): ask the editor to re-ask.
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (canRefreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

// Validation runs after the messages already received are handled, so that a burst of edits is checked once and a
// completion or hover sent right after an edit is answered first. The connection handles one message per turn of
// the event loop, and a callback we queue while it handles one runs before its next: so the flush waits for a turn
// in which no message was handled (two turns when idle, microseconds). Measured: 10 edits sent at once used to
// cause 10 checks and 10 publishes of the whole file's diagnostics. A steady stream of messages must not hold
// diagnostics back for long, nor be slowed by them: the check runs at most once per MAX_WAIT_MS of such a stream (it
// ran every 50 messages, so a hover sent behind 10,000 queued edits waited for 200 checks of the file: seconds).
const pending = new Set<string>();
let flushScheduled = false;
let messagesAtLastLook = -1;
let waitingSince = 0;
const MAX_WAIT_MS = 1000;

function scheduleValidation(uri: string): void {
  pending.add(uri);
  if (flushScheduled) return;
  flushScheduled = true;
  messagesAtLastLook = -1;
  waitingSince = performance.now();
  setImmediate(flushValidation);
}

function flushValidation(): void {
  if (messagesHandled !== messagesAtLastLook && performance.now() - waitingSince < MAX_WAIT_MS) {
    messagesAtLastLook = messagesHandled;
    setImmediate(flushValidation);
    return;
  }
  flushScheduled = false;
  const uris = [...pending];
  pending.clear();
  for (const uri of uris) void validateInParts(uri);
}

/**
 * How long a slice of a check pass runs before it yields to the messages received meanwhile: the longest a hover or
 * a completion waits behind a check (see checkInParts.ts).
 */
const SLICE_MS = 15;

/**
 * The helper thread that checks documents from the end of a large file while the pass checks from the top
 * (checkThreads.ts), on a machine with cores to spare, while they are free. PODSMITH_CHECK_THREAD=0 turns it off, and
 * under PODSMITH_TEST=1, PODSMITH_CHECK_THREAD=wait makes a pass wait until the thread is ready, whatever the load
 * (tests compare both ways).
 */
const checkThread = CheckThread.worthwhile() && process.env.PODSMITH_CHECK_THREAD !== '0' ? new CheckThread((line) => connection.console.log(line)) : undefined;
const threadForcedByTest = process.env.PODSMITH_TEST === '1' && process.env.PODSMITH_CHECK_THREAD === 'wait';

/** Whether the helper thread takes work now: cores are free for it (or a test asks for it). */
function threadUsable(): boolean {
  return threadForcedByTest || CheckThread.coreFree();
}

/** Hands the documents at `indices` of `source` to the helper thread, when it is ready (see FilePass.checkElsewhere). */
function checkElsewhere(source: ParsedSource, settings: PodsmithSettings, indices: readonly number[]): Promise<boolean> | undefined {
  if (!checkThread || !threadUsable()) return undefined;
  checkThread.start();
  const documents = indices.map((index) => documentAtIndex(source.file, index));
  const travelling = documents.filter((doc) => doc.parsedAlone);
  const started = checkThread.check(travelling.map((doc) => ({ index: doc.index, text: doc.text })), settings);
  if (!started) return undefined;
  const here = indices.filter((_, i) => !travelling.includes(documents[i]));
  if (here.length) service.checkDocuments(source, settings, here);
  return started.then((snapshots) => {
    if (!snapshots) return false;
    service.adoptChecked(travelling, snapshots);
    return true;
  });
}

/** The pass under way for each document: a newer one (a new version, new settings, a change elsewhere) makes it stale. */
const passOf = new Map<string, number>();
let passesStarted = 0;

/**
 * Checks one open document in parts (checkInParts.ts): the documents its editors show first, published at once,
 * then the rest in slices between which requests are answered, then the complete set. One document that fails
 * must not stop the others from being checked.
 */
async function validateInParts(uri: string): Promise<void> {
  const textDocument = documents.get(uri);
  if (!textDocument) return;
  const id = ++passesStarted;
  passOf.set(uri, id);
  const linked = linkedOnly.delete(uri);
  try {
    const settings = workspace.settingsFor(uri);
    const source = sourceOf(textDocument);
    const publish = (diagnostics: Diagnostic[]) => {
      lastPublished.set(uri, { version: textDocument.version, diagnostics });
      void connection.sendDiagnostics({ uri, version: textDocument.version, diagnostics });
    };
    // A part carries no version: the version says the list is the complete set of that version (clients and tests
    // that wait for a version's diagnostics wait for that one), and a part is shown as it comes all the same.
    const publishPart = (diagnostics: Diagnostic[]) => void connection.sendDiagnostics({ uri, diagnostics });
    if (checkThread && threadForcedByTest) {
      checkThread.start();
      await checkThread.whenReady();
    }
    await checkInParts(
      {
        toCheck: service.documentsToCheck(source, settings),
        visible: () => visibleDocuments(uri, source),
        check: (indices) => service.checkDocuments(source, settings, indices),
        publishPartial: (checked) => publishPart(service.partialDiagnostics(source, settings, checked)),
        publishComplete: () => {
          // Every document is parsed now: the workspace index reads the file before its links are checked.
          workspaceFiles.opened(source.file);
          const diagnostics = service.validate(source, settings, workspaceFiles.index);
          const before = lastPublished.get(uri);
          // Compared only for a re-check for the links (serialising every keystroke's diagnostics would cost time).
          if (linked && before?.version === textDocument.version && JSON.stringify(before.diagnostics) === JSON.stringify(diagnostics)) return;
          publish(diagnostics);
        },
        stale: () => passOf.get(uri) !== id || documents.get(uri) !== textDocument,
        checkElsewhere: (indices) => checkElsewhere(source, settings, indices),
      },
      { sliceMs: SLICE_MS, now: () => performance.now(), yieldToRequests: () => new Promise((resolve) => setImmediate(resolve)) },
    );
  } catch (error) {
    connection.console.error(`podsmith: checking ${uri} failed: ${(error as Error)?.stack ?? error}`);
  } finally {
    if (passOf.get(uri) === id) passOf.delete(uri);
    settlePasses();
  }
}

/** What each visible editor shows, by document (podsmith/visibleRanges, from the client). */
let visibleEditors = new Map<string, VisibleEditor[]>();

connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (params: unknown) => {
  const byUri = new Map<string, VisibleEditor[]>();
  for (const editor of visibleEditorsOf(params)) byUri.set(editor.uri, [...(byUri.get(editor.uri) ?? []), editor]);
  // A pass under way reads them at its next slice.
  visibleEditors = byUri;
});

/** The most documents one visible range counts as seen (a range is a screen, which shows a few). */
const MAX_VISIBLE_DOCUMENTS = 50;

/** The documents of `source` its editors show (their visible ranges, else their cursors), by index. */
function visibleDocuments(uri: string, source: ParsedSource): number[] {
  const indices = new Set<number>();
  for (const editor of visibleEditors.get(uri) ?? []) {
    const ranges = editor.ranges.length ? editor.ranges : editor.cursor ? [{ start: editor.cursor, end: editor.cursor }] : [];
    for (const range of ranges) {
      const first = documentAt(source.file, source.textDocument.offsetAt({ line: range.start.line, character: 0 }))?.index;
      const last = documentAt(source.file, source.textDocument.offsetAt(range.end))?.index;
      if (first === undefined || last === undefined) continue;
      for (let index = first; index <= Math.min(last, first + MAX_VISIBLE_DOCUMENTS - 1); index++) indices.add(index);
    }
  }
  return [...indices];
}

/** Requests that read every document of a file wait for its check pass: they would parse all of it at once. */
const passWaiters: (() => void)[] = [];

function settlePasses(): void {
  for (const resolve of passWaiters.splice(0)) resolve();
}

async function afterPass(params: unknown): Promise<void> {
  const uri = documentUri(params);
  while (uri !== undefined && (passOf.has(uri) || pending.has(uri))) await new Promise<void>((resolve) => passWaiters.push(resolve));
}

/** A file this long starts the helper thread as it opens, so that the thread is loaded when the pass hands it work. */
const THREAD_START_LENGTH = 200_000;

documents.onDidOpen((event) => {
  const { length } = event.document;
  // Not for a file too large to be checked at all (it gets a notice, not a pass).
  if (checkThread && threadUsable() && length > THREAD_START_LENGTH && length <= workspace.settingsFor(event.document.uri).maxFileSize) checkThread.start();
  scheduleValidation(event.document.uri);
});
documents.onDidChangeContent((event) => {
  scheduleValidation(event.document.uri);
  // A folder's .podsmith.yaml edited in the editor applies as typed, to every open file of that folder.
  if (workspace.projectFileChanged(event.document.uri, () => event.document.getText())) settingsChanged();
});
// Changed on disk (a checkout, another editor): read again. The client watches the file for us.
connection.onDidChangeWatchedFiles((params) => {
  const changes: unknown[] = Array.isArray(params?.changes) ? params.changes : [];
  const uris = changes.map((change) => (change as { uri?: unknown } | null)?.uri).filter((uri): uri is string => typeof uri === 'string');
  if (uris.map((uri) => workspace.projectFileChanged(uri)).some(Boolean)) settingsChanged();
  for (const change of changes as { uri?: unknown; type?: unknown }[]) {
    if (typeof change?.uri === 'string') void workspaceFiles.changedOnDisk(change.uri, change.type === 3);
  }
});
documents.onDidClose((event) => {
  parses.delete(event.document.uri);
  passOf.delete(event.document.uri);
  settlePasses();
  pending.delete(event.document.uri);
  lastPublished.delete(event.document.uri);
  void workspaceFiles.closed(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

// Every request is checked before it reaches the service: before `initialize` it gets ServerNotInitialized, and a
// missing document, a position or range that is not made of non-negative integers, InvalidParams (a fractional
// position used to be echoed into completion ranges).
function ensureInitialized(): void {
  if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet');
}

function positionOf(value: unknown): Position {
  ensureInitialized();
  if (!isPosition(value)) throw new ResponseError(ErrorCodes.InvalidParams, 'a position must be two non-negative integers (line, character)');
  return value;
}

function rangeOf(value: unknown): Range {
  ensureInitialized();
  if (!isRange(value)) throw new ResponseError(ErrorCodes.InvalidParams, 'a range must be two positions of non-negative integers');
  return value;
}

/** Runs `answer` on the parse of the open document a request names, or returns `none` for a document the server does not have. */
function withSource<T>(params: unknown, none: T, answer: (source: ParsedSource) => T): T {
  ensureInitialized();
  const uri = documentUri(params);
  if (uri === undefined) throw new ResponseError(ErrorCodes.InvalidParams, 'the request names no textDocument.uri');
  const textDocument = documents.get(uri);
  return textDocument ? answer(sourceOf(textDocument)) : none;
}

connection.onHover((params) => {
  const position = positionOf(params?.position);
  return withSource(params, null, (s) => service.hover(s, position, workspace.settingsFor(s.textDocument.uri), workspaceFiles.index));
});
connection.onCompletion((params) => {
  const position = positionOf(params?.position);
  return withSource(params, null, (s) => service.complete(s, position, workspace.settingsFor(s.textDocument.uri), workspaceFiles.index));
});
connection.onCodeAction((params) => {
  const range = rangeOf(params?.range);
  const context = params.context && typeof params.context === 'object' ? params.context : { diagnostics: [] };
  if (!Array.isArray(context.diagnostics)) throw new ResponseError(ErrorCodes.InvalidParams, 'context.diagnostics must be a list');
  return withSource(params, [], (s) => service.codeActions(s, range, context, workspace.settingsFor(s.textDocument.uri)));
});
connection.onDefinition((params) => {
  const position = positionOf(params?.position);
  return withSource(params, [], (s) => service.definition(s, position, workspace.settingsFor(s.textDocument.uri), workspaceFiles.index));
});
connection.onReferences((params) => {
  const position = positionOf(params?.position);
  return withSource(params, [], (s) => service.references(s, position, !!params.context?.includeDeclaration, workspace.settingsFor(s.textDocument.uri), workspaceFiles.index));
});
connection.onDocumentHighlight((params) => {
  const position = positionOf(params?.position);
  return withSource(params, [], (s) => service.documentHighlights(s, position, workspace.settingsFor(s.textDocument.uri)));
});
connection.onPrepareRename((params) => {
  const position = positionOf(params?.position);
  const answer = withSource(params, null, (s) => service.prepareRename(s, position, workspace.settingsFor(s.textDocument.uri)));
  if (answer && 'refused' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.refused);
  return answer;
});
connection.onRenameRequest((params) => {
  const position = positionOf(params?.position);
  if (typeof params.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'newName must be a string');
  const answer = withSource(params, null, (s) => service.rename(s, position, params.newName, workspace.settingsFor(s.textDocument.uri)));
  if (answer && 'refused' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.refused);
  return answer;
});
connection.onDocumentSymbol(async (params) => {
  await afterPass(params);
  return withSource(params, [], (s) => service.documentSymbols(s));
});
connection.onFoldingRanges(async (params) => {
  await afterPass(params);
  return withSource(params, [], (s) => service.foldingRanges(s));
});
connection.onSelectionRanges((params) => {
  if (!Array.isArray(params?.positions)) throw new ResponseError(ErrorCodes.InvalidParams, 'positions must be a list');
  const positions = params.positions.map(positionOf);
  return withSource(params, [], (s) => service.selectionRanges(s, positions));
});
connection.languages.inlayHint.on((params) => {
  const range = rangeOf(params?.range);
  return withSource(params, [], (s) => service.inlayHints(s, range, workspace.settingsFor(s.textDocument.uri), workspaceFiles.index));
});
connection.onCodeLens(async (params) => {
  await afterPass(params);
  return withSource(params, [], (s) => service.codeLenses(s, workspace.settingsFor(s.textDocument.uri), workspaceFiles.index));
});

connection.onRequest(DIAGRAM_REQUEST, (params: Partial<Record<keyof DiagramParams, unknown>> | null) => {
  const position = positionOf(params?.position);
  if (typeof params?.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'podsmith/diagram needs a uri');
  const textDocument = documents.get(params.uri);
  return textDocument ? service.diagram(sourceOf(textDocument), position, workspace.settingsFor(textDocument.uri), workspaceFiles.index) : null;
});

// Test-only: the server's copy of a document, so tests can prove incremental edits keep it exact. Registered
// only when the process is started with PODSMITH_TEST=1; an editor never sees it.
if (process.env.PODSMITH_TEST === '1') {
  connection.onRequest(DEBUG_DOCUMENT_TEXT_REQUEST, (params: { uri?: unknown }) => {
    const textDocument = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    return textDocument ? { version: textDocument.version, text: textDocument.getText() } : null;
  });
  connection.onRequest(DEBUG_CHECK_THREAD_REQUEST, () => ({ documents: checkThread?.documentsChecked ?? 0 }));
}

// The server must outlive a bug: log it and keep answering.
process.on('uncaughtException', (error) => connection.console.error(`podsmith: uncaught ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`podsmith: unhandled ${String(error)}`));

documents.listen(connection);
connection.listen();
