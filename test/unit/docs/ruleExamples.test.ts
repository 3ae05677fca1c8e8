import assert from 'node:assert/strict';
import { ALL_RULES } from '../../../server/src/rules/index';

/** The README promises an example and a fix for every rule of the rule reference (docs/rules.md). */
describe('rule reference: every rule has an example and a fix', () => {
  it('each rule descriptor carries both', () => {
    const missing = [...ALL_RULES.values()].filter((rule) => !rule.example?.trim() || !rule.fix?.trim()).map((rule) => rule.id);
    assert.deepEqual(missing, []);
  });
});
