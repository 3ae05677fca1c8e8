/** Helpers for the schema validation tests: only the schema rules' diagnostics, summarised for tables. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../../server/src/core/settings';
import { diagnosticsOf, summarize } from '../support/service';

export const SCHEMA_RULE_IDS = new Set([
  'unknown-field',
  'misplaced-field',
  'wrong-type',
  'invalid-enum',
  'missing-required',
  'invalid-quantity',
  'int-or-string',
  'field-not-in-version',
  'feature-gate-off',
  'removed-api-version',
  'unknown-api-version',
]);

/** The diagnostics of the schema rules only (other checks have their own tests). */
export function schemaDiagnostics(text: string, settings: PodsmithSettings = DEFAULT_SETTINGS): Diagnostic[] {
  return diagnosticsOf(text, settings).filter((d) => SCHEMA_RULE_IDS.has(String(d.code)));
}

/** `[code, "line:col-line:col", message]` of the schema rules' diagnostics, in document order. */
export function schemaSummary(text: string, settings: PodsmithSettings = DEFAULT_SETTINGS): [string, string, string][] {
  return summarize(schemaDiagnostics(text, settings)).sort((a, b) => compareRange(a[1], b[1]));
}

function compareRange(a: string, b: string): number {
  const [al, ac] = a.split('-')[0].split(':').map(Number);
  const [bl, bc] = b.split('-')[0].split(':').map(Number);
  return al - bl || ac - bc;
}
