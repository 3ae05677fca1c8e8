/**
 * Property: a quick fix does what it says. On mutated manifests that are still valid YAML, applying any code
 * action's edits must keep the YAML valid (no new syntax error or duplicate key) and must remove the problem it was
 * offered for (one fewer diagnostic with that code and message; a "Fix all" removes at least one).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { fuzzService } from './support/exercise';
import { applyAll, mutationsArb } from './support/mutations';
import { corpusSeeds, exampleSeeds } from './support/seeds';

const SYNTAX = new Set(['yaml-syntax', 'duplicate-key']);

function diagnosticsOf(text: string, version: number): { textDocument: TextDocument; diagnostics: Diagnostic[] } {
  const textDocument = TextDocument.create('file:///fix.yaml', 'yaml', version, text);
  return { textDocument, diagnostics: fuzzService.validate({ textDocument, file: fuzzService.parse(textDocument, DEFAULT_SETTINGS) }, DEFAULT_SETTINGS) };
}

/** Applies every quick fix offered for the first diagnostics of `text` and checks each; returns how many. */
function checkFixes(text: string, context: string): number {
  const { textDocument, diagnostics } = diagnosticsOf(text, 1);
  if (diagnostics.some((d) => SYNTAX.has(String(d.code)))) return 0;
  const source = { textDocument, file: fuzzService.parse(textDocument, DEFAULT_SETTINGS) };
  let applied = 0;
  for (const diagnostic of diagnostics.slice(0, 20)) {
    const same = (d: Diagnostic) => d.code === diagnostic.code && d.message === diagnostic.message;
    for (const action of fuzzService.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, DEFAULT_SETTINGS)) {
      const edits = action.edit?.changes?.[textDocument.uri];
      if (!edits) continue;
      applied++;
      const after = diagnosticsOf(TextDocument.applyEdits(textDocument, edits), 2).diagnostics;
      const what = `${context}: "${action.title}" for ${String(diagnostic.code)} at ${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
      assert.deepEqual(after.filter((d) => SYNTAX.has(String(d.code))).map((d) => d.message), [], `${what} broke the YAML`);
      assert.ok(after.filter(same).length < diagnostics.filter(same).length, `${what} left the problem in place`);
    }
  }
  return applied;
}

describe('fuzz: quick fixes', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.
  const corpus = corpusSeeds();
  if (corpus.length === 0) console.log('    (corpus part skipped: ../shared/corpus/real is absent)');

  it('on the examples and real-world manifests as written', () => {
    let applied = 0;
    for (const seed of [...exampleSeeds(), ...corpus]) applied += checkFixes(seed.text, seed.name);
    console.log(`      (${applied} quick fixes applied and re-checked)`);
  });

  it('on mutated manifests: keep the YAML valid and remove the problem they were offered for', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...exampleSeeds(), ...corpus), mutationsArb, (seed, mutations) => {
        applied += checkFixes(applyAll(seed.text, mutations), `${seed.name} after ${JSON.stringify(mutations)}`);
      }),
      { seed: 20251131, numRuns: 2000 },
    );
    console.log(`      (${applied} quick fixes applied and re-checked)`);
  });
});
