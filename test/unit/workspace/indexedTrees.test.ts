import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import type { ManifestDocument } from '../../../server/src/document/manifestDocument';
import { TREE_BUDGET } from '../../../server/src/document/treeBudget';
import { WorkspaceSync } from '../../../server/src/host/workspaceSync';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { service } from '../support/service';

/**
 * Files the workspace index reads from disk are never checked, and their documents used to keep their trees for the
 * whole session once the index had read them. Now what the index and the checks across files read is kept, and the
 * trees are let go (but a CRD's): the links of an open file and F12 into the files on disk answer exactly as with
 * every tree kept.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'workspace');
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** More Deployments than the tree budget, each in a file of its own. */
function deployment(i: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: extra-${i}}`,
    'spec:',
    `  selector: {matchLabels: {app: extra-${i}}}`,
    '  template:',
    `    metadata: {labels: {app: extra-${i}}}`,
    '    spec:',
    `      containers: [{name: app, image: "app:1.${i}", ports: [{name: http, containerPort: 8080}]}]`,
    '',
  ].join('\n');
}

const parse = (uri: string, text: string) => service.parse(TextDocument.create(uri, 'yaml', 0, text), DEFAULT_SETTINGS);

describe('workspace: files read from disk keep no tree once indexed', () => {
  let root: string;
  let sync: WorkspaceSync;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).href;
  const diskDocuments = () => [...new Set(['services.yaml', 'configmaps.yaml', 'widget-crd.yaml', ...Array.from({ length: TREE_BUDGET.maxTrees + 4 }, (_, i) => `extra-${i}.yaml`)])].flatMap((name) => sync.index.fileOf(uriOf(name))!.documents);

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'podsmith-indexed-'));
    for (const name of ['services.yaml', 'configmaps.yaml']) copyFileSync(path.join(FIXTURES, name), path.join(root, name));
    copyFileSync(path.join(EXAMPLES, 'custom-resources', 'widget-crd.yaml'), path.join(root, 'widget-crd.yaml'));
    for (let i = 0; i < TREE_BUDGET.maxTrees + 4; i++) writeFileSync(path.join(root, `extra-${i}.yaml`), deployment(i));
    sync = new WorkspaceSync({ parse, onChanged: () => undefined, log: () => undefined });
    await sync.scan([pathToFileURL(root).href], { maxFiles: 100, maxFileSize: 1_000_000, exclude: [] });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('once the index has read them, only the CRD and the document read last keep a tree', () => {
    assert.ok(sync.index.pods().length > TREE_BUDGET.maxTrees);
    const documents = diskDocuments();
    assert.ok(documents.length > TREE_BUDGET.maxTrees + 4);
    const withTree = documents.filter((doc) => doc.hasTree).map((doc) => doc.identity.kind);
    assert.ok(withTree.length <= 2, `trees kept: ${withTree.join(', ')}`);
    assert.ok(withTree.includes('CustomResourceDefinition'));
    assert.deepEqual(new Set(documents.map((doc) => doc.treeBuilds)), new Set([1]));
  });

  it('the open Deployment gets the same link findings and F12 targets as against an index that kept every tree, and builds no tree of a file on disk', () => {
    const text = readFileSync(path.join(FIXTURES, 'deployment.yaml'), 'utf8');
    const answers = (index: WorkspaceIndex) => {
      const textDocument = TextDocument.create(uriOf('deployment.yaml'), 'yaml', 1, text);
      const source = { textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) };
      index.setFile(source.file);
      const diagnostics = service.validate(source, DEFAULT_SETTINGS, index).map((d: Diagnostic) => [d.code, d.range.start.line, d.message]);
      const at = (needle: string, into: number) => textDocument.positionAt(text.indexOf(needle) + into);
      const targets = [at('shop-config', 2), at('key: mode', 6)].map((p) => service.definition(source, p, DEFAULT_SETTINGS, index).map((l) => [path.basename(l.uri), l.range]));
      return { diagnostics, targets };
    };
    const builds = new Map<ManifestDocument, number>(diskDocuments().map((doc) => [doc, doc.treeBuilds]));
    const indexed = answers(sync.index);
    for (const [doc, count] of builds) if (doc.identity.kind !== 'ConfigMap') assert.equal(doc.treeBuilds, count, `${doc.identity.kind} built again`);
    // The same files given to an index whole, their trees kept.
    const kept = new WorkspaceIndex();
    for (const name of ['services.yaml', 'configmaps.yaml', 'widget-crd.yaml', ...Array.from({ length: TREE_BUDGET.maxTrees + 4 }, (_, i) => `extra-${i}.yaml`)]) {
      kept.setFile(parse(uriOf(name), readFileSync(path.join(root, name), 'utf8')));
    }
    assert.deepEqual(indexed, answers(kept));
    assert.ok(indexed.diagnostics.some(([code]) => code === 'missing-config-key'), 'the fixture has links to check');
    assert.deepEqual(indexed.targets.map((t) => t.map(([file]) => file)), [['configmaps.yaml'], ['configmaps.yaml']]);
  });
});
