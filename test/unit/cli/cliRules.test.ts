import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { helpUri, REPORTABLE_RULES } from '../../../cli/src/cliRules';
import { ALL_RULES } from '../../../server/src/rules/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The anchors GitHub makes of a Markdown file's headings. */
function anchors(file: string): Set<string> {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
}

describe('cli: the rules a report can name', () => {
  it('lists every rule of the service once, and the notices', () => {
    const ids = REPORTABLE_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no rule twice');
    for (const id of ALL_RULES.keys()) assert.ok(ids.includes(id), id);
    assert.deepEqual(ids.filter((id) => !ALL_RULES.has(id)), ['file-too-large', 'too-many-problems', 'project-config', 'binary-file', 'not-utf8']);
  });

  it('each help link points at a heading that exists: docs/rules.md for rules, docs/cli.md for the notices', () => {
    const docs: Record<string, Set<string>> = { 'docs/rules.md': anchors('docs/rules.md'), 'docs/cli.md': anchors('docs/cli.md') };
    for (const rule of REPORTABLE_RULES) {
      const [, file, anchor] = /\/blob\/main\/(docs\/[a-z]+\.md)#(.+)$/.exec(helpUri(rule.id)) ?? [];
      assert.ok(file && docs[file]?.has(anchor), `${rule.id}: ${helpUri(rule.id)}`);
    }
  });
});
