/**
 * The shape checks the server applies to what a client sends, before any of it reaches the documents or the
 * language service. vscode-languageserver trusts its client: a `didOpen` without `text` made a document whose text
 * is undefined (and the exception it caused later stopped diagnostics for every file), a change with an older
 * version was applied over a newer text, and a fractional position was echoed into completion ranges. A message
 * that fails a check is dropped (a notification, with a log line) or answered with InvalidParams (a request).
 */

import type { VisibleEditor } from '../../../shared/protocol';

/** Why a document-sync notification cannot be applied, or undefined when it can. */
export function syncProblem(method: string, params: unknown, versionOf: (uri: string) => number | undefined): string | undefined {
  if (method !== 'textDocument/didOpen' && method !== 'textDocument/didChange' && method !== 'textDocument/didClose') return undefined;
  const doc = (params as { textDocument?: unknown } | null)?.textDocument as Record<string, unknown> | undefined;
  if (!doc || typeof doc !== 'object' || typeof doc.uri !== 'string') return 'no textDocument.uri';
  if (method === 'textDocument/didClose') return undefined;
  if (!Number.isInteger(doc.version)) return 'no integer textDocument.version';
  if (method === 'textDocument/didOpen') {
    return typeof doc.text === 'string' ? undefined : 'no textDocument.text';
  }
  const current = versionOf(doc.uri);
  // A change to a document that is not open is ignored by the document store anyway, as the protocol expects.
  if (current !== undefined && (doc.version as number) <= current) return `version ${doc.version} is not newer than the open version ${current}`;
  const changes = (params as { contentChanges?: unknown }).contentChanges;
  if (!Array.isArray(changes)) return 'no contentChanges list';
  for (const change of changes) {
    if (!change || typeof change !== 'object' || typeof (change as { text?: unknown }).text !== 'string') return 'a change without text';
    const range = (change as { range?: unknown }).range;
    if (range !== undefined && !isRange(range)) return `a change with an invalid range ${JSON.stringify(range)}`;
  }
  return undefined;
}

/** A position the protocol allows: non-negative integer line and character. */
export function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | null;
  return !!p && typeof p === 'object' && isIndex(p.line) && isIndex(p.character);
}

export function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = value as { start?: unknown; end?: unknown } | null;
  return !!r && typeof r === 'object' && isPosition(r.start) && isPosition(r.end);
}

function isIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0x7fffffff;
}

/** The uri of a `textDocument/*` request, or undefined when the request names none. */
export function documentUri(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * The well-formed editors of a `podsmith/visibleRanges` notification; anything else in it is dropped (a client's
 * hint of what to check first must never stop the checks).
 */
export function visibleEditorsOf(params: unknown): VisibleEditor[] {
  const editors = (params as { editors?: unknown } | null)?.editors;
  if (!Array.isArray(editors)) return [];
  const out: VisibleEditor[] = [];
  for (const editor of editors.slice(0, MAX_VISIBLE_EDITORS)) {
    const e = editor as { uri?: unknown; ranges?: unknown; cursor?: unknown } | null;
    if (!e || typeof e !== 'object' || typeof e.uri !== 'string') continue;
    const ranges = Array.isArray(e.ranges) ? e.ranges.slice(0, MAX_VISIBLE_EDITORS).filter(isRange) : [];
    out.push({ uri: e.uri, ranges, ...(isPosition(e.cursor) ? { cursor: e.cursor } : {}) });
  }
  return out;
}

/** More editors (or ranges in one) than a screen shows are not a hint worth reading. */
const MAX_VISIBLE_EDITORS = 64;
