import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COVERAGE_PATH, coverageAreas, renderValidationCoverage } from '../../../scripts/validation-coverage';
import { ALL_RULES } from '../../../server/src/rules/index';

describe('docs/validation-coverage.md', () => {
  const areas = coverageAreas();

  it('is what scripts/validation-coverage.ts renders from scripts/coverage/ (run `npm run docs:coverage`)', () => {
    assert.equal(readFileSync(COVERAGE_PATH, 'utf8'), renderValidationCoverage(areas));
  });

  it('reads every area file, each with entries', () => {
    assert.ok(areas.length > 0);
    for (const area of areas) assert.ok(area.entries.length > 0, `${area.name} has entries`);
  });

  it('names only rules that exist', () => {
    const unknown = areas.flatMap((a) => a.entries.filter((e) => e.rule !== undefined && !ALL_RULES.has(e.rule)).map((e) => `${a.name}: ${e.rule} (${e.error})`));
    assert.deepEqual(unknown, []);
  });

  it('gives each entry a rule or a reason, never both, and a function and an error', () => {
    for (const area of areas) {
      for (const e of area.entries) {
        assert.ok(!(e.rule && e.notApplicable), `${area.name}: ${e.error} has a rule and a reason`);
        assert.ok(e.upstream.trim() && e.error.trim(), `${area.name}: an entry without a function or an error`);
      }
    }
  });

  it('lists each distinct error of a function once per area', () => {
    for (const area of areas) {
      const seen = new Set<string>();
      for (const e of area.entries) {
        const key = `${e.upstream} ${e.error}`;
        assert.ok(!seen.has(key), `${area.name}: ${key} twice`);
        seen.add(key);
      }
    }
  });

  it('counts covered, not applicable and not yet per area', () => {
    const doc = renderValidationCoverage([
      { name: 'sample', entries: [{ upstream: 'f', error: 'a', rule: 'volume-source' }, { upstream: 'f', error: 'b', notApplicable: 'update only' }, { upstream: 'g', error: 'c' }] },
    ]);
    assert.match(doc, /\| \[sample\]\(#sample\) \| 3 \| 1 \| 1 \| 1 \|/);
    assert.match(doc, /\| `f` \| a \| \[`volume-source`\]\(rules\.md#volume-source\) \|/);
    assert.match(doc, /\| `f` \| b \| not applicable: update only \|/);
    assert.match(doc, /\| `g` \| c \| not yet \|/);
  });
});
