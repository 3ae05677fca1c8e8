import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../../server/src/core/settings';
import { MAX_DOCUMENTS, type ManifestFile } from '../../../server/src/document/manifestFile';
import { SegmentedText } from '../../../server/src/document/segmentedText';
import { getLanguageService, type LanguageService, type LanguageServiceOptions } from '../../../server/src/service/languageService';
import { LINK_CHECKS } from '../../../server/src/rules/links/index';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { TRAINER_CRD as CRD } from '../customResources/support';
import { settingsWith, yaml } from '../support/service';

/**
 * After an edit, the facade checks and places only the documents the edit changed and brings everything else it
 * keeps about the file (which documents show diagnostics, where CRDs put Pods) from the version before
 * (service/fileState.ts). Whatever it keeps, the editor must see exactly what a fresh service reports for a fresh
 * parse of the same text: here the server's steps (SegmentedText, a parse from the previous one, the documents to
 * check, the workspace index, the complete diagnostics) run over seeded random edits and are compared, diagnostic
 * for diagnostic (ranges, messages, related places, quick-fix data), with a fresh service after every edit.
 */

const TRAINER = yaml(
  'apiVersion: ml.example.com/v1',
  'kind: Trainer',
  'metadata: {name: resnet}',
  'spec:',
  '  worker:',
  '    template:',
  '      metadata: {labels: {app: resnet}}',
  '      spec:',
  '        containers:',
  '          - name: train',
  '            image: trainer:1.0',
  '            ports: [{containerPort: 70000}]',
);

const CONFIG_MAP = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  a: "1"');

