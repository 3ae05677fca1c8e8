/**
 * Tells the server what each visible editor shows (`podsmith/visibleRanges`), so that in a large file it checks and
 * publishes those documents first. Sent when the visible editors or their ranges change, once per pause (scrolling
 * fires many events), and again when the server (re)starts. No Kubernetes logic: ranges and cursors only.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VISIBLE_RANGES_NOTIFICATION, type VisibleRangesParams } from '../../shared/protocol';

/** The pause after the last scroll or editor change before the ranges are sent. */
const DEBOUNCE_MS = 100;

export function registerVisibleRanges(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    timer = undefined;
    const running = client();
    if (!running?.isRunning()) return;
    const asUri = (uri: vscode.Uri) => running.code2ProtocolConverter.asUri(uri);
    const params: VisibleRangesParams = {
      editors: vscode.window.visibleTextEditors
        .filter((editor) => editor.document.languageId === 'yaml')
        .map((editor) => ({
          uri: asUri(editor.document.uri),
          ranges: editor.visibleRanges.map((range) => ({ start: position(range.start), end: position(range.end) })),
          cursor: position(editor.selection.active),
        })),
    };
    void running.sendNotification(VISIBLE_RANGES_NOTIFICATION, params).catch(() => undefined);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(send, DEBOUNCE_MS);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(schedule),
    vscode.window.onDidChangeTextEditorVisibleRanges(schedule),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return schedule;
}

function position(p: vscode.Position): { line: number; character: number } {
  return { line: p.line, character: p.character };
}
