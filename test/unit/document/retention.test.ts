import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * A document reused across edits must not keep the whole file's text of the version it was parsed in alive (a
 * string sliced from another keeps its parent in V8). Typing in many documents of a large file once grew the heap
 * by the file's size per edited document. Measured in a child process, where the garbage collector can be run.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

const CHILD = `
const { TextDocument } = require('vscode-languageserver-textdocument');
const { getLanguageService } = require('./server/src/service/languageService');
const { DEFAULT_SETTINGS } = require('./server/src/core/settings');
const doc = (i) => ['---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c' + i, 'data:',
  ...Array.from({ length: 40 }, (_, k) => '  key' + k + ': "' + 'x'.repeat(40) + '"'), 'count: 0', ''].join('\\n');
const DOCS = 300;
const service = getLanguageService();
let textDocument = TextDocument.create('file:///big.yaml', 'yaml', 1, Array.from({ length: DOCS }, (_, i) => doc(i)).join(''));
let file = service.parse(textDocument, DEFAULT_SETTINGS);
service.validate({ textDocument, file }, DEFAULT_SETTINGS);
const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
const before = heap();
const linesPerDoc = doc(0).split('\\n').length - 1;
for (let k = 0; k < 60; k++) {
  const line = ((k * 7) % DOCS) * linesPerDoc + linesPerDoc - 1;
  textDocument = TextDocument.update(textDocument, [{ range: { start: { line, character: 7 }, end: { line, character: 8 } }, text: String(k % 10) }], textDocument.version + 1);
  file = service.parse(textDocument, DEFAULT_SETTINGS, file);
  service.validate({ textDocument, file }, DEFAULT_SETTINGS);
}
console.log(JSON.stringify({ fileBytes: textDocument.getText().length, growth: heap() - before, reparsed: file.documents.length }));
`;

describe('document layer: memory across edits', () => {
  it('editing 60 different documents of a large file does not keep 60 old copies of the file', function () {
    this.timeout(60000);
    const result = spawnSync(process.execPath, ['--expose-gc', '--require', 'tsx/cjs', '-e', CHILD], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const { fileBytes, growth } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { fileBytes: number; growth: number };
    assert.ok(fileBytes > 500_000, `the file is large (${fileBytes} bytes)`);
    // Retaining one old copy per edited document would add 60 x the file's size; allow a few copies' worth of noise.
    assert.ok(growth < 5 * fileBytes, `heap grew by ${(growth / 1e6).toFixed(1)} MB for a ${(fileBytes / 1e6).toFixed(1)} MB file`);
  });

  it('an open file is held once: what the editor sent is not kept beside the documents\' own text', function () {
    this.timeout(60000);
    // Two opens of files of the same size: the text of the first is dropped by the test, the second's kept by it. If
    // the server held what it was sent, keeping it too would cost nothing more; it costs a whole copy.
    const child = `
const { SegmentedText } = require('./server/src/document/segmentedText');
const { getLanguageService } = require('./server/src/service/languageService');
const { DEFAULT_SETTINGS } = require('./server/src/core/settings');
const doc = (i, tag) => ['---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ' + tag + i, 'data:',
  ...Array.from({ length: 40 }, (_, k) => '  key' + k + ': "' + 'x'.repeat(120) + '"'), ''].join('\\n');
const service = getLanguageService();
const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
const files = [];
const open = (tag) => {
  const text = Array.from({ length: 600 }, (_, i) => doc(i, tag)).join('');
  const textDocument = SegmentedText.create('file:///' + tag + '.yaml', 'yaml', 1, text);
  const file = service.parse(textDocument, DEFAULT_SETTINGS);
  service.validate({ textDocument, file }, DEFAULT_SETTINGS);
  files.push({ textDocument, file });
  return text;
};
open('warm');
let before = heap();
open('a');
const dropped = heap() - before;
before = heap();
const kept = open('b');
const keptToo = heap() - before;
console.log(JSON.stringify({ fileBytes: kept.length, extra: keptToo - dropped }));
`;
    const result = spawnSync(process.execPath, ['--expose-gc', '--require', 'tsx/cjs', '-e', child], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const { fileBytes, extra } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { fileBytes: number; extra: number };
    // Half the file: the heap readings move by about half a megabyte from run to run, and a server that held what it
    // was sent would show next to nothing here (3.2 MB files: 2.7-3.4 MB measured).
    assert.ok(extra > 0.5 * fileBytes, `keeping the sent text too cost ${(extra / 1e6).toFixed(2)} MB for a ${(fileBytes / 1e6).toFixed(2)} MB file`);
  });
});