const pod = (i: number) =>
  yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: pod-${i}`,
    '  labels: {app: web}',
    'spec:',
    ...(i % 3 === 0 ? ['  restartPolicyy: Always'] : []),
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    '      ports: [{name: http, containerPort: 8080}]',
    '      env:',
    `        - {name: A, valueFrom: {configMapKeyRef: {name: settings, key: ${i % 2 === 0 ? 'a' : 'b'}}}}`,
  );

const SERVICE = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  ports: [{port: 80, targetPort: http}]');

const FILE = ['---\n', CONFIG_MAP, ...Array.from({ length: 8 }, (_, i) => ['---\n', pod(i)].join('')), '---\n', SERVICE, '---\n', CRD, '---\n', TRAINER, '---\nplain: 1\n'].join('');

/** A small deterministic generator (the same edits on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const PIECES = ['', 'a', '9', ' ', '\n', '---\n', 'x: 1\n', '  restartPolicyy: Never\n', '  b: "2"\n', 'key', ':', '#', 'app: api', 'Pod'];

/** A random edit of `text`: a few characters (sometimes a whole stretch) replaced by a piece. */
function randomEdit(text: string, next: () => number): TextDocumentContentChangeEvent {
  const reference = TextDocument.create('file:///r.yaml', 'yaml', 1, text);
  const from = Math.floor(next() * (text.length + 1));
  const remove = next() < 0.1 ? Math.floor(next() * 300) : Math.floor(next() * 4);
  const to = Math.min(text.length, from + remove);
  return { range: { start: reference.positionAt(from), end: reference.positionAt(to) }, text: PIECES[Math.floor(next() * PIECES.length)] };
}

/** The server's steps for one file, from its open through its edits (server.ts's check pass, without the slices). */
class EditedFile {
  readonly service: LanguageService;
  /** The workspace index the file is in; without one (the command line's way), no links are checked. */
  index: WorkspaceIndex | undefined = new WorkspaceIndex();
  text: SegmentedText;
  file: ManifestFile;
  /** The documents the last pass checked. */
  checked: readonly number[] = [];

  constructor(
    content: string,
    public settings: PodsmithSettings = DEFAULT_SETTINGS,
    readonly uri = 'file:///edited.yaml',
    options: LanguageServiceOptions = {},
  ) {
    this.service = getLanguageService(options);
    this.text = SegmentedText.create(uri, 'yaml', 1, content);
    this.file = this.service.parse(this.text, settings);
  }

  edit(...changes: TextDocumentContentChangeEvent[]): void {
    this.text = SegmentedText.update(this.text, changes, this.text.version + 1);
    this.file = this.service.parse(this.text, this.settings, this.file);
  }

  /** Checks what the pass would and returns the complete diagnostics, as publishComplete does. */
  diagnostics(): Diagnostic[] {
    const source = { textDocument: this.text, file: this.file };
    this.checked = this.service.documentsToCheck(source, this.settings);
    this.service.checkDocuments(source, this.settings, this.checked);
    this.index?.setFile(this.file);
    return this.service.validate(source, this.settings, this.index);
  }
}

/** What a fresh service reports for a fresh parse of `text`, with the file in a fresh index. */
function freshDiagnostics(uri: string, text: string, settings: PodsmithSettings, withIndex: boolean): Diagnostic[] {
  const service = getLanguageService();
  const textDocument = TextDocument.create(uri, 'yaml', 1, text);
  const file = service.parse(textDocument, settings);
  const index = withIndex ? new WorkspaceIndex() : undefined;
  index?.setFile(file);
  return service.validate({ textDocument, file }, settings, index);
}

function assertFresh(edited: EditedFile, what: string): Diagnostic[] {
  const diagnostics = edited.diagnostics();
  assert.deepEqual(diagnostics, freshDiagnostics(edited.uri, edited.text.getText(), edited.settings, edited.index !== undefined), what);
  return diagnostics;
}

describe('a file under edits: what the facade keeps from the version before equals a fresh check', () => {
  it('the file shows findings of every kind (the comparison means something)', () => {
    const codes = new Set(new EditedFile(FILE).diagnostics().map((d) => d.code));
    // Schema, Pod rules (the Trainer's Pod is where its CRD puts it), and a link to a ConfigMap key.
    for (const code of ['unknown-field', 'missing-resources', 'port-range', 'missing-config-key']) assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
  });

  it('a keystroke inside a document checks that document alone, and the diagnostics are a fresh check\'s', () => {
    const edited = new EditedFile(FILE);
    const before = edited.diagnostics();
    assert.equal(edited.checked.length, edited.file.documents.length, 'the first pass checks every document');
    const line = edited.text.positionAt(FILE.indexOf('pod-4')).line;
    edited.edit({ range: { start: { line, character: 8 }, end: { line, character: 9 } }, text: 'q' });
    const after = assertFresh(edited, 'after the keystroke');
    assert.deepEqual(edited.checked, [5], 'only the Pod typed in (document 5)');
    assert.equal(after.length, before.length);
  });

  it('a line added above moves every later diagnostic down, as a fresh check places them', () => {
    const edited = new EditedFile(FILE);
    edited.diagnostics();
    const line = edited.text.positionAt(FILE.indexOf('pod-1')).line;
    edited.edit({ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '  namespace: shop\n' });
    assertFresh(edited, 'after the line');
    assert.deepEqual(edited.checked, [2]);
  });

  for (const withIndex of [true, false]) {
    it(`seeded random edits (markers typed and removed, keys renamed, stretches removed) match a fresh check after each, ${withIndex ? 'with' : 'without'} a workspace index`, () => {
      const edited = new EditedFile(FILE);
      if (!withIndex) edited.index = undefined;
      edited.diagnostics();
      const next = random(withIndex ? 23 : 24);
      let incremental = 0;
      for (let step = 0; step < 120; step++) {
        edited.edit(randomEdit(edited.text.getText(), next));
        assertFresh(edited, `after edit ${step}`);
        if (edited.checked.length < edited.file.documents.length) incremental++;
      }
      assert.ok(incremental > 60, `most edits checked only what they changed (${incremental} of 120)`);
    });
  }

  it('an edit that changes what other documents read (a Pod\'s labels) checks the links of the documents that read it (the Service), not of every document', () => {
    const linked: string[] = [];
    const counter = { name: 'counter', rules: [], run: (ctx: { doc: { text: string } }) => void linked.push(/name: ([\w-]+)/.exec(ctx.doc.text)?.[1] ?? '?') };
    const edited = new EditedFile(FILE, DEFAULT_SETTINGS, 'file:///labels.yaml', { linkChecks: [...LINK_CHECKS, counter] });
    const before = edited.diagnostics();
    assert.ok(linked.length > 10, 'the first check runs the links of every object');
    linked.length = 0;
    const at = edited.text.positionAt(edited.text.getText().indexOf('app: web}', FILE.indexOf('pod-3')) + 'app: '.length);
    edited.edit({ range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: 'api' });
    const after = assertFresh(edited, 'after the label changed');
    assert.deepEqual(linked.sort(), ['pod-3', 'web'], 'the Pod typed in and the Service that selects pod templates');
    assert.equal(after.length, before.length);
    // A ConfigMap's keys: the Pods that read ConfigMaps are checked again, and the missing key is found.
    linked.length = 0;
    const key = edited.text.positionAt(edited.text.getText().indexOf('  a: "1"'));
    edited.edit({ range: { start: key, end: key }, text: '  b: "2"\n' });
    const fixed = assertFresh(edited, 'after the key was added');
    assert.deepEqual(linked.sort(), ['pod-0', 'pod-1', 'pod-2', 'pod-3', 'pod-4', 'pod-5', 'pod-6', 'pod-7', 'settings']);
    assert.ok(!fixed.some((d) => d.code === 'missing-config-key'));
  });

  it('new settings, a changed index and several edits between two checks are all brought up to date', () => {
    const edited = new EditedFile(FILE);
    edited.diagnostics();
    const next = random(5);
    edited.edit(randomEdit(edited.text.getText(), next), randomEdit(edited.text.getText(), next));
    edited.edit(randomEdit(edited.text.getText(), next));
    assertFresh(edited, 'after three edits and one check');
    edited.settings = settingsWith({ profile: 'api' });
    assertFresh(edited, 'under other settings');
    // Another file of the workspace defines the missing key: the links change with no edit in this file.
    assert.ok(edited.index);
    edited.index.setFile(getLanguageService().parse(TextDocument.create('file:///other.yaml', 'yaml', 1, CONFIG_MAP.replace('a: "1"', 'b: "2"')), edited.settings));
    const withOther = edited.diagnostics();
    assert.ok(!withOther.some((d) => d.code === 'missing-config-key'), 'the other file holds the key');
  });

  it(`past ${MAX_DOCUMENTS} documents: edits before the bound, across it (a marker typed) and in the unchecked rest`, function () {
    this.timeout(60000);
    const small = (i: number) => (i % 250 === 3 ? `---\n${pod(i)}` : `---\nn: ${i}\n`);
    const content = Array.from({ length: MAX_DOCUMENTS + 5 }, (_, i) => small(i)).join('');
    const edited = new EditedFile(content, DEFAULT_SETTINGS, 'file:///many.yaml');
    // Without an index: a document more or less then keeps what the others showed (with one, the index moves).
    edited.index = undefined;
    edited.diagnostics();
    const at = (needle: string) => edited.text.positionAt(edited.text.getText().indexOf(needle));
    const insert = (needle: string, text: string): TextDocumentContentChangeEvent => ({ range: { start: at(needle), end: at(needle) }, text });
    edited.edit(insert('n: 10\n', 'extra: line\n'));
    assertFresh(edited, 'a line added in document 10');
    assert.deepEqual(edited.checked, [10], 'the document typed in (the unchecked rest has nothing to check)');
    edited.edit(insert('n: 20\n', '---\n'));
    assertFresh(edited, 'a marker typed: a document more, one more moved into the unchecked rest');
    edited.edit(insert('n: 1002\n', 'x'));
    assertFresh(edited, 'an edit in the unchecked rest');
    assert.deepEqual(edited.checked, []);
    const marker = at('---\nn: 20\n');
    edited.edit({ range: { start: marker, end: { line: marker.line + 1, character: 0 } }, text: '' });
    assertFresh(edited, 'the marker removed again');
  });
});
