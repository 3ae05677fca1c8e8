import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULE_REFERENCE_PATH, renderRuleReference } from '../../../scripts/rule-reference';
import { ALL_CHECKS, ALL_RULES } from '../../../server/src/rules/index';

describe('docs/rules.md', () => {
  it('is what scripts/rule-reference.ts renders from the rule descriptors (run `npx tsx scripts/rule-reference.ts`)', () => {
    assert.equal(readFileSync(RULE_REFERENCE_PATH, 'utf8'), renderRuleReference());
  });

  it('has a section for every rule with its default severity and its profile', () => {
    const doc = renderRuleReference();
    for (const rule of ALL_RULES.values()) {
      assert.ok(doc.includes(`### ${rule.id}\n\nDefault severity: **${rule.defaultSeverity}**. Profile: **${rule.profile}**.`), `section for ${rule.id}`);
    }
  });

  it('every Pod rule has an example and a fix', () => {
    const notPodRuleModules = ['yaml-syntax', 'api-version', 'schema'];
    for (const check of ALL_CHECKS.filter((c) => !notPodRuleModules.includes(c.name) && !c.rules.some((r) => r.id.startsWith('pss-')))) {
      for (const rule of check.rules) {
        assert.ok(rule.example && rule.fix, `${rule.id} has an example and a fix`);
      }
    }
  });
});
