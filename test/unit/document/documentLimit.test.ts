/**
 * A file's documents are parsed and checked up to MAX_DOCUMENTS; past them a notice says where checking stopped,
 * and no feature answers there. `---` a million times (4 MB, under the size limit) took 35 s and 1.9 GB to open.
 */
import assert from 'node:assert/strict';
import { MAX_DOCUMENT_LENGTH, MAX_DOCUMENTS } from '../../../server/src/document/manifestFile';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { diagnosticsOf, service, sourceOf, summarize } from '../support/service';

const NOTICE = `This file holds more than ${MAX_DOCUMENTS.toLocaleString('en-US')} documents: Podsmith checks the first ${MAX_DOCUMENTS.toLocaleString('en-US')}, a bound that keeps the editor responsive, and none from here on. Split the file to check the rest.`;
const CLEAN = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b:1, imageX: c, resources: {limits: {cpu: 1, memory: 1Gi}}}]\n'.replace(' imageX: c,', '');
const TYPO = CLEAN.replace('image: b:1,', 'image: b:1, imagee: c,');

/** `count` Pods of 6 lines each (with their `---`), the one at `typoAt` with a misspelled field on its line 4. */
function pods(count: number, typoAt: number): string {
  return Array.from({ length: count }, (_, i) => (i === typoAt ? TYPO : CLEAN)).join('---\n');
}

describe('document: at most MAX_DOCUMENTS documents of a file are checked', function () {
  this.timeout(60_000);

  it('checks a file of exactly the limit whole', () => {
    const line = (MAX_DOCUMENTS - 1) * 6 + 4;
    assert.deepEqual(summarize(diagnosticsOf(pods(MAX_DOCUMENTS, MAX_DOCUMENTS - 1))).map((d) => d.slice(0, 2)), [['unknown-field', `${line}:37-${line}:43`]]);
  });

  it('reports the first MAX_DOCUMENTS, then a notice where the next one starts', () => {
    const line = (MAX_DOCUMENTS - 1) * 6 + 4;
    // The typo in the last document checked is reported; the one past the limit is not.
    assert.deepEqual(summarize(diagnosticsOf(pods(MAX_DOCUMENTS + 5, MAX_DOCUMENTS - 1) + '---\n' + TYPO)), [
      ['unknown-field', `${line}:37-${line}:43`, 'Unknown field `imagee` in Container at spec.containers[0]: did you mean `image`?'],
      ['too-many-documents', `${MAX_DOCUMENTS * 6 - 1}:0-${MAX_DOCUMENTS * 6 - 1}:0`, NOTICE],
    ]);
  });

  it('opens a million document markers with one notice, and answers nothing past the limit', () => {
    const text = '---\n'.repeat(1_000_000);
    assert.deepEqual(summarize(diagnosticsOf(text)), [['too-many-documents', `${MAX_DOCUMENTS}:0-${MAX_DOCUMENTS}:0`, NOTICE]]);
    const source = sourceOf(text);
    assert.equal(service.hover(source, { line: 500_000, character: 1 }, DEFAULT_SETTINGS), null);
    assert.deepEqual(service.complete(source, { line: 500_000, character: 0 }, DEFAULT_SETTINGS)?.items ?? [], []);
  });

  it('does not parse a document longer than MAX_DOCUMENT_LENGTH: a notice at its start, the others checked', () => {
    // 50,000 containers in flow style (1.9 MB) took 4 s per keystroke and a 55 MB diagram.
    const crowd = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: crowd}', 'spec:', '  containers:', ...Array.from({ length: 50_000 }, (_, i) => `  - {name: c${i}, image: nginx:1.27}`), ''].join('\n');
    assert.ok(crowd.length > MAX_DOCUMENT_LENGTH);
    const text = TYPO + '---\n' + crowd;
    const source = sourceOf(text);
    assert.deepEqual(summarize(service.validate(source, DEFAULT_SETTINGS)), [
      ['unknown-field', '4:37-4:43', 'Unknown field `imagee` in Container at spec.containers[0]: did you mean `image`?'],
      ['document-too-large', '5:0-5:0', `Podsmith did not check this document: it is ${(crowd.length + 4).toLocaleString('en-US')} characters, above the ${MAX_DOCUMENT_LENGTH.toLocaleString('en-US')} that keep the editor responsive. Split it, or move its data into files of its own, to check it.`],
    ]);
    assert.equal(service.hover(source, { line: 30_000, character: 6 }, DEFAULT_SETTINGS), null);
    assert.equal(service.diagram(source, { line: 30_000, character: 6 }, DEFAULT_SETTINGS), null);
  });
});
