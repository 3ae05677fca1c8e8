import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import type { ParsedSource } from '../../../server/src/core/featureRequest';
import { TREE_BUDGET, TreeBudget } from '../../../server/src/document/treeBudget';
import { service } from '../support/service';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

/**
 * A document's composed tree is dropped when it has not been used for a while (document/treeBudget.ts) and built
 * again when a feature needs it. Whatever was dropped, every feature must answer exactly as before.
 */
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const settings = DEFAULT_SETTINGS;

function open(name: string): ParsedSource {
  const textDocument = TextDocument.create(`file:///${name}`, 'yaml', 1, readFileSync(path.join(EXAMPLES, name), 'utf8'));
  return { textDocument, file: service.parse(textDocument, settings) };
}

function dropAll(source: ParsedSource): void {
  for (const doc of source.file.documents) doc.dropTree();
  assert.ok(source.file.documents.every((doc) => !doc.hasTree));
}

/** Everything the editor asks about a file, at the places its diagnostics point to. */
function answers(source: ParsedSource) {
  const diagnostics = service.validate(source, settings);
  const at = (p: Position) => ({
    hover: service.hover(source, p, settings),
    completion: service.complete(source, p, settings),
    diagram: service.diagram(source, p, settings),
  });
  const whole = { start: { line: 0, character: 0 }, end: source.textDocument.positionAt(source.textDocument.getText().length) };
  return {
    diagnostics,
    places: diagnostics.map((d) => ({
      ...at(d.range.start),
      codeActions: service.codeActions(source, d.range, { diagnostics: [d] }, settings),
    })),
    outline: service.documentSymbols(source),
    folding: service.foldingRanges(source),
    lenses: service.codeLenses(source, settings),
    hints: service.inlayHints(source, whole, settings),
  };
}

