import assert from 'node:assert/strict';
import { renderRuleReference } from '../../../scripts/rule-reference';
import { FIX_FAMILIES } from '../../../server/src/codeActions/families';
import { ALL_RULES } from '../../../server/src/rules/index';

/** The rule reference's "Quick fix" column is read from the fix families: a family added or removed shows there. */
describe('docs/rules.md: quick fixes', () => {
  const doc = renderRuleReference();
  const cell = (id: string) => doc.split('\n').find((line) => line.startsWith(`| [\`${id}\`](#${id}) |`))?.split(' | ')[2];

  it('marks every rule a fix family names, with "fix all" where the family fixes many at once', () => {
    for (const family of FIX_FAMILIES) {
      for (const { id } of family.rules) assert.equal(cell(id), family.fixAll ? 'yes, fix all' : 'yes', id);
    }
  });

  it('marks the other rules "no" and says nothing of a quick fix in their sections', () => {
    const fixed = new Set(FIX_FAMILIES.flatMap((f) => f.rules.map((rule) => rule.id)));
    for (const id of ALL_RULES.keys()) {
      if (fixed.has(id)) continue;
      assert.equal(cell(id), 'no', id);
      const section = doc.split(`\n### ${id}\n`)[1].split('\n### ')[0];
      assert.doesNotMatch(section, /Quick fix:/, id);
    }
  });

  it('lists the Pod Security Standard rules fixed by podSecurity.ts as fixable', () => {
    for (const id of ['pss-privilege-escalation', 'pss-run-as-non-root', 'pss-seccomp', 'pss-capabilities', 'pss-privileged', 'pss-host-namespaces', 'pss-proc-mount']) {
      assert.equal(cell(id), 'yes, fix all', id);
    }
    assert.equal(cell('pss-host-path'), 'no');
  });
});
