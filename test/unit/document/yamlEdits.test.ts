import assert from 'node:assert/strict';
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ManifestDocument } from '../../../server/src/document/manifestDocument';
import { nodeAtPath, pairOf, type Path } from '../../../server/src/document/yamlTree';
import { fillEmptyPair, insertItem, insertListItem, insertPair, insertPairBefore } from '../../../server/src/document/collectionInserts';
import { indentStyleOfDocument, type IndentStyle } from '../../../server/src/document/indentStyle';
import { applyEdits, type Edit } from '../../../server/src/document/textEdit';
import { movePair, movePairUnder, quoteScalar, removeItem, removePair, renameScalar, unquoteScalar } from '../../../server/src/document/yamlEdits';
import { sourceOf, yaml } from '../support/service';

/** The edit toolkit on real text: each case shows the text before, the operation, and the exact text after. */
function parse(text: string): ManifestDocument {
  return sourceOf(text).file.documents[0];
}
const map = (doc: ManifestDocument, path: Path) => {
  const node = path.length ? nodeAtPath(doc.root, path) : doc.root;
  assert.ok(isMap(node), `a mapping at ${path.join('.')}`);
  return node as YAMLMap<unknown, unknown>;
};
const seq = (doc: ManifestDocument, path: Path) => {
  const node = nodeAtPath(doc.root, path);
  assert.ok(isSeq(node), `a list at ${path.join('.')}`);
  return node as YAMLSeq<unknown>;
};
const scalar = (doc: ManifestDocument, path: Path) => {
  const node = nodeAtPath(doc.root, path);
  assert.ok(isScalar(node), `a scalar at ${path.join('.')}`);
  return node as Scalar;
};
const pair = (m: YAMLMap<unknown, unknown>, key: string) => pairOf(m, key) as Pair<unknown, unknown>;
const styleOf = (doc: ManifestDocument) => indentStyleOfDocument(doc);
function after(text: string, operation: (doc: ManifestDocument, style: IndentStyle) => Edit | Edit[] | undefined): string | undefined {
  const doc = parse(text);
  const edits = operation(doc, styleOf(doc));
  if (!edits) return undefined;
  return applyEdits(text, Array.isArray(edits) ? edits : [edits]);
}