describe('document layer: trees dropped and built again', () => {
  for (const [name, findings] of [['quick-fixes.yaml', true], ['pod-rules.yaml', true], ['navigation.yaml', false]] as const) {
    it(`every feature answers the same after the trees of ${name} are dropped`, () => {
      const source = open(name);
      const before = answers(source);
      assert.ok(before.outline.length > 0 && (before.diagnostics.length > 0) === findings, 'the example has an outline (and findings where expected)');
      dropAll(source);
      assert.deepEqual(answers(source), before);
    });
  }

  it('diagnostics, the outline, folding and code lenses of a dropped file come from what was kept: no tree is built', () => {
    const source = open('navigation.yaml');
    const before = { diagnostics: service.validate(source, settings), outline: service.documentSymbols(source), folding: service.foldingRanges(source), lenses: service.codeLenses(source, settings) };
    dropAll(source);
    const after = { diagnostics: service.validate(source, settings), outline: service.documentSymbols(source), folding: service.foldingRanges(source), lenses: service.codeLenses(source, settings) };
    assert.deepEqual(after, before);
    assert.deepEqual(source.file.documents.map((doc) => doc.hasTree), source.file.documents.map(() => false));
  });

  it('a hover on a document whose tree was dropped parses it once; the requests after it reuse that parse', () => {
    const source = open('quick-fixes.yaml');
    const diagnostic = service.validate(source, settings)[0];
    const doc = source.file.documents[diagnostic.data.document as number];
    assert.equal(doc.treeBuilds, 1);
    dropAll(source);
    const position = diagnostic.range.start;
    assert.ok(service.hover(source, position, settings));
    assert.equal(doc.treeBuilds, 2);
    service.complete(source, position, settings);
    service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, settings);
    service.diagram(source, position, settings);
    assert.equal(doc.treeBuilds, 2);
    // The other documents were not needed, and stay without a tree.
    assert.deepEqual(source.file.documents.filter((d) => d.hasTree), [doc]);
  });

  it('opening a file of more documents than the budget checks each once and keeps only the tree of the last one checked', () => {
    const deployment = readFileSync(path.join(EXAMPLES, 'deployment.yaml'), 'utf8');
    const count = TREE_BUDGET.maxTrees + 40;
    const text = Array.from({ length: count }, (_, i) => `---\n${deployment.replace(/name: (\S+)/, `name: $1-${i}`)}`).join('');
    const textDocument = TextDocument.create('file:///many.yaml', 'yaml', 1, text);
    const source = { textDocument, file: service.parse(textDocument, settings) };
    assert.ok(source.file.documents.length >= count);
    service.validate(source, settings);
    assert.deepEqual(new Set(source.file.documents.map((doc) => doc.treeBuilds)), new Set([1]));
    // Only the last document checked keeps its tree: a check alone does not make a document one a person works in.
    const last = source.file.documents[source.file.documents.length - 1];
    assert.deepEqual(source.file.documents.filter((doc) => doc.hasTree), [last]);
  });

  /** `count` Deployments, one document each, `replicas: 2` on line 5 of each (every document is 15 lines). */
  function deployments(uri: string, count: number): ParsedSource {
    const one = (i: number) =>
      `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-${i}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web-${i}}}\n` +
      `  template:\n    metadata: {labels: {app: web-${i}}}\n    spec:\n      containers:\n        - name: web\n          image: web:1.${i}\n` +
      `          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 16Mi}}\n          ports: [{containerPort: 8080}]\n`;
    const textDocument = TextDocument.create(uri, 'yaml', 1, Array.from({ length: count }, (_, i) => one(i)).join(''));
    return { textDocument, file: service.parse(textDocument, settings) };
  }

  /** `source` after `replicas: 2` of document `doc` becomes `replicas: <value>`, parsed as the server parses an edit. */
  function editReplicas(source: ParsedSource, doc: number, value: string): ParsedSource {
    const line = doc * 15 + 5;
    const textDocument = TextDocument.update(source.textDocument, [{ range: { start: { line, character: 12 }, end: { line, character: 13 } }, text: value }], source.textDocument.version + 1);
    return { textDocument, file: service.parse(textDocument, settings, source.file) };
  }

  it('a document a feature used after its check keeps its tree while other documents are edited and checked', () => {
    const count = TREE_BUDGET.maxTrees + 10;
    let source = deployments('file:///worked.yaml', count);
    service.validate(source, settings);
    assert.equal(source.file.documents.length, count);
    // A hover in document 3 after the open: its tree is built again, once.
    const hovered = source.file.documents[3];
    const at = { line: 3 * 15 + 5, character: 4 };
    const answer = service.hover(source, at, settings);
    assert.match(JSON.stringify(answer), /replicas/);
    assert.equal(hovered.treeBuilds, 2);
    // An edit in every other document, each checked: document 3 keeps the tree the hover built.
    for (let i = 0; i < count; i++) {
      if (i === 3) continue;
      source = editReplicas(source, i, '5');
      service.validate(source, settings);
      assert.equal(source.file.documents[i].treeBuilds, 1);
    }
    assert.ok(source.file.documents[3].sameParseAs(hovered) && hovered.hasTree);
    assert.deepEqual(service.hover(source, at, settings), answer);
    assert.equal(hovered.treeBuilds, 2);
    // The edited documents were only checked: the last one keeps its tree, the others dropped theirs.
    assert.deepEqual(source.file.documents.filter((doc) => doc.hasTree).map((doc) => doc.index), [3, count - 1]);
  });

  it('the document an edit changed keeps the tree its check built for the requests right after the edit', () => {
    const opened = deployments('file:///edited.yaml', TREE_BUDGET.maxTrees + 10);
    service.validate(opened, settings);
    const source = editReplicas(opened, 5, '7');
    service.validate(source, settings);
    const edited = source.file.documents[5];
    assert.equal(edited.treeBuilds, 1);
    const at = { line: 5 * 15 + 5, character: 4 };
    assert.match(JSON.stringify(service.hover(source, at, settings)), /replicas/);
    assert.ok(service.complete(source, { line: 5 * 15 + 5, character: 2 }, settings).items.length > 0);
    assert.equal(edited.treeBuilds, 1);
  });

  it('checked in parts and then with the workspace index, as the server opens a file: each tree is built once', () => {
    // Deployments and Services that select them, one Service selecting nothing and one naming a port no container
    // declares: the checks across documents read the Services' selectors and ports after every tree was dropped.
    const pair = (i: number) =>
      `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-${i}}\nspec:\n  selector: {matchLabels: {app: web-${i}}}\n` +
      `  template:\n    metadata: {labels: {app: web-${i}}}\n    spec:\n      containers:\n        - name: web\n          image: web:1.${i}\n          ports: [{name: http, containerPort: 8080}]\n` +
      `---\napiVersion: v1\nkind: Service\nmetadata: {name: web-${i}}\nspec:\n  selector: {app: ${i === 3 ? 'nothing' : `web-${i}`}}\n  ports: [{port: 80, targetPort: ${i === 5 ? 'htp' : 'http'}}]\n`;
    const count = TREE_BUDGET.maxTrees + 20;
    const text = Array.from({ length: count }, (_, i) => pair(i)).join('');
    const textDocument = TextDocument.create('file:///linked.yaml', 'yaml', 1, text);
    const source = { textDocument, file: service.parse(textDocument, settings) };
    const documents = Array.from({ length: 2 * count }, (_, i) => i);
    // The server's pass: every document checked without the index, then the file indexed and its links checked.
    service.checkDocuments(source, settings, documents);
    const index = new WorkspaceIndex();
    index.setFile(source.file);
    const links = service.validate(source, settings, index).filter((d) => String(d.code).startsWith('service-'));
    assert.deepEqual(
      links.map((d) => [d.code, d.range.start.line, textDocument.getText(d.range)]),
      [
        ['service-selects-nothing', text.split('\n').indexOf('  selector: {app: nothing}'), '{app: nothing}'],
        ['service-target-port', text.split('\n').indexOf('  ports: [{port: 80, targetPort: htp}]'), 'htp'],
      ],
    );
    assert.deepEqual(new Set(source.file.documents.map((doc) => doc.treeBuilds)), new Set([1]));
  });
});

