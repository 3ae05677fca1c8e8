/**
 * How loud each profile is on real manifests (the shared corpus beside the repository): the default profile,
 * recommended, averages at most one warning per file, and the figures the rule reference shows
 * (scripts/noise/corpusNoise.json, written by `npm run docs:noise`) are what a fresh measurement gives, within a
 * tenth of a finding per file (other rules landing move them a little; regenerate when they drift further).
 * Skipped, saying so, where the corpus is absent; the committed figures are checked either way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDirectory, corpusFiles, measureNoise, type CorpusNoise } from '../../../scripts/noise/corpusNoise';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'scripts', 'noise', 'corpusNoise.json'), 'utf8')) as CorpusNoise;
const profile = (noise: CorpusNoise, name: string) => noise.profiles.find((p) => p.profile === name)!;

describe('corpus: how loud each profile is', function () {
  it('the documented figures keep recommended at or below one warning per file, each profile louder than the last', () => {
    assert.ok(profile(committed, 'recommended').warningsPerFile <= 1.0, `${profile(committed, 'recommended').warningsPerFile}`);
    assert.ok(profile(committed, 'api').warningsPerFile <= profile(committed, 'recommended').warningsPerFile);
    assert.ok(profile(committed, 'recommended').warningsPerFile < profile(committed, 'strict').warningsPerFile);
  });

  describe('measured on the corpus', function () {
    let measured: CorpusNoise;

    before(function () {
      // Three profiles over 357 files is work; the time goes to the benchmark, not to an assertion.
      this.timeout(300_000);
      const dir = corpusDirectory();
      const files = corpusFiles(dir);
      if (!dir || files.length === 0) {
        console.log('    (skipped: the corpus of real manifests is not beside the repository)');
        this.skip();
      }
      measured = measureNoise(dir!, files);
    });

    it('recommended (the default) averages at most one warning per file', () => {
      assert.ok(profile(measured, 'recommended').warningsPerFile <= 1.0, JSON.stringify(profile(measured, 'recommended')));
    });

    it('the rule reference shows the measured figures (within 0.1 per file; else run `npm run docs:noise`)', () => {
      assert.equal(committed.files, measured.files);
      for (const p of measured.profiles) {
        const shown = profile(committed, p.profile);
        for (const key of ['errorsPerFile', 'warningsPerFile', 'informationPerFile', 'hintsPerFile'] as const) {
          assert.ok(Math.abs(shown[key] - p[key]) <= 0.1, `${p.profile} ${key}: shown ${shown[key]}, measured ${p[key]}`);
        }
      }
    });

    it('no practice of the default profile warns on most real files', () => {
      const loudest = measured.loudestRules;
      assert.ok(loudest.length > 0);
      // loudestRules is measured under strict; the recommended rules among them must stay well below half the files.
      const recommendedWarnings = new Set(['image-tag', 'identical-probes', 'secret-in-env', 'host-namespaces', 'privileged-container', 'probe-port-undeclared']);
      for (const rule of loudest.filter((r) => recommendedWarnings.has(r.rule))) assert.ok(rule.files < measured.files / 2, `${rule.rule} in ${rule.files} files`);
    });
  });
});
