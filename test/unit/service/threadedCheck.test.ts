/**
 * A large file is checked partly on a helper thread (server/src/checkThreads.ts): the thread checks documents by
 * their text (`checkTexts`) and the server's copies adopt what each keeps (`adoptChecked`). Whatever went through the
 * thread, the person must see exactly what a check on the server's own thread gives: diagnostics (with the links
 * between documents), Outline, folding and code lenses, and the workspace index's view of the file. The thread's
 * answer goes through `structuredClone`, as a message between threads does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import type { ParsedSource } from '../../../server/src/core/featureRequest';
import { documentAtIndex, documentCount } from '../../../server/src/document/manifestFile';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { corpusDirectory, corpusFiles } from '../../../scripts/noise/corpusNoise';
import { service } from '../support/service';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const STRICT = normalizeSettings({ profile: 'strict' });

function open(uri: string, text: string): ParsedSource {
  const textDocument = TextDocument.create(uri, 'yaml', 1, text);
  return { textDocument, file: service.parse(textDocument, DEFAULT_SETTINGS) };
}

/** What the editor shows of a file once its check pass is complete. */
function shown(source: ParsedSource, settings = DEFAULT_SETTINGS) {
  const index = new WorkspaceIndex();
  index.setFile(source.file);
  return {
    diagnostics: service.validate(source, settings, index),
    outline: service.documentSymbols(source),
    folding: service.foldingRanges(source),
    lenses: service.codeLenses(source, settings),
    objects: ['ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'Deployment', 'Pod'].flatMap((kind) =>
      index.objectsOfKind(kind).map((o) => [o.object.kind, o.object.name, o.object.namespace, [...o.object.labels], [...o.object.keys], o.object.nameNode]),
    ),
    pods: index.pods().map((p) => [p.object.name, [...p.podLabels], p.ports]),
  };
}

/** The server's pass with every document sent to the helper thread (those that can travel). */
function checkedOnAThread(uri: string, text: string, settings = DEFAULT_SETTINGS) {
  const source = open(uri, text);
  const documents = Array.from({ length: documentCount(source.file) }, (_, i) => documentAtIndex(source.file, i));
  const travelling = documents.filter((doc) => doc.parsedAlone);
  const snapshots = structuredClone(service.checkTexts(travelling.map((doc) => ({ index: doc.index, text: doc.text })), settings));
  service.adoptChecked(travelling, snapshots);
  service.checkDocuments(source, settings, documents.filter((doc) => !travelling.includes(doc)).map((doc) => doc.index));
  return { source, travelling };
}

function checkedHere(uri: string, text: string, settings = DEFAULT_SETTINGS) {
  const source = open(uri, text);
  service.checkDocuments(source, settings, Array.from({ length: documentCount(source.file) }, (_, i) => i));
  return source;
}

function examples(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (/\.ya?ml$/.test(entry.name)) out.push(path.join(dir, entry.name));
    }
  };
  walk(EXAMPLES);
  return out.sort();
}

describe('service: documents checked on a helper thread', () => {
  for (const file of examples()) {
    const name = path.relative(EXAMPLES, file);
    it(`${name}: the same diagnostics, Outline, folding, lenses and index as a check on the server's thread`, () => {
      const text = readFileSync(file, 'utf8');
      const expected = shown(checkedHere(`file:///here/${name}`, text));
      const { source, travelling } = checkedOnAThread(`file:///here/${name}`, text);
      assert.deepEqual(shown(source), expected);
      // What the thread found was enough: no document it checked had its tree built here, but a CRD, whose schema
      // the workspace index reads (workspace/customResources.ts).
      const rebuilt = travelling.filter((doc) => doc.treeBuilds > 0 && doc.identity.kind !== 'CustomResourceDefinition');
      assert.deepEqual(rebuilt.map((doc) => doc.index), []);
    });
  }

  it('under other settings (the strict profile), the findings of those settings travel', () => {
    const text = readFileSync(path.join(EXAMPLES, 'pod-rules.yaml'), 'utf8');
    const expected = shown(checkedHere('file:///strict.yaml', text, STRICT), STRICT);
    const { source } = checkedOnAThread('file:///strict.yaml', text, STRICT);
    const after = shown(source, STRICT);
    assert.deepEqual(after, expected);
    assert.ok(after.diagnostics.length > shown(checkedHere('file:///default.yaml', text)).diagnostics.length, 'strict finds more');
  });

  it('a document checked here before the thread answers keeps its own results', () => {
    const text = readFileSync(path.join(EXAMPLES, 'quick-fixes.yaml'), 'utf8');
    const source = open('file:///raced.yaml', text);
    const doc = documentAtIndex(source.file, 0);
    const snapshots = structuredClone(service.checkTexts([{ index: 0, text: doc.text }], DEFAULT_SETTINGS));
    service.checkDocuments(source, DEFAULT_SETTINGS, [0]);
    const builds = doc.treeBuilds;
    service.adoptChecked([doc], [{ ...snapshots[0], entries: [] }]);
    assert.equal(doc.treeBuilds, builds);
    assert.deepEqual(shown(source).diagnostics, shown(checkedHere('file:///raced.yaml', text)).diagnostics);
  });

  describe('on the corpus of real manifests', function () {
    const dir = corpusDirectory();
    const files = corpusFiles(dir);
    before(function () {
      if (!dir || files.length === 0) {
        console.log('    (skipped: the corpus of real manifests is not beside the repository)');
        this.skip();
      }
    });
    it('every file shows the same whichever thread checked its documents', function () {
      this.timeout(120_000);
      const differing: string[] = [];
      const rebuilt: string[] = [];
      for (const file of files) {
        const text = readFileSync(path.join(dir!, file), 'utf8');
        const expected = shown(checkedHere(`file:///corpus/${file}`, text));
        const { source, travelling } = checkedOnAThread(`file:///corpus/${file}`, text);
        if (JSON.stringify(shown(source)) !== JSON.stringify(expected)) differing.push(file);
        if (travelling.some((doc) => doc.treeBuilds > 0 && doc.identity.kind !== 'CustomResourceDefinition')) rebuilt.push(file);
      }
      assert.equal(files.length > 300, true, `${files.length} files`);
      assert.deepEqual({ differing, rebuilt }, { differing: [], rebuilt: [] });
    });
  });
});
