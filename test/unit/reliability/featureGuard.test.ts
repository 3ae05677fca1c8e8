/**
 * The facade's promise: an exception in one feature (a bug, or a stack overflow in a recursive walk) becomes an
 * empty answer and one log line, never a failed request; an exception in one check costs only that check's
 * findings. Verified by building services with failing features and checks (the facade takes both as options).
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Check } from '../../../server/src/core/rule';
import { ALL_CHECKS } from '../../../server/src/rules/index';
import { FEATURES, type Features } from '../../../server/src/service/features';
import { getLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { summarize } from '../support/service';

type FeatureName = keyof Features;

function recurseForever(n: number): number {
  return recurseForever(n + 1) + 1;
}

const FAILURES: [string, () => never, RegExp][] = [
  ['a TypeError', () => (null as unknown as { x: () => never }).x(), /TypeError: Cannot read properties of null/],
  ['a stack overflow in a recursive walk', () => recurseForever(0) as never, /RangeError: Maximum call stack size exceeded/],
];

/** What each feature returns when it has nothing to say. */
const EMPTY: Record<FeatureName, unknown> = {
  hover: null,
  complete: { isIncomplete: false, items: [] },
  codeActions: [],
  diagram: null,
  definition: [],
  references: [],
  documentHighlights: [],
  prepareRename: null,
  rename: null,
  documentSymbols: [],
  foldingRanges: [],
  selectionRanges: [],
  inlayHints: [],
  codeLenses: [],
  keepDocumentViews: undefined,
};

describe('reliability: the facade guards every feature', () => {
  const logs: string[] = [];
  let service = getLanguageService({ log: (m) => logs.push(m) });
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';
  const textDocument = TextDocument.create('file:///guard.yaml', 'yaml', 1, text);
  const source = { textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) };
  const position = { line: 7, character: 9 };
  const ask: Record<FeatureName, () => unknown> = {
    hover: () => service.hover(source, position, DEFAULT_SETTINGS),
    complete: () => service.complete(source, position, DEFAULT_SETTINGS),
    codeActions: () => service.codeActions(source, { start: position, end: position }, { diagnostics: [] }, DEFAULT_SETTINGS),
    diagram: () => service.diagram(source, position, DEFAULT_SETTINGS),
    definition: () => service.definition(source, position, DEFAULT_SETTINGS),
    references: () => service.references(source, position, true, DEFAULT_SETTINGS),
    documentHighlights: () => service.documentHighlights(source, position, DEFAULT_SETTINGS),
    prepareRename: () => service.prepareRename(source, position, DEFAULT_SETTINGS),
    rename: () => service.rename(source, position, 'renamed', DEFAULT_SETTINGS),
    documentSymbols: () => service.documentSymbols(source),
    foldingRanges: () => service.foldingRanges(source),
    selectionRanges: () => service.selectionRanges(source, [position]),
    inlayHints: () => service.inlayHints(source, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, DEFAULT_SETTINGS),
    codeLenses: () => service.codeLenses(source, DEFAULT_SETTINGS),
    // Run by the server's check pass for each document: the pass goes on without the views.
    keepDocumentViews: () => service.checkDocuments({ textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) }, DEFAULT_SETTINGS, [0]),
  };

  for (const name of Object.keys(EMPTY) as FeatureName[]) {
    for (const [what, fail, logged] of FAILURES) {
      it(`${name}: ${what} becomes an empty answer and a log line`, () => {
        service = getLanguageService({ log: (m) => logs.push(m), features: { ...FEATURES, [name]: fail } });
        logs.length = 0;
        try {
          assert.deepEqual(ask[name](), EMPTY[name]);
        } finally {
          service = getLanguageService({ log: (m) => logs.push(m) });
        }
        assert.equal(logs.length, 1);
        assert.match(logs[0], new RegExp(`^podsmith: ${name === 'complete' ? 'completion' : name} failed: `));
        assert.match(logs[0], logged);
      });
    }
  }

  for (const [what, fail, logged] of FAILURES) {
    it(`validation: ${what} in one check keeps the other checks' findings`, () => {
      const broken: Check = { name: 'planted-failure', rules: [], appliesTo: 'yaml', run: fail };
      const withBroken = getLanguageService({ log: (m) => logs.push(m), checks: [broken, ...ALL_CHECKS] });
      logs.length = 0;
      const doc = TextDocument.create('file:///guard-broken.yaml', 'yaml', 1, 'a: [1, 2\n');
      const diagnostics = withBroken.validate({ textDocument: doc, file: withBroken.parse(doc, DEFAULT_SETTINGS) }, DEFAULT_SETTINGS);
      assert.deepEqual(summarize(diagnostics).map(([code, range]) => [code, range]), [['yaml-syntax', '0:3-0:4']]);
      assert.equal(logs.length, 1);
      assert.match(logs[0], /^podsmith: planted-failure failed: /);
      assert.match(logs[0], logged);
    });
  }
});
