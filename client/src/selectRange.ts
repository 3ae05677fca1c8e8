import * as vscode from 'vscode';
import { SELECT_RANGE_COMMAND } from '../../shared/protocol';

/** The command a quick fix runs after writing a placeholder (an image to fill in): the placeholder is selected. */

interface ProtocolRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/**
 * Selects `range` in the visible editor of `uri`, so that typing replaces the placeholder. Code actions cannot
 * place the cursor themselves; arguments come from our server, but are checked before use all the same.
 */
export function registerSelectRange(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SELECT_RANGE_COMMAND, (uri: unknown, range: unknown) => {
      if (typeof uri !== 'string' || !isRange(range)) return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!editor) return;
      const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = selection;
      editor.revealRange(selection);
    }),
  );
}

function isRange(value: unknown): value is ProtocolRange {
  const r = value as ProtocolRange | null;
  const position = (p: unknown) => {
    const q = p as { line?: unknown; character?: unknown } | null;
    return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
  };
  return !!r && position(r.start) && position(r.end);
}
