import assert from 'node:assert/strict';
import { indentStyleOf } from '../../../server/src/document/indentStyle';
import { TextLines } from '../../../server/src/document/textLines';

/** The indentation habits every insertion copies (fixes, completion, snippets): the mapping unit, and where a sequence's dash goes. */
describe('document: the indentation style', () => {
  const cases: [string, string, { unit: number; sequenceIndent: number }][] = [
    ['an empty document: 2 and 2', '', { unit: 2, sequenceIndent: 2 }],
    ['nothing nested: 2 and 2', 'kind: Pod\n', { unit: 2, sequenceIndent: 2 }],
    ['2 spaces, indented sequences', 'spec:\n  containers:\n    - name: a\n      image: b\n', { unit: 2, sequenceIndent: 2 }],
    ['2 spaces, compact sequences (kubectl)', 'spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n', { unit: 2, sequenceIndent: 0 }],
    ['4 spaces, compact sequences', 'spec:\n    containers:\n    -   name: a\n        image: b\n    volumes:\n    -   name: v\n', { unit: 4, sequenceIndent: 0 }],
    ['4 spaces throughout', 'spec:\n    containers:\n        -   name: a\n            resources:\n                limits: {}\n', { unit: 4, sequenceIndent: 4 }],
    ['4 spaces for mappings, 2 for the dash', 'spec:\n    template:\n        spec:\n            containers:\n              - name: a\n', { unit: 4, sequenceIndent: 2 }],
    ['the majority wins', 'a:\n  b:\n    c: 1\n  d:\n    e: 1\nf:\n   g: 1\n', { unit: 2, sequenceIndent: 2 }],
    ['Windows line ends read alike', 'spec:\r\n    containers:\r\n    - name: a\r\n', { unit: 4, sequenceIndent: 0 }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(indentStyleOf(TextLines.ofText(text)), expected));
  }
});