describe('document/yamlEdits: inserting', () => {
  it('appends a pair to a block mapping at its keys’ column, after a trailing comment of the last value', () => {
    const text = yaml('spec:', '  containers:', '    - name: a # first', '      image: b', 'status: {}');
    assert.equal(
      after(text, (doc, style) => insertPair(doc.text, map(doc, ['spec', 'containers', 0]), 'ports', [{ containerPort: '80' }], style)),
      yaml('spec:', '  containers:', '    - name: a # first', '      image: b', '      ports:', '        - containerPort: 80', 'status: {}'),
    );
  });

  it('writes nested values in the document’s unit and list style (4 spaces, lists at the key)', () => {
    const text = yaml('spec:', '    containers:', '    -   name: a', '        image: b');
    assert.equal(
      after(text, (doc, style) => insertPair(doc.text, map(doc, ['spec']), 'volumes', [{ name: 'v', emptyDir: '{}' }], style)),
      yaml('spec:', '    containers:', '    -   name: a', '        image: b', '    volumes:', '    - name: v', '      emptyDir: {}'),
    );
  });

  it('puts a pair first in a list item, the dash kept on its line', () => {
    const text = yaml('containers:', '  - image: nginx:1.27', '    args: [x]');
    assert.equal(
      after(text, (doc, style) => insertPair(doc.text, map(doc, ['containers', 0]), 'name', 'nginx', style, true)),
      yaml('containers:', '  - name: nginx', '    image: nginx:1.27', '    args: [x]'),
    );
  });

  it('adds to flow mappings: after the last entry, first, and into {}', () => {
    const text = yaml('a: {x: 1}', 'b: {}');
    assert.equal(after(text, (doc, style) => insertPair(doc.text, map(doc, ['a']), 'y', '2', style)), yaml('a: {x: 1, y: 2}', 'b: {}'));
    assert.equal(after(text, (doc, style) => insertPair(doc.text, map(doc, ['a']), 'w', '0', style, true)), yaml('a: {w: 0, x: 1}', 'b: {}'));
    assert.equal(after(text, (doc, style) => insertPair(doc.text, map(doc, ['b']), 'z', { k: 'v' }, style)), yaml('a: {x: 1}', 'b: {z: {k: v}}'));
  });

  it('inserts a pair on the line before another key', () => {
    const text = yaml('spec:', '  replicas: 2', '  template:', '    metadata: {}');
    assert.equal(
      after(text, (doc, style) => insertPairBefore(doc.text, map(doc, ['spec']), pair(map(doc, ['spec']), 'template'), 'selector', { matchLabels: { app: 'web' } }, style)),
      yaml('spec:', '  replicas: 2', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata: {}'),
    );
  });

  it('fills an empty key with a block value one level deeper', () => {
    const text = yaml('spec:', '  containers:', 'other: 1');
    assert.equal(
      after(text, (doc, style) => fillEmptyPair(doc.text, pair(map(doc, ['spec']), 'containers'), [{ name: 'app', image: 'IMAGE' }], style)),
      yaml('spec:', '  containers:', '    - name: app', '      image: IMAGE', 'other: 1'),
    );
  });

  it('appends list items at the dash column of the last item (block) and before ] (flow)', () => {
    const text = yaml('volumes:', '- name: a', '  emptyDir: {}', 'ports: [80]');
    assert.equal(
      after(text, (doc, style) => insertItem(doc.text, seq(doc, ['volumes']), { name: 'b', emptyDir: '{}' }, style)),
      yaml('volumes:', '- name: a', '  emptyDir: {}', '- name: b', '  emptyDir: {}', 'ports: [80]'),
    );
    assert.equal(after(text, (doc, style) => insertItem(doc.text, seq(doc, ['ports']), '81', style)), yaml('volumes:', '- name: a', '  emptyDir: {}', 'ports: [80, 81]'));
  });

  it('inserts after a block scalar’s last line, not after the line breaks it keeps', () => {
    const text = yaml('c:', '  args: >-', '    echo', '    done', '', 'other: 1');
    assert.equal(after(text, (doc, style) => insertPair(doc.text, map(doc, ['c']), 'k', 'v', style)), yaml('c:', '  args: >-', '    echo', '    done', '  k: v', '', 'other: 1'));
  });

  it('adds to flow collections with and without a trailing comma: the new entry follows the last one, the comma stays last', () => {
    const text = yaml('a: [80, 443]', 'b: [80, 443, ]', 'c: {x: 1, }', 'd: [ ]');
    assert.equal(after(text, (doc, style) => insertItem(doc.text, seq(doc, ['a']), '8080', style)), yaml('a: [80, 443, 8080]', 'b: [80, 443, ]', 'c: {x: 1, }', 'd: [ ]'));
    assert.equal(after(text, (doc, style) => insertItem(doc.text, seq(doc, ['b']), '8080', style)), yaml('a: [80, 443]', 'b: [80, 443, 8080, ]', 'c: {x: 1, }', 'd: [ ]'));
    assert.equal(after(text, (doc, style) => insertPair(doc.text, map(doc, ['c']), 'y', '2', style)), yaml('a: [80, 443]', 'b: [80, 443, ]', 'c: {x: 1, y: 2, }', 'd: [ ]'));
    assert.equal(after(text, (doc, style) => insertItem(doc.text, seq(doc, ['d']), '8080', style)), yaml('a: [80, 443]', 'b: [80, 443, ]', 'c: {x: 1, }', 'd: [8080]'));
  });

  it('refuses to add to a flow collection the parser could not close', () => {
    for (const text of [yaml('a: [80, 443', 'b: 1'), yaml('a: [80, {x: 1}'), yaml('a: {x: [1], y: {z: 2}')]) {
      const doc = parse(text);
      const node = nodeAtPath(doc.root, ['a']);
      if (isSeq(node)) assert.equal(insertItem(doc.text, node, '8080', styleOf(doc)), undefined, text);
      else assert.equal(insertPair(doc.text, map(doc, ['a']), 'k', 'v', styleOf(doc)), undefined, text);
    }
  });

  it('adds an item to the list under a key, whatever is written there', () => {
    const style = (text: string) => styleOf(parse(text));
    const add = (text: string, before?: string) =>
      after(text, (doc) => {
        const spec = map(doc, ['spec']);
        return insertListItem(doc.text, spec, 'volumes', { name: 'v', emptyDir: '{}' }, style(text), before ? pair(spec, before) : undefined);
      });
    assert.equal(add(yaml('spec:', '  volumes:', '  - name: a', '  containers: []')), yaml('spec:', '  volumes:', '  - name: a', '  - name: v', '    emptyDir: {}', '  containers: []'));
    assert.equal(add(yaml('spec:', '  volumes: [{name: a}, ]')), yaml('spec:', '  volumes: [{name: a}, {name: v, emptyDir: {}}, ]'));
    assert.equal(add(yaml('spec:', '  volumes:', '  containers: []')), yaml('spec:', '  volumes:', '    - name: v', '      emptyDir: {}', '  containers: []'));
    assert.equal(add(yaml('spec:', '  containers:', '  - name: c')), yaml('spec:', '  containers:', '  - name: c', '  volumes:', '  - name: v', '    emptyDir: {}'));
    assert.equal(add(yaml('spec:', '  containers:', '  - name: c'), 'containers'), yaml('spec:', '  volumes:', '  - name: v', '    emptyDir: {}', '  containers:', '  - name: c'));
    assert.equal(add(yaml('spec:', '  volumes: none')), undefined);
  });

  it('writes every insertion with the document’s Windows line ends', () => {
    const text = 'spec:\r\n  volumes:\r\n  - name: a\r\n  containers:\r\n  - name: c\r\n  empty:\r\n';
    assert.equal(
      after(text, (doc, style) => insertItem(doc.text, seq(doc, ['spec', 'volumes']), { name: 'b', emptyDir: '{}' }, style)),
      'spec:\r\n  volumes:\r\n  - name: a\r\n  - name: b\r\n    emptyDir: {}\r\n  containers:\r\n  - name: c\r\n  empty:\r\n',
    );
    assert.equal(
      after(text, (doc, style) => insertPairBefore(doc.text, map(doc, ['spec']), pair(map(doc, ['spec']), 'containers'), 'hostname', 'h', style)),
      'spec:\r\n  volumes:\r\n  - name: a\r\n  hostname: h\r\n  containers:\r\n  - name: c\r\n  empty:\r\n',
    );
    assert.equal(
      after(text, (doc, style) => fillEmptyPair(doc.text, pair(map(doc, ['spec']), 'empty'), { k: 'v' }, style)),
      'spec:\r\n  volumes:\r\n  - name: a\r\n  containers:\r\n  - name: c\r\n  empty:\r\n    k: v\r\n',
    );
  });

  it('keeps Windows line ends', () => {
    const text = 'a:\r\n  x: 1\r\n';
    assert.equal(after(text, (doc, style) => insertPair(doc.text, map(doc, ['a']), 'y', '2', style)), 'a:\r\n  x: 1\r\n  y: 2\r\n');
  });
});

describe('document/yamlEdits: removing', () => {
  it('removes a block pair with all its lines, keeping the comment above the next key', () => {
    const text = yaml('spec:', '  volumes:', '    - name: a', '      emptyDir: {}', '  # the containers', '  containers: []');
    assert.equal(after(text, (doc) => removePair(doc.text, map(doc, ['spec']), pair(map(doc, ['spec']), 'volumes'))), yaml('spec:', '  # the containers', '  containers: []'));
  });

  it('removes the first pair of a list item, the next key taking its place after the dash', () => {
    const text = yaml('containers:', '  - volumes:', '      - name: a', '    name: web', '    image: b');
    assert.equal(
      after(text, (doc) => removePair(doc.text, map(doc, ['containers', 0]), pair(map(doc, ['containers', 0]), 'volumes'))),
      yaml('containers:', '  - name: web', '    image: b'),
    );
  });

  it('removes flow pairs with their comma, in the middle and at the end', () => {
    const text = yaml('c: {name: a, env: [], image: b}');
    assert.equal(after(text, (doc) => removePair(doc.text, map(doc, ['c']), pair(map(doc, ['c']), 'env'))), yaml('c: {name: a, image: b}'));
    assert.equal(after(text, (doc) => removePair(doc.text, map(doc, ['c']), pair(map(doc, ['c']), 'image'))), yaml('c: {name: a, env: []}'));
  });

  it('removes a pair whose value is a block scalar, and only its lines', () => {
    const text = yaml('c:', '  script: |', '    echo hi', '', '  image: b');
    assert.equal(after(text, (doc) => removePair(doc.text, map(doc, ['c']), pair(map(doc, ['c']), 'script'))), yaml('c:', '', '  image: b'));
  });

  it('removes a block list item with its lines, and a flow item with its comma', () => {
    const text = yaml('volumes:', '  - name: a', '    emptyDir: {}', '  - name: b # keep', '    emptyDir: {}', 'ports: [80, 81]');
    assert.equal(after(text, (doc) => removeItem(doc.text, seq(doc, ['volumes']), seq(doc, ['volumes']).items[0] as Node)), yaml('volumes:', '  - name: b # keep', '    emptyDir: {}', 'ports: [80, 81]'));
    assert.equal(after(text, (doc) => removeItem(doc.text, seq(doc, ['ports']), seq(doc, ['ports']).items[1] as Node)), yaml('volumes:', '  - name: a', '    emptyDir: {}', '  - name: b # keep', '    emptyDir: {}', 'ports: [80]'));
  });
});

describe('document/yamlEdits: moving', () => {
  const move = (text: string, fromPath: Path, key: string, toPath: Path) =>
    after(text, (doc, style) => movePair(doc.text, map(doc, fromPath), pair(map(doc, fromPath), key), map(doc, toPath), style));

  it('moves a block pair to another mapping, re-indented, with its comments', () => {
    const text = yaml('spec:', '  containers:', '    - name: a', '      nodeSelector: # where', '        disk: ssd', '      image: b', '  hostname: h');
    assert.equal(move(text, ['spec', 'containers', 0], 'nodeSelector', ['spec']), yaml('spec:', '  containers:', '    - name: a', '      image: b', '  hostname: h', '  nodeSelector: # where', '    disk: ssd'));
  });

  it('moves the last pair of the target’s last value in place (one edit, no overlap)', () => {
    const text = yaml('spec:', '  containers:', '  - name: a', '    volumes:', '    - name: v', '      emptyDir: {}');
    const doc = parse(text);
    const edits = movePair(doc.text, map(doc, ['spec', 'containers', 0]), pair(map(doc, ['spec', 'containers', 0]), 'volumes'), map(doc, ['spec']), styleOf(doc));
    assert.equal(edits?.length, 1);
    assert.equal(applyEdits(text, edits!), yaml('spec:', '  containers:', '  - name: a', '  volumes:', '  - name: v', '    emptyDir: {}'));
  });

  it('merges lists: appends the items at the target’s dash column, keeping their dash spacing', () => {
    const text = yaml('spec:', '  containers:', '  -   name: a', '      volumes:', '      -   name: v', '          emptyDir: {}', '  volumes:', '  -   name: w', '      emptyDir: {}');
    assert.equal(
      move(text, ['spec', 'containers', 0], 'volumes', ['spec']),
      yaml('spec:', '  containers:', '  -   name: a', '  volumes:', '  -   name: w', '      emptyDir: {}', '  -   name: v', '      emptyDir: {}'),
    );
  });

  it('merges a flow mapping into a block mapping, and refuses when a key is set on both sides', () => {
    const text = yaml('spec:', '  containers:', '  - name: a', '    nodeSelector: {disk: ssd}', '  nodeSelector:', '    zone: a');
    assert.equal(move(text, ['spec', 'containers', 0], 'nodeSelector', ['spec']), yaml('spec:', '  containers:', '  - name: a', '  nodeSelector:', '    zone: a', '    disk: ssd'));
    const clash = yaml('spec:', '  containers:', '  - name: a', '    nodeSelector: {zone: b}', '  nodeSelector:', '    zone: a');
    assert.equal(move(clash, ['spec', 'containers', 0], 'nodeSelector', ['spec']), undefined);
  });

  it('moves a one-line pair into a flow mapping, and refuses a multi-line one', () => {
    const text = yaml('spec:', '  containers:', '  - {name: a}', '  ports: [{containerPort: 80}]', '  env:', '  - name: X');
    assert.equal(move(text, ['spec'], 'ports', ['spec', 'containers', 0]), yaml('spec:', '  containers:', '  - {name: a, ports: [{containerPort: 80}]}', '  env:', '  - name: X'));
    assert.equal(move(text, ['spec'], 'env', ['spec', 'containers', 0]), undefined);
  });

  it('moves a pair under keys the target lacks, created in the document’s unit', () => {
    const text = yaml('spec:', '    securityContext:', '        privileged: true # why', '        runAsNonRoot: true', '    containers:', '    -   name: a', '        image: b');
    assert.equal(
      after(text, (doc, style) => movePairUnder(doc.text, map(doc, ['spec', 'securityContext']), pair(map(doc, ['spec', 'securityContext']), 'privileged'), map(doc, ['spec', 'containers', 0]), ['securityContext'], style)),
      yaml('spec:', '    securityContext:', '        runAsNonRoot: true', '    containers:', '    -   name: a', '        image: b', '        securityContext:', '            privileged: true # why'),
    );
  });

  it('renames the key on the way when asked, keeping its quotes', () => {
    const text = yaml('spec:', '  containers:', '  - name: a', '    "nodeSelecter": {disk: ssd}', '  hostname: h');
    assert.equal(
      after(text, (doc, style) => movePair(doc.text, map(doc, ['spec', 'containers', 0]), pair(map(doc, ['spec', 'containers', 0]), 'nodeSelecter'), map(doc, ['spec']), style, 'nodeSelector')),
      yaml('spec:', '  containers:', '  - name: a', '  hostname: h', '  "nodeSelector": {disk: ssd}'),
    );
  });

  it('refuses to merge two scalars', () => {
    const text = yaml('spec:', '  containers:', '  - name: a', '    image: x', '  image: y');
    assert.equal(move(text, ['spec'], 'image', ['spec', 'containers', 0]), undefined);
  });
});

describe('document/yamlEdits: scalars', () => {
  const cases: [string, string, string][] = [
    ['k: always', 'Always', 'k: Always'],
    ['k: "always"', 'Always', 'k: "Always"'],
    ["k: 'always'", 'Always', "k: 'Always'"],
    ["k: 'a'", "it's", "k: 'it''s'"],
    ['k: x', 'a: b', 'k: "a: b"'],
    ['k: x', 'true', 'k: "true"'],
  ];
  for (const [before, value, expected] of cases) {
    it(`renames ${before} to ${value} keeping the quoting: ${expected}`, () => {
      assert.equal(after(before + '\n', (doc) => renameScalar(scalar(doc, ['k']), value)), expected + '\n');
    });
  }

  it('quotes a number as written and unquotes a quoted number', () => {
    assert.equal(after('k: 08.50\n', (doc) => quoteScalar(doc.text, scalar(doc, ['k']))), 'k: "08.50"\n');
    assert.equal(after("k: '8080'\n", (doc) => unquoteScalar(scalar(doc, ['k']))), 'k: 8080\n');
  });
});
