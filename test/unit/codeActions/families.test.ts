import assert from 'node:assert/strict';
import { FIX_FAMILIES } from '../../../server/src/codeActions/families';
import { ALL_RULES } from '../../../server/src/rules/index';

describe('codeActions: fix families', () => {
  it('name only rules that exist, each in one family (a renamed rule would silently lose its fixes)', () => {
    const ids = FIX_FAMILIES.flatMap((family) => family.rules);
    assert.deepEqual(ids.filter((id) => !ALL_RULES.has(id)), []);
    assert.equal(new Set(ids).size, ids.length);
  });
});
