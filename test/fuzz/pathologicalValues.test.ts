/**
 * Regular expressions and value parsers against pathological values: every field of the example manifests
 * (chosen at random, fixed seed) gets a long string built to make a backtracking regular expression or a naive
 * parser take exponential or quadratic time (`a/a/a/...!`, `$($($(...`, a quantity with 20,000 digits...).
 * Every request must still be answered within the hang bound.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar, visit } from 'yaml';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { exercise, fuzzService } from './support/exercise';
import { reportTally } from './support/invariants';
import { exampleSeeds } from './support/seeds';
import { TextDocument } from 'vscode-languageserver-textdocument';

const N = 20_000;

/** Each built to defeat a naive regex or parser; most end with a character that makes the match fail late. */
const PATHOLOGICAL: readonly string[] = [
  'a'.repeat(N) + '!',
  'a/'.repeat(N / 2) + '!',
  'a.'.repeat(N / 2) + '!',
  'a-'.repeat(N / 2) + '!',
  'a:'.repeat(N / 2) + '!',
  '-'.repeat(N),
  '9'.repeat(N),
  '1e' + '9'.repeat(N),
  '0.' + '0'.repeat(N) + '1Mi',
  '1' + '0'.repeat(N) + 'Ki',
  '* '.repeat(N / 2),
  '*/'.repeat(N / 2) + '1',
  '$('.repeat(N / 2) + 'A)',
  '$$('.repeat(N / 3),
  '${'.repeat(N / 2),
  'a@sha256:' + 'f'.repeat(N),
  ' '.repeat(N) + 'x',
  '\t'.repeat(N) + 'x',
  'é'.repeat(N),
  '😀'.repeat(N / 2),
  '\\'.repeat(N),
  'A'.repeat(N) + '_',
  '1,'.repeat(N / 2),
  '0x' + 'f'.repeat(N),
];

interface Slot {
  readonly seed: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Every scalar (keys and values) of every example, as a place to put a pathological string. */
function slots(): Slot[] {
  const out: Slot[] = [];
  for (const seed of exampleSeeds()) {
    const textDocument = TextDocument.create('file:///slots.yaml', 'yaml', 1, seed.text);
    const file = fuzzService.parse(textDocument, DEFAULT_SETTINGS);
    for (const doc of file.documents) {
      visit(doc.yaml, {
        Scalar(_, node) {
          if (isScalar(node) && node.range) out.push({ seed: seed.name, text: seed.text, start: doc.offset + node.range[0], end: doc.offset + node.range[1] });
        },
      });
    }
  }
  return out;
}

describe('fuzz: pathological values in every field', function () {
  this.timeout(90_000);
  it('answers every request within the bound', () => {
    const all = slots();
    assert.ok(all.length > 100, `the examples offer ${all.length} fields`);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom(...PATHOLOGICAL), (slot, value) => {
        const text = slot.text.slice(0, slot.start) + JSON.stringify(value) + slot.text.slice(slot.end);
        // Ask at the start, the middle and the end of the planted value.
        const at = [slot.start, slot.start + 5, slot.start + (value.length >> 1)].map((o) => o / (text.length + 1));
        const verdict = exercise(text, { at });
        assert.deepEqual(verdict.problems, [], `${slot.seed} at ${slot.start}: ${JSON.stringify(value.slice(0, 12))}...`);
      }),
      { seed: 20251129, numRuns: 400 },
    );
    reportTally(`400 fields of ${all.length} given one of ${PATHOLOGICAL.length} pathological values`);
  });
});
