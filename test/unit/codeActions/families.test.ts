import assert from 'node:assert/strict';
import { FIX_FAMILIES, familyOf } from '../../../server/src/codeActions/families';
import { ALL_RULES } from '../../../server/src/rules/index';

describe('codeActions: fix families', () => {
  it('name their rules by the descriptors the checks register (a rule no check reports would keep a dead fix)', () => {
    const strays = FIX_FAMILIES.flatMap((family) => family.rules).filter((rule) => ALL_RULES.get(rule.id) !== rule);
    assert.deepEqual(strays.map((rule) => rule.id), []);
  });

  it('give each rule to one family, which familyOf finds by the rule id', () => {
    const rules = FIX_FAMILIES.flatMap((family) => family.rules);
    assert.equal(new Set(rules).size, rules.length);
    for (const family of FIX_FAMILIES) {
      for (const rule of family.rules) assert.equal(familyOf(rule.id), family, rule.id);
    }
  });
});
