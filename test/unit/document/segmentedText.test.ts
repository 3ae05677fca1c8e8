/**
 * The server's document store (server/src/document/segmentedText.ts): a file kept per YAML document, changed
 * incrementally. Compared with `vscode-languageserver-textdocument` (the library the server used before, and what
 * editors count by) after every change: the text, every position and offset, the line count; and its segments must
 * be exactly those a fresh split of the whole text gives, while the segments a change did not reach keep their
 * objects (that is what lets their parse be reused).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_SEGMENTS, SegmentedText } from '../../../server/src/document/segmentedText';
import { segmentBounds } from '../../../server/src/document/splitDocuments';

const URI = 'file:///store.yaml';

function store(text: string): SegmentedText {
  return SegmentedText.create(URI, 'yaml', 1, text);
}

/** Every observable of `doc` equals the reference's for `text`, and its segments are a fresh split's. */
function assertExact(doc: SegmentedText, text: string, where: string): void {
  const reference = TextDocument.create(URI, 'yaml', 1, text);
  assert.equal(doc.getText(), text, `text ${where}`);
  assert.equal(doc.length, text.length, `length ${where}`);
  assert.equal(doc.lineCount, reference.lineCount, `lineCount ${where}`);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(doc.positionAt(offset), reference.positionAt(offset), `positionAt(${offset}) ${where}`);
  }
  for (let line = -1; line <= reference.lineCount; line++) {
    for (const character of [0, 1, 2, 3, 5, 8, 13, 40, 200]) {
      const position = { line, character };
      assert.equal(doc.offsetAt(position), reference.offsetAt(position), `offsetAt(${line}:${character}) ${where}`);
    }
    assert.deepEqual(doc.getLineRange(line), reference.getLineRange(line), `getLineRange(${line}) ${where}`);
    assert.equal(doc.getEOLCharacters(line), reference.getEOLCharacters(line), `getEOLCharacters(${line}) ${where}`);
  }
  const bounds = segmentBounds(text, MAX_SEGMENTS);
  assert.deepEqual(doc.offsets, bounds ?? [0], `segments ${where}`);
  assert.equal(doc.directives, bounds === undefined, `directives ${where}`);
  assert.equal(doc.segments.map((s) => s.text).join(''), text, `segment texts ${where}`);
}

