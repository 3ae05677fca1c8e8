/**
 * The names and shapes the client and the server agree on, beyond LSP itself: custom requests, the commands one
 * side asks the other to run, and the code action kind. Both sides import this module, so a name is written once.
 * Plain data only: it imports nothing (the diagram model's types live beside it in `diagramTypes.ts`).
 */

/** Request: the Pod diagram model of the document under a position (the server answers `DiagramModel | null`). */
export const DIAGRAM_REQUEST = 'podsmith/diagram';

/** The parameters of `DIAGRAM_REQUEST`: a document and a position in it (LSP coordinates). */
export interface DiagramParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
}

/** Test-only request (answered under `PODSMITH_TEST=1`): the server's copy of a document, `{ version, text }`. */
export const DEBUG_DOCUMENT_TEXT_REQUEST = 'podsmith/debug/documentText';

/** Test-only request (answered under `PODSMITH_TEST=1`): how many documents the helper thread has checked, `{ documents }`. */
export const DEBUG_CHECK_THREAD_REQUEST = 'podsmith/debug/checkThread';

/** Client command that selects a range of a document's editor: a placeholder a quick fix wrote. Arguments: uri, range. */
export const SELECT_RANGE_COMMAND = 'podsmith.selectRange';

/** Client command (contributed in package.json) that opens the Pod diagram beside the editor. */
export const SHOW_DIAGRAM_COMMAND = 'podsmith.showDiagram';

/** The kind of the source action that applies every safe fix of the file (editor.codeActionsOnSave can ask it). */
export const FIX_ALL_KIND = 'source.fixAll.podsmith';

/**
 * Notification (client to server): what each visible editor shows, sent when that changes (debounced). The server
 * checks and publishes those documents of a large file first, then the rest (server/src/checkInParts.ts).
 */
export const VISIBLE_RANGES_NOTIFICATION = 'podsmith/visibleRanges';

/** The parameters of `VISIBLE_RANGES_NOTIFICATION`: every visible editor, none when none is. */
export interface VisibleRangesParams {
  readonly editors: readonly VisibleEditor[];
}

/** One visible editor: its document, the ranges it shows (LSP coordinates) and its cursor. */
export interface VisibleEditor {
  readonly uri: string;
  readonly ranges: readonly { readonly start: LinePosition; readonly end: LinePosition }[];
  readonly cursor?: LinePosition;
}

/** A zero-based line and UTF-16 character, as in LSP. */
export interface LinePosition {
  readonly line: number;
  readonly character: number;
}
