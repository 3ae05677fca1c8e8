/**
 * Regular expressions and value parsers against pathological values: every field of the example manifests
 * (chosen at random, fixed seed) gets a long string built to make a backtracking regular expression or a naive
 * parser take exponential or quadratic time (`a/a/a/...!`, `$($($(...`, a quantity with 20,000 digits...).
 * Every request must still be answered within the hang bound.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isScalar, visit } from 'yaml';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { exercise, fuzzService } from './support/exercise';
import { reportTally } from './support/invariants';
import { corpusSeeds, exampleSeeds, type Seed } from './support/seeds';
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

/**
 * Every scalar (keys and values) of the seeds, as a place to put a pathological string; with `collections`, every
 * mapping and sequence too, as a place to put a value of the wrong type.
 */
function slots(seeds: Seed[], collections = false): Slot[] {
  const out: Slot[] = [];
  for (const seed of seeds) {
    const textDocument = TextDocument.create('file:///slots.yaml', 'yaml', 1, seed.text);
    const file = fuzzService.parse(textDocument, DEFAULT_SETTINGS);
    for (const doc of file.documents) {
      visit(doc.yaml, (_, node) => {
        const wanted = isScalar(node) || (collections && isCollection(node));
        const range = wanted ? (node as { range?: [number, number, number] }).range : undefined;
        if (range) out.push({ seed: seed.name, text: seed.text, start: doc.offset + range[0], end: doc.offset + range[1] });
      });
    }
  }
  return out;
}

/** Values of every other type (and a few YAML oddities) for a field: a wrong type must be a finding, not a crash. */
const WRONG_TYPES: readonly string[] = [
  '{}',
  '[]',
  'null',
  '~',
  '""',
  '-1',
  '1.5',
  '1e400',
  '999999999999999999999999',
  'true',
  '.nan',
  '[1, "a", {b: c}, [], null]',
  '{a: [1], b: {c: d}, "": e, null: f}',
  '{? [a, b] : c}',
  '!!binary AA==',
  '!custom {a: 1}',
  '!!str 5',
  '"\u0000\ud800"',
  '&anchor {a: 1}',
  '|\n  block text',
  '0x1F',
  '0o17',
];

describe('fuzz: pathological values in every field', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.
  it('answers every request within the bound', () => {
    const all = slots(exampleSeeds());
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

  it('answers every request with a value of the wrong type in any field', function () {
    const corpus = corpusSeeds();
    if (corpus.length === 0) console.log('    (corpus part skipped: ../shared/corpus/real is absent)');
    const all = slots([...exampleSeeds(), ...corpus], true);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom(...WRONG_TYPES), (slot, value) => {
        // Block scalars need their own line; everything else replaces the node in place.
        const text = slot.text.slice(0, slot.start) + value.replace('\\n', '\n' + ' '.repeat(indentAt(slot.text, slot.start) + 2)) + slot.text.slice(slot.end);
        const at = [slot.start, slot.start + 1].map((o) => o / (text.length + 1));
        const verdict = exercise(text, { at });
        assert.deepEqual(verdict.problems, [], `${slot.seed} at ${slot.start}: ${value}`);
      }),
      { seed: 20251130, numRuns: 2000 },
    );
    reportTally(`2000 fields of ${all.length} given a value of another type`);
  });
});

function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^ */.exec(text.slice(lineStart))![0].length;
}
