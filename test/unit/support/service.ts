/**
 * Test support for the pure language service: build a document from text (with an optional cursor marker `|`)
 * and ask the service what an editor would.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { ParsedSource } from '../../../server/src/core/featureRequest';
import { getLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../../server/src/core/settings';

export const CURSOR = '|';

export const service = getLanguageService({
  log: (message) => {
    // A feature that threw is a bug the test should see, not a silent empty answer.
    throw new Error(message);
  },
});

export function settingsWith(overrides: Partial<PodsmithSettings> = {}): PodsmithSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** Parses `text` (which must not contain the cursor marker) as a file. */
export function sourceOf(text: string, uri = 'file:///test.yaml', settings = DEFAULT_SETTINGS): ParsedSource {
  const textDocument = TextDocument.create(uri, 'yaml', 1, text);
  return { textDocument, file: service.parse(textDocument, settings) };
}

/** Splits `marked` at its single cursor marker: the text without it, and the cursor's position. */
export function withCursor(marked: string, uri = 'file:///test.yaml', settings = DEFAULT_SETTINGS): { source: ParsedSource; position: Position; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset === -1 || marked.indexOf(CURSOR, offset + 1) !== -1) throw new Error('text needs exactly one cursor marker |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const source = sourceOf(text, uri, settings);
  return { source, position: source.textDocument.positionAt(offset), offset };
}

/** Diagnostics of `text` under `settings`. */
export function diagnosticsOf(text: string, settings = DEFAULT_SETTINGS): Diagnostic[] {
  return service.validate(sourceOf(text, 'file:///test.yaml', settings), settings);
}

/** Diagnostics as `[code, "line:col-line:col", message]`, easy to compare in a table. */
export function summarize(diagnostics: Diagnostic[]): [string, string, string][] {
  return diagnostics.map((d) => [
    String(d.code),
    `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    String(d.message),
  ]);
}

/** The text a diagnostic's range covers in `text`. */
export function coveredText(text: string, diagnostic: Diagnostic): string {
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  return text.slice(doc.offsetAt(diagnostic.range.start), doc.offsetAt(diagnostic.range.end));
}

/** Lines joined with newlines, ending with one: keeps manifests in tests readable. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
