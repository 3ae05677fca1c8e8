/**
 * Property: whatever a manifest becomes under random edits, the pure language service answers every request kind
 * without an exception, with ranges inside the document, within the hang bound. Fixed seed, bounded runs: the
 * same cases run every time, and a failure prints the seed, the path and the shrunk recipe to replay it.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../server/src/core/settings';
import { exercise } from './support/exercise';
import { reportTally } from './support/invariants';
import { applyAll, mutationsArb } from './support/mutations';
import { corpusSeeds, exampleSeeds, type Seed } from './support/seeds';

export const FUZZ_SEED = 20251125;

/** Settings vary too: each changes which checks run (the Pod Security Standard levels, an older Kubernetes...). */
const settingsArb: fc.Arbitrary<PodsmithSettings> = fc.record({
  yamlSyntax: fc.boolean(),
  kubernetesVersion: fc.constantFrom('1.29', '1.33', '1.36'),
  podSecurityStandard: fc.constantFrom('off', 'baseline', 'restricted'),
  rules: fc.constantFrom({}, { 'unknown-field': 'off' }, { 'yaml-syntax': 'hint', 'duplicate-key': 'warning' }),
}).map((s) => ({ ...DEFAULT_SETTINGS, ...s }) as PodsmithSettings);

function property(seeds: Seed[]) {
  return fc.property(
    fc.constantFrom(...seeds),
    mutationsArb,
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
    fc.oneof({ weight: 3, arbitrary: fc.constant(DEFAULT_SETTINGS) }, { weight: 1, arbitrary: settingsArb }),
    (seed, mutations, at, settings) => {
      const text = applyAll(seed.text, mutations);
      const verdict = exercise(text, { at, outside: at.length === 1, settings });
      assert.deepEqual(verdict.problems, [], `${seed.name} after ${JSON.stringify(mutations)} with ${JSON.stringify(settings)}`);
    },
  );
}

describe('fuzz: the language service on mutated manifests', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.

  it('answers every request on mutated examples', () => {
    fc.assert(property(exampleSeeds()), { seed: FUZZ_SEED, numRuns: 1000 });
    reportTally('1000 mutated examples');
  });

  it('answers every request on mutated real-world manifests', function () {
    const seeds = corpusSeeds();
    if (seeds.length === 0) {
      console.log('    (skipped: ../shared/corpus/real is absent)');
      this.skip();
    }
    fc.assert(property(seeds), { seed: FUZZ_SEED + 1, numRuns: 3000 });
    reportTally('3000 mutated corpus manifests');
  });

  it('answers every request on unmutated real-world manifests', function () {
    const seeds = corpusSeeds();
    if (seeds.length === 0) this.skip();
    for (const seed of seeds) {
      const verdict = exercise(seed.text, { at: [0.1, 0.3, 0.5, 0.7, 0.9] });
      assert.deepEqual(verdict.problems, [], seed.name);
    }
    reportTally(`${seeds.length} corpus manifests`);
  });
});
