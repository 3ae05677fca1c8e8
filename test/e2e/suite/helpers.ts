/**
 * Helpers for tests that run inside a real VS Code extension host (see index.ts). They ask VS Code itself, the
 * way a person's editor would: diagnostics as VS Code holds them, hovers, completions and code actions through the
 * `vscode.execute*Provider` commands (which reach our language server through vscode-languageclient).
 *
 * A new test: add `test/e2e/suite/<topic>.e2e.ts` with mocha's `describe`/`it` and these helpers. Nothing else.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'podsmith.podsmith';
export const SOURCE = 'podsmith';

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  if (!extension.isActive) await extension.activate();
  return extension;
}

/** Folder of the extension under test (the repository in development, the installed copy otherwise). */
export function extensionRoot(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  return extension.extensionUri.fsPath;
}

/** URI of a file under the repository's `examples/`, e.g. `exampleUri('pod.yaml')`. */
export function exampleUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(extensionRoot(), 'examples', relative));
}

/** Opens a file (a path under `examples/`, or a URI) in an editor, as a person would, and returns its document. */
export async function openDocument(file: string | vscode.Uri): Promise<vscode.TextDocument> {
  const uri = typeof file === 'string' ? exampleUri(file) : file;
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Opens an untitled document with this text (YAML unless told otherwise), shown in an editor. */
export async function openText(content: string, language = 'yaml'): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Opens text that holds a cursor marker (default `‸`), without the marker, and returns the document and the
 * marker's position: `const { document, position } = await openWithCursor('kind: Po‸d')`.
 */
export async function openWithCursor(
  textWithMarker: string,
  marker = '‸',
  language = 'yaml',
): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const at = textWithMarker.indexOf(marker);
  assert.ok(at >= 0, `the text holds the cursor marker ${marker}`);
  const document = await openText(textWithMarker.slice(0, at) + textWithMarker.slice(at + marker.length), language);
  return { document, position: document.positionAt(at) };
}

/** Position of `needle` in the document (its `occurrence`-th match, from 0), moved `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${occurrence + 1} time(s) in ${document.uri.toString()}`);
  }
  return document.positionAt(at + offset);
}

/** Zero-based line of the first line that contains `needle`. */
export function lineOf(document: vscode.TextDocument, needle: string): number {
  return positionOf(document, needle).line;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until `accept` holds for its answer, and returns that answer; fails with `what` and the last
 * answer after `timeout` ms.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  { timeout = 30000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? String(lastError) : JSON.stringify(last, null, 1)?.slice(0, 2000);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await sleep(interval);
  }
}

/** Podsmith's diagnostics for a document, as VS Code holds them (other extensions' are left out). */
export function podsmithDiagnostics(target: vscode.Uri | vscode.TextDocument): vscode.Diagnostic[] {
  const uri = 'uri' in target ? target.uri : target;
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Waits until Podsmith's diagnostics for the document satisfy `accept` (default: at least one) and returns them.
 */
export async function waitForDiagnostics(
  target: vscode.Uri | vscode.TextDocument,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeout = 30000,
): Promise<vscode.Diagnostic[]> {
  const uri = 'uri' in target ? target.uri : target;
  return waitFor(() => podsmithDiagnostics(uri), accept, `Podsmith diagnostics on ${path.basename(uri.path)}`, { timeout });
}

/**
 * Podsmith's diagnostics once the server has checked the current text: proof that it has is an answer through
 * the server for this document (a hover, which the client sends after the document's text) followed by a quiet
 * period without diagnostics changes. Use it to assert that a document has no (or no more) diagnostics.
 */
export async function settledDiagnostics(
  document: vscode.TextDocument,
  { quiet = 1500, timeout = 30000 }: { quiet?: number; timeout?: number } = {},
): Promise<vscode.Diagnostic[]> {
  await activateExtension();
  let lastChange = Date.now();
  const key = document.uri.toString();
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((u) => u.toString() === key)) lastChange = Date.now();
  });
  try {
    await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 0));
    const deadline = Date.now() + timeout;
    while (Date.now() - lastChange < quiet && Date.now() < deadline) await sleep(100);
    return podsmithDiagnostics(document);
  } finally {
    listener.dispose();
  }
}

/** A diagnostic as one line, for assertion messages. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} [${d.source}/${String(
    typeof d.code === 'object' ? d.code.value : d.code,
  )}] ${d.message}`;
}

function hoverContentText(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return content.value;
}

/** The text of every hover at a position (from every provider; Podsmith's among them), joined by blank lines. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map(hoverContentText)).join('\n\n');
}

/** Waits until a hover at the position says what `accept` wants (the server may still be starting). */
export async function waitForHover(
  document: vscode.TextDocument,
  position: vscode.Position,
  accept: (text: string) => boolean = (t) => t.length > 0,
  timeout = 30000,
): Promise<string> {
  return waitFor(() => hoverText(document, position), accept, `a hover at ${position.line}:${position.character}`, { timeout });
}

/** Completion items at a position (optionally as if `triggerCharacter` had just been typed). */
export async function completionItems(
  document: vscode.TextDocument,
  position: vscode.Position,
  triggerCharacter?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    triggerCharacter,
  );
  return list?.items ?? [];
}

/** The label text of a completion item. */
export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Code actions for a range (a position or the range of a diagnostic), optionally of one kind (e.g. QuickFix). */
export async function codeActions(
  document: vscode.TextDocument,
  range: vscode.Range | vscode.Position,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const r = range instanceof vscode.Position ? new vscode.Range(range, range) : range;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    r,
    kind?.value,
  );
  // A provider may answer bare commands; those have a string `command` where a code action has an object.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action's edit (and runs its command, if any), as choosing it in the light bulb menu would. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Replaces the whole text of an open document (as typing would: the server gets a didChange). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
}

/**
 * Sets a user setting for the duration of `body` and restores the previous value after it (user settings live in
 * the test run's own, throw-away profile).
 */
export async function withSetting<T>(section: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const dot = section.lastIndexOf('.');
  const config = vscode.workspace.getConfiguration(section.slice(0, dot));
  const key = section.slice(dot + 1);
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await config.update(key, previous, vscode.ConfigurationTarget.Global);
  }
}

/** Closes every editor, throwing away unsaved changes (untitled test documents and edited example files). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