describe('document layer: the tree budget', () => {
  const holder = (name: string, log: string[]) => ({ name, dropTree: () => log.push(name) });

  it('drops the least recently used trees beyond the count', () => {
    const dropped: string[] = [];
    const budget = new TreeBudget(2, 1000);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => holder(n, dropped));
    budget.use(a, 10);
    budget.use(b, 10);
    budget.use(a, 10); // a is used again: b is now the oldest
    budget.use(c, 10);
    assert.deepEqual(dropped, ['b']);
    assert.equal(budget.trees, 2);
  });

  it('drops beyond the characters, but always keeps the newest tree', () => {
    const dropped: string[] = [];
    const budget = new TreeBudget(10, 100);
    const [a, b, big] = ['a', 'b', 'big'].map((n) => holder(n, dropped));
    budget.use(a, 40);
    budget.use(b, 40);
    budget.use(big, 500);
    assert.deepEqual(dropped, ['a', 'b']);
    assert.equal(budget.trees, 1);
  });

  it('keeps only the newest trees that just their check used, and a tree used after its check with those used last', () => {
    const dropped: string[] = [];
    const budget = new TreeBudget(2, 1000, 1);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => holder(n, dropped));
    budget.checked(a, 10);
    budget.checked(b, 10); // a was checked and never used: it goes
    assert.deepEqual(dropped, ['a']);
    budget.use(b, 10); // used after its check: b is now among the trees used last
    budget.checked(c, 10);
    budget.checked(d, 10); // c goes; b stays
    assert.deepEqual(dropped, ['a', 'c']);
    assert.equal(budget.trees, 2);
    budget.use(d, 10);
    budget.checked(a, 10);
    budget.use(a, 10); // three trees used after their check: the oldest of them, b, goes
    assert.deepEqual(dropped, ['a', 'c', 'b']);
    assert.equal(budget.trees, 2);
  });

  it('forgets a holder that dropped its tree itself', () => {
    const dropped: string[] = [];
    const budget = new TreeBudget(1, 100);
    const [a, b] = ['a', 'b'].map((n) => holder(n, dropped));
    budget.use(a, 10);
    budget.forget(a);
    budget.use(b, 10);
    assert.deepEqual(dropped, []);
  });
});
