/**
 * The resolved view: every feature reads a document as kubectl does, aliases followed and merge keys applied, and
 * a finding that comes through an alias lands on the alias, pointing at the anchor.
 */
import assert from 'node:assert/strict';
import { isMap } from 'yaml';
import { ManifestDocument } from '../../../server/src/document/manifestDocument';
import { EXPANSION_BUDGET } from '../../../server/src/document/resolvedView';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { ruleTable } from '../rules/support';
import { coveredText, diagnosticsOf, service, sourceOf, withCursor, yaml } from '../support/service';

const RESOURCES = ['          resources:', '            requests: {cpu: 100m, memory: 64Mi}', '            limits: {memory: 64Mi}'];

function resolvedJson(text: string): unknown {
  const doc = ManifestDocument.parse({ text, offset: 0 }, 0);
  return isMap(doc.root) ? doc.root.toJSON() : doc.root;
}

function codes(text: string): string[] {
  return diagnosticsOf(text).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${coveredText(text, d)}`);
}

describe('resolved view: merge keys', () => {
  it('a Deployment whose template labels are `<<: *labels` is clean (the selector matches, `<<` is no label)', () => {
    const text = yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  labels: &labels',
      '    app: web',
      '    tier: frontend',
      'spec:',
      '  selector:',
      '    matchLabels: *labels',
      '  template:',
      '    metadata:',
      '      labels:',
      '        <<: *labels',
      '        version: v1',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.27',
      ...RESOURCES,
    );
    assert.deepEqual(codes(text), []);
  });

  it('applies go-yaml\'s order: a key written after `<<` wins, the earlier mapping of a list wins, a later `<<` overrides', () => {
    const text = yaml(
      'a: &a {x: 1, p: 1, z: 1}',
      'b: &b {x: 2, w: 2}',
      'explicitAfter:',
      '  <<: *a',
      '  x: 9',
      'listOrder:',
      '  <<: [*b, *a]',
      'mergeAfter:',
      '  x: 9',
      '  <<: *a',
      'inline:',
      '  <<: {q: 1}',
      '  <<: *b',
    );
    assert.deepEqual(resolvedJson(text), {
      a: { x: 1, p: 1, z: 1 },
      b: { x: 2, w: 2 },
      explicitAfter: { x: 9, p: 1, z: 1 },
      listOrder: { x: 2, p: 1, z: 1, w: 2 },
      mergeAfter: { x: 1, p: 1, z: 1 },
      inline: { q: 1, x: 2, w: 2 },
    });
  });

  it('two merge keys in one mapping are not a duplicate key', () => {
    const text = yaml('base: &base {a: 1}', 'more: &more {b: 2}', 'both:', '  <<: *base', '  <<: *more');
    assert.deepEqual(codes(text), []);
  });

  it('merged env, resources and container fields are checked like written ones, at the alias they come through', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - &app',
      '      name: app',
      '      image: busybox:1.36',
      '      env: &env',
      '        - name: MODE',
      '          value: "fast"',
      '      resources: &res',
      '        requests: {cpu: 100m, memory: 64Mi}',
      '        limits: {memory: 64Mi}',
      '    - <<: *app',
      '      name: helper',
      '      resources:',
      '        <<: *res',
      '        limits: {memory: 32Mi}',
    );
    // helper's memory request (64Mi, merged) exceeds its own limit (32Mi): reported where the request comes from.
    const found = diagnosticsOf(text).map((d) => [d.code, coveredText(text, d)]);
    assert.deepEqual(found, [['request-exceeds-limit', '*res']]);
  });

  it('ports brought in by a merge clash with the container they come from, reported on the alias', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx:1.27',
      '      ports: &ports',
      '        - containerPort: 8080',
      '      resources: &r {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}',
      '    - name: side',
      '      image: nginx:1.27',
      '      resources: *r',
      '      <<: {ports: *ports}',
    );
    assert.deepEqual(codes(text), [`shared-container-port 13:18 *ports`]);
  });
});

describe('resolved view: aliases of whole containers and volumes', () => {
  const pod = (...spec: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', ...spec);
  const workers = pod(
    '  containers:',
    '    - &worker',
    '      name: worker',
    '      image: busybox:1.36',
    '      resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}',
    '    - *worker',
  );

  it('a container list whose second item is `*worker` reports the duplicate name on the alias, pointing at the anchor', () => {
    const text = workers;
    const found = diagnosticsOf(text);
    assert.deepEqual(found.map((d) => [d.code, coveredText(text, d)]), [['duplicate-container-name', '*worker']]);
    const related = found[0].relatedInformation!.map((r) => [r.location.range.start.line, r.location.range.start.character, r.message]);
    assert.deepEqual(related, [
      [6, 12, '`worker` is first used here'],
      [5, 6, '`*worker` stands for the node anchored here as `&worker`'],
    ]);
  });

  it('offers no edit on the alias, only "disable" (an edit there would rewrite `*worker` as if it were the container)', () => {
    const text = workers;
    const source = sourceOf(text);
    const [diagnostic] = service.validate(source, DEFAULT_SETTINGS);
    const titles = service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, DEFAULT_SETTINGS).map((a) => a.title);
    assert.ok(titles.length > 0 && titles.every((t) => t.startsWith('Disable')), titles.join(', '));
  });

  it('a volume list with an alias of a volume reports the duplicate volume on the alias', () => {
    const text = pod(
      '  containers:',
      '    - name: app',
      '      image: busybox:1.36',
      '      resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}',
      '      volumeMounts: [{name: cache, mountPath: /cache}]',
      '  volumes:',
      '    - &cache {name: cache, emptyDir: {}}',
      '    - *cache',
    );
    assert.deepEqual(codes(text), ['duplicate-volume-name 11:6 *cache']);
  });

  it('hover on an alias answers without walking into what it stands for', () => {
    const { source, position } = withCursor(pod('  containers:', '    - &w {name: w, image: busybox:1.36}', '    - *|w'));
    assert.doesNotThrow(() => service.hover(source, position, DEFAULT_SETTINGS));
  });
});

describe('resolved view: bounds', () => {
  it('an alias bomb is cut after the expansion budget, with one finding, fast', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const text = yaml(...lines);
    const doc = ManifestDocument.parse({ text, offset: 0 }, 0);
    assert.equal(doc.resolved.problems.length, 1);
    assert.equal(doc.resolved.problems[0].kind, 'budget');
    assert.deepEqual(
      diagnosticsOf(text).map((d) => d.code),
      ['yaml-alias-expansion'],
    );
    assert.ok(EXPANSION_BUDGET >= 10_000);
  });
});

ruleTable('yaml-alias', 1, [
  { title: 'an alias that names no anchor', manifest: lines('a: «*nope»'), says: /names no anchor: kubectl fails/ },
  { title: 'an alias inside its own anchor', manifest: lines('a: &a [1, «*a»]'), says: /would contain itself/ },
  { title: 'a merge key whose value is not a mapping', manifest: lines('a:', '  <<: «3»'), says: /map merge requires map or sequence of maps/ },
  { title: 'a merge list with a scalar in it', manifest: lines('m: &m {x: 1}', 'a:', '  <<: [*m, «y»]'), says: /merge key/ },
  { title: 'aliases defined before use, merges of mappings: silent', manifest: lines('m: &m {x: 1}', 'a:', '  <<: [*m, {y: 2}]', 'b: *m') },
]);

function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}