/** Replaces [from, to) of `text` through the store, as a client's ranged change. */
function edit(doc: SegmentedText, text: string, from: number, to: number, insert: string): [SegmentedText, string] {
  const reference = TextDocument.create(URI, 'yaml', 1, text);
  const range = { start: reference.positionAt(from), end: reference.positionAt(to) };
  return [SegmentedText.update(doc, [{ range, text: insert }], doc.version + 1), text.slice(0, from) + insert + text.slice(to)];
}

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: nginx\n`;

describe('document: the segmented text of an open document', () => {
  it('converts positions exactly with CRLF, lone CR, surrogate pairs and a BOM', () => {
    const text = '\uFEFFa: 1\r\n---\rb: "😀"\r\r\n...\n# c\n---\nc: é😀\r';
    assertExact(store(text), text, 'as opened');
  });

  it('keeps the objects of the segments a change does not reach, and moves those after it', () => {
    const text = ['a', 'b', 'c', 'd'].map((n) => `---\n${POD(n)}`).join('');
    const before = store(text);
    const at = text.indexOf('name: b') + 'name: '.length;
    const [after, changed] = edit(before, text, at, at + 1, 'bee\n# two more lines\n');
    assertExact(after, changed, 'after the edit');
    assert.equal(after.segments.length, 4);
    assert.equal(after.segments[0], before.segments[0], 'the document before keeps its object');
    assert.notEqual(after.segments[1], before.segments[1], 'the edited document is new');
    assert.equal(after.segments[2], before.segments[2], 'the document after keeps its object');
    assert.equal(after.segments[3], before.segments[3]);
    assert.equal(after.offsets[3], before.offsets[3] + 'bee\n# two more lines\n'.length - 1);
    assert.equal(after.firstLineOf(3), before.firstLineOf(3) + 2);
  });

  it('splits a document where a `---` line is typed, and merges two where one is removed', () => {
    const text = `---\n${POD('a')}---\n${POD('b')}`;
    const at = text.indexOf('spec:', 4);
    const [split, splitText] = edit(store(text), text, at, at, '---\n');
    assertExact(split, splitText, 'after typing ---');
    assert.equal(split.segments.length, 3);
    const boundary = splitText.indexOf('---\n', 4);
    const [merged, mergedText] = edit(split, splitText, boundary, boundary + 4, '');
    assertExact(merged, mergedText, 'after removing ---');
    assert.equal(merged.segments.length, 2);
  });

  it('re-splits a change that spans documents, and joins comments to the document after them', () => {
    const text = ['a', 'b', 'c', 'd', 'e'].map((n) => `---\n${POD(n)}`).join('');
    const from = text.indexOf('kind', text.indexOf('name: b'));
    const to = text.indexOf('name: d');
    const [spanned, spannedText] = edit(store(text), text, from, to, '# only a comment\n');
    assertExact(spanned, spannedText, 'after removing across documents');
    const [commented, commentedText] = edit(spanned, spannedText, 0, spannedText.indexOf('---', 4), '# header\n');
    assertExact(commented, commentedText, 'with a comment-only first document');
  });

  it('falls back to the whole text for a stream with directives, and back again when they go', () => {
    const text = `---\n${POD('a')}---\n${POD('b')}`;
    const [withDirective, directiveText] = edit(store(text), text, 0, 0, '%YAML 1.2\n');
    assertExact(withDirective, directiveText, 'with a directive');
    assert.equal(withDirective.segments.length, 1);
    const [without, withoutText] = edit(withDirective, directiveText, 0, '%YAML 1.2\n'.length, '');
    assertExact(without, withoutText, 'without it');
    assert.equal(without.segments.length, 2);
  });

  it('keeps the rest of a file past MAX_SEGMENTS as one segment, exact under edits', () => {
    const text = '---\na: 1\n'.repeat(MAX_SEGMENTS + 5);
    const doc = store(text);
    assert.equal(doc.segments.length, MAX_SEGMENTS + 1);
    assert.ok(doc.capped);
    const at = text.length - 3;
    const [edited, editedText] = edit(doc, text, at, at + 1, '2');
    assert.equal(edited.getText(), editedText);
    assert.deepEqual(edited.offsets, segmentBounds(editedText, MAX_SEGMENTS));
    assert.deepEqual(edited.positionAt(at), TextDocument.create(URI, 'yaml', 1, editedText).positionAt(at));
  });

  it('applies full-text changes and several ranged changes in one notification, in order', () => {
    const text = `---\n${POD('a')}---\n${POD('b')}`;
    const doc = store(text);
    const reference = TextDocument.create(URI, 'yaml', 1, text);
    const changes = [
      { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, text: 'x\r\ny' },
      { range: { start: { line: 12, character: 0 }, end: { line: 14, character: 2 } }, text: '---' },
      { text: 'replaced: 1\n---\nall: 2\n' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: '...' },
    ];
    const updated = SegmentedText.update(doc, changes, 7);
    const expected = TextDocument.update(reference, changes, 7);
    assert.equal(updated.version, 7);
    assertExact(updated, expected.getText(), 'after the changes');
  });

  it('stays exact over random edits with document markers, comments and every line end', () => {
    const pieces = ['---\n', '---\r\n', '---', '...\n', '--- # c\n', '# c\n', '\n', '\r', '\r\n', 'a: 1\n', '  - x\n', 'é', '😀', '-', '.', '%YAML 1.2\n', ' ', 'k: v'];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 }));
    const step = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.nat({ max: 6 }), fc.nat({ max: 120 })), insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });
    const start = ['a', 'b', 'c'].map((n) => `---\n${POD(n)}`).join('') + '...\n# trailing\n';
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        let doc = store(start);
        let text = start;
        steps.forEach((s, n) => {
          let from = Math.min(text.length, Math.floor(s.at * (text.length + 1)));
          let to = Math.min(text.length, from + s.remove);
          // No position lies between the \r and \n of a line end (see the fuzz suite's client).
          if (from > 0 && text[from - 1] === '\r' && text[from] === '\n') from--;
          if (to > 0 && text[to - 1] === '\r' && text[to] === '\n') to--;
          [doc, text] = edit(doc, text, from, to, s.insert);
          assertExact(doc, text, `after step ${n}`);
        });
      }),
      { seed: 20261202, numRuns: 150 },
    );
  });
});
