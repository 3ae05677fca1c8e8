import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, sourceOf } from '../support/service';

/**
 * examples/quick-fixes.yaml promises a quick fix on every line marked `# quick fix:`. Each marked line has a
 * diagnostic with a fix (besides "disable"), and applying that fix makes the diagnostic go away.
 */
describe('examples/quick-fixes.yaml', () => {
  const text = readFileSync(path.resolve(__dirname, '../../../examples/quick-fixes.yaml'), 'utf8');
  const source = sourceOf(text);
  const diagnostics = service.validate(source, DEFAULT_SETTINGS);
  const marked = text.split('\n').flatMap((line, i) => (line.includes('# quick fix:') ? [i] : []));
  const key = (d: Diagnostic) => `${d.code}: ${d.message}`;

  it('marks 18 lines, and every problem of the file is on a marked line', () => {
    assert.equal(marked.length, 18);
    const hints = new Set(['missing-resources']);
    assert.deepEqual(diagnostics.filter((d) => !hints.has(String(d.code)) && !marked.includes(d.range.start.line)).map(key), []);
  });

  for (const line of marked) {
    const mark = text.split('\n')[line].split('# quick fix:')[1].trim();
    it(`line ${line + 1}: ${mark}`, () => {
      const here = diagnostics.filter((d) => d.range.start.line === line && d.code !== 'missing-resources');
      assert.equal(here.length, 1, here.map(key).join('\n'));
      const [diagnostic] = here;
      const fixes = service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, DEFAULT_SETTINGS).filter((a) => !a.title.startsWith('Disable'));
      assert.ok(fixes.length > 0, `a fix for ${key(diagnostic)}`);
      for (const fix of fixes) {
        const after = TextDocument.applyEdits(source.textDocument, fix.edit!.changes![source.textDocument.uri]);
        const still = service.validate(sourceOf(after), DEFAULT_SETTINGS).filter((d) => key(d) === key(diagnostic));
        assert.deepEqual(still.map(key), [], `"${fix.title}" fixes it`);
      }
    });
  }
});
