/**
 * Table support for rule tests: a manifest marks the exact text each finding must cover with «…», so the table
 * reads like the editor's squiggles. `findings` returns what the service reports for one rule.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ALL_RULES } from '../../../server/src/rules/index';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../../server/src/core/settings';
import { diagnosticsOf } from '../support/service';

export interface Marked {
  readonly text: string;
  /** The marked spans as `line:col-line:col`, in order. */
  readonly ranges: string[];
}

/** Removes «…» markers and returns the text and the ranges they enclosed. */
export function unmark(marked: string): Marked {
  let text = '';
  const spans: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  const doc = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
  const at = (o: number) => {
    const p = doc.positionAt(o);
    return `${p.line}:${p.character}`;
  };
  return { text, ranges: spans.map(([s, e]) => `${at(s)}-${at(e)}`) };
}

export function rangeOf(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

/** Diagnostics of one rule for `text`. */
export function findings(text: string, ruleId: string, settings: Partial<PodsmithSettings> = {}): Diagnostic[] {
  return diagnosticsOf(text, { ...DEFAULT_SETTINGS, ...settings }).filter((d) => d.code === ruleId);
}

export interface RuleCase {
  readonly title: string;
  /** The manifest; «…» marks each text the rule must cover, none for a case that must stay silent. */
  readonly manifest: string;
  /** Key phrases of the message (each finding's message must match), for firing cases. */
  readonly says?: RegExp;
  /** Expected severity (1 error, 2 warning, 3 information, 4 hint) when it is not the rule's usual one. */
  readonly severity?: number;
  readonly settings?: Partial<PodsmithSettings>;
}

/**
 * Runs a table of cases for one rule: each marked span is reported, exactly, and nothing else is. The cases run
 * under the rule's own profile (a strict rule's table runs with podsmith.profile strict) unless a case sets one.
 */
export function ruleTable(ruleId: string, severity: number, cases: readonly RuleCase[]): void {
  const rule = ALL_RULES.get(ruleId);
  describe(ruleId, () => {
    for (const c of cases) {
      it(c.title, () => {
        assert.ok(rule, `${ruleId} is a registered rule`);
        const { text, ranges } = unmark(c.manifest);
        const found = findings(text, ruleId, { profile: rule.profile, ...c.settings });
        assert.deepEqual(found.map(rangeOf), ranges, `ranges of ${ruleId}: ${found.map((d) => d.message).join(' | ')}`);
        for (const d of found) {
          assert.equal(d.severity, c.severity ?? severity, `severity of ${d.message}`);
          if (c.says) assert.match(String(d.message), c.says);
        }
      });
    }
  });
}

/** Lines joined with newlines. */
export function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}
