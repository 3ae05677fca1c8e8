import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestFile } from '../../../server/src/document/manifestFile';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { diagnosticsOf, service, sourceOf, summarize, yaml } from '../support/service';

/**
 * The facade reuses each document's placed diagnostics across keystrokes and moves them by whole lines when an
 * edit above shifts the document. Whatever it reuses, the editor must see exactly what a fresh check of the new
 * text reports: same ranges, related places, quick-fix data (with the document's new index) and messages.
 */
const pod = (name: string) =>
  yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    '  name: again',
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:latest',
    '      imagePullPolicy: Sometimes',
    '      restartPolicyy: Always',
  );
const FILE = ['---\n', pod('first'), '---\n', pod('second'), '---\n', pod('third')].join('');

/** Line of the `name: <value>` line of the document named `name`, and the column after `name: `. */
function nameAt(text: string, name: string): { line: number; character: number } {
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  const position = doc.positionAt(text.indexOf(`  name: ${name}\n`));
  return { line: position.line, character: 8 };
}

const cases: { what: string; edit: (text: string) => TextDocumentContentChangeEvent }[] = [
  {
    what: 'a keystroke in the middle document keeps every line where it was',
    edit: (text) => {
      const at = nameAt(text, 'second');
      return { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: 'S' };
    },
  },
  {
    what: 'a line added to the first document moves the two below by one line',
    edit: (text) => {
      const at = { line: nameAt(text, 'first').line + 1, character: 0 };
      return { range: { start: at, end: at }, text: '  namespace: shop\n' };
    },
  },
  {
    what: 'a document added at the top moves every document down and renumbers them',
    edit: () => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '---\nkind: Note\n' }),
  },
  {
    what: 'a line removed from the top document moves the others up',
    edit: (text) => {
      const at = nameAt(text, 'first');
      return { range: { start: { line: at.line + 1, character: 0 }, end: { line: at.line + 2, character: 0 } }, text: '' };
    },
  },
];

describe('placed diagnostics: reused across edits, equal to a fresh check', () => {
  it('the file has diagnostics with related places and data in every document (the test means something)', () => {
    const diagnostics = diagnosticsOf(FILE);
    assert.ok(diagnostics.length >= 9, `got ${diagnostics.length}`);
    assert.ok(diagnostics.some((d) => d.relatedInformation?.length), 'a diagnostic with a related place');
    const lines = new Set(diagnostics.map((d) => d.range.start.line));
    assert.ok([...lines].some((l) => l > 30), 'diagnostics in the third document');
  });

  for (const { what, edit } of cases) {
    it(what, () => {
      let textDocument = TextDocument.create('file:///placed.yaml', 'yaml', 1, FILE);
      let file: ManifestFile = service.parse(textDocument, DEFAULT_SETTINGS);
      const before = service.validate({ textDocument, file }, DEFAULT_SETTINGS);
      // Two rounds: the second starts from diagnostics that were themselves moved or reused.
      for (let round = 0; round < 2; round++) {
        textDocument = TextDocument.update(textDocument, [edit(textDocument.getText())], textDocument.version + 1);
        file = service.parse(textDocument, DEFAULT_SETTINGS, file);
        const incremental = service.validate({ textDocument, file }, DEFAULT_SETTINGS);
        const fresh = service.validate(sourceOf(textDocument.getText(), textDocument.uri), DEFAULT_SETTINGS);
        assert.deepEqual(summarize(incremental), summarize(fresh));
        assert.deepEqual(incremental, fresh);
      }
      assert.notDeepEqual(summarize(service.validate({ textDocument, file }, DEFAULT_SETTINGS)), [], 'still has diagnostics');
      assert.ok(before.length > 0);
    });
  }

  it('reuses the very objects of documents an edit did not touch or move', () => {
    let textDocument = TextDocument.create('file:///reuse.yaml', 'yaml', 1, FILE);
    let file: ManifestFile = service.parse(textDocument, DEFAULT_SETTINGS);
    const before = service.validate({ textDocument, file }, DEFAULT_SETTINGS);
    const at = nameAt(FILE, 'second');
    textDocument = TextDocument.update(textDocument, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: 'S' }], 2);
    file = service.parse(textDocument, DEFAULT_SETTINGS, file);
    const after = service.validate({ textDocument, file }, DEFAULT_SETTINGS);
    const firstDocEnd = nameAt(FILE, 'second').line;
    const untouched = (list: Diagnostic[]) => list.filter((d) => d.range.start.line < firstDocEnd - 3);
    assert.ok(untouched(before).length > 0);
    untouched(after).forEach((d, i) => assert.equal(d, untouched(before)[i], `diagnostic ${i} of the first document is reused`));
  });
});
