import assert from 'node:assert/strict';
import { renderRuleReference } from '../../../scripts/rule-reference';
import { LINTER_CHECKS } from '../../../scripts/linters/checks';
import { ALL_RULES } from '../../../server/src/rules/index';

/** The table of kube-linter, kube-score and Polaris checks names real rules, and says why a check is left out. */
describe('docs/rules.md: other linters\' checks', () => {
  it('names only rules that exist', () => {
    const unknown = LINTER_CHECKS.flatMap((row) => row.rules).filter((id) => !ALL_RULES.has(id));
    assert.deepEqual(unknown, []);
  });

  it('says why each check without a rule is left out', () => {
    for (const row of LINTER_CHECKS.filter((r) => r.rules.length === 0)) assert.match(row.note ?? '', /^left out: /, row.checks.join(', '));
  });

  it('lists each check of each tool once', () => {
    for (const tool of ['kube-linter', 'kube-score', 'Polaris'] as const) {
      const checks = LINTER_CHECKS.filter((row) => row.tool === tool).flatMap((row) => row.checks);
      assert.equal(new Set(checks).size, checks.length, tool);
      assert.ok(checks.length >= 20, `${tool}: ${checks.length} checks`);
    }
  });

  it('covers the checks a new user meets first with rules, not reasons', () => {
    const covered = (tool: string, check: string) => LINTER_CHECKS.find((row) => row.tool === tool && row.checks.includes(check))?.rules ?? [];
    assert.deepEqual(covered('kube-linter', 'docker-sock'), ['runtime-socket-mount']);
    assert.deepEqual(covered('kube-linter', 'ssh-port'), ['ssh-port']);
    assert.deepEqual(covered('kube-linter', 'deprecated-service-account-field'), ['deprecated-service-account']);
    assert.deepEqual(covered('Polaris', 'dangerousCapabilities'), ['dangerous-capabilities', 'pss-capabilities']);
    assert.deepEqual(covered('kube-score', 'container-resources'), ['cpu-request-missing', 'memory-request-missing', 'cpu-limit-missing', 'memory-limit-missing']);
  });

  it('is rendered as a table in the rule reference, one line per row', () => {
    const doc = renderRuleReference();
    assert.match(doc, /\n## kube-linter, kube-score and Polaris\n/);
    assert.ok(doc.includes('| kube-linter | `docker-sock`, `container-runtime-sock` | [`runtime-socket-mount`](#runtime-socket-mount) |  |'));
    assert.equal(doc.split('\n').filter((line) => /^\| (kube-linter|kube-score|Polaris) \|/.test(line)).length, LINTER_CHECKS.length);
  });
});
