import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { diagnosticsOf, service, settingsWith, summarize, withCursor, yaml } from '../support/service';
import { applyCompletion } from './support/snippets';

/**
 * Completion in a flow sequence of objects (`containers: [|]`): the new item itself, `{...}` with the fields the
 * API server requires, and where a container goes the multi-container patterns, written in flow style.
 */
function itemsAt(marked: string): CompletionItem[] {
  const { source, position } = withCursor(marked);
  return service.complete(source, position, settingsWith()).items;
}

function item(marked: string, label: string): CompletionItem {
  const found = itemsAt(marked).find((i) => i.label === label);
  assert.ok(found, `"${label}" offered at the cursor; got ${itemsAt(marked).map((i) => i.label).join(', ')}`);
  return found;
}

/** The cursor's line after accepting the item named `label` with its defaults. */
function lineAfter(marked: string, label: string): string {
  const line = marked.slice(0, marked.indexOf('|')).split('\n').length - 1;
  return applyCompletion(marked.replace('|', ''), item(marked, label)).split('\n')[line];
}

function range(i: CompletionItem): string {
  const r = (i.textEdit as TextEdit).range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

const POD = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines);
const IN_CONTAINER = (line: string) => POD('  containers:', '    - name: app', '      image: nginx:1.27', line);
const APP_PATTERNS = ['sidecar: log shipper', 'ambassador: local proxy', 'adapter: metrics exporter'];
const INIT_PATTERNS = ['native sidecar: log shipper', 'init container: wait for a service'];

describe('completion: a new item of a flow sequence of objects', () => {
  const offers: [string, string, string[]][] = [
    ['an empty container list', POD('  containers: [|]'), ['{name: , image: }', ...APP_PATTERNS]],
    ['after a container and a comma', POD('  containers: [{name: a, image: b}, |]'), ['{name: , image: }', ...APP_PATTERNS]],
    ['an unclosed init container list', POD('  initContainers: [|'), ['{name: , image: }', ...INIT_PATTERNS]],
    ['an empty list of ports', IN_CONTAINER('      ports: [|]'), ['{containerPort: }']],
    ['an empty list of volume mounts', IN_CONTAINER('      volumeMounts: [|]'), ['{name: , mountPath: }']],
    ['an empty list of volumes', POD('  containers: [{name: a, image: b}]', '  volumes: [|]'), ['{name: }']],
    ['a list of strings (args)', IN_CONTAINER('      args: [|]'), []],
    ['before an item already written', POD('  containers: [|{name: a, image: b}]'), []],
  ];
  for (const [place, marked, expected] of offers) {
    it(`${place}: ${expected.length ? expected.join(' | ') : 'nothing'}`, () => {
      assert.deepEqual(itemsAt(marked).map((i) => i.label), expected);
    });
  }

  const accepted: [string, string, string, string][] = [
    ['container', POD('  containers: [|]'), '{name: , image: }', '  containers: [{name: , image: }]'],
    ['container after a comma', POD('  containers: [{name: a, image: b}, |]'), '{name: , image: }', '  containers: [{name: a, image: b}, {name: , image: }]'],
    ['port', IN_CONTAINER('      ports: [|]'), '{containerPort: }', '      ports: [{containerPort: }]'],
    ['volume mount', IN_CONTAINER('      volumeMounts: [{name: a, mountPath: /a}, |]'), '{name: , mountPath: }', '      volumeMounts: [{name: a, mountPath: /a}, {name: , mountPath: }]'],
  ];
  for (const [what, marked, label, line] of accepted) {
    it(`inserts a ${what} skeleton with its required fields as tab stops`, () => {
      assert.equal(lineAfter(marked, label), line);
    });
  }

  it('the skeleton is a snippet inserted at the cursor, each required field a tab stop', () => {
    const skeleton = item(POD('  containers: [{name: a, image: b}, |]'), '{name: , image: }');
    assert.equal((skeleton.textEdit as TextEdit).newText, '{name: $1, image: $2}$0');
    assert.equal(range(skeleton), '5:36-5:36');
    assert.equal(skeleton.detail, 'new Container · name, image required');
  });

  it('a container pattern is one flow mapping that the schema and the rules accept', () => {
    const marked = POD('  containers: [{name: app, image: nginx:1.27}, |]');
    assert.equal(
      lineAfter(marked, 'ambassador: local proxy'),
      '  containers: [{name: app, image: nginx:1.27}, {name: db-ambassador, image: alpine/socat:1.8.0.1, args: ["TCP-LISTEN:5432,fork,reuseaddr,bind=127.0.0.1", "TCP:db.example.svc.cluster.local:5432"], resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {memory: 64Mi}}}]',
    );
    for (const label of APP_PATTERNS) {
      const text = applyCompletion(marked.replace('|', ''), item(marked, label));
      assert.deepEqual(summarize(diagnosticsOf(text).filter((d) => d.severity === 1)), [], `${label} leaves no error`);
    }
  });

  it('the log shipper in flow style also declares the volume it shares', () => {
    const marked = POD('  containers: [|]');
    assert.equal(
      applyCompletion(marked.replace('|', ''), item(marked, 'sidecar: log shipper')),
      POD(
        '  volumes:',
        '    - name: logs',
        '      emptyDir: {}',
        '  containers: [{name: log-shipper, image: fluent/fluent-bit:3.2, args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"], volumeMounts: [{name: logs, mountPath: /var/log/app, readOnly: true}], resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {memory: 64Mi}}}]',
      ),
    );
  });

  it('inside the braces of a new item, its keys', () => {
    const labels = itemsAt(IN_CONTAINER('      volumeMounts: [{|}]')).map((i) => i.label);
    assert.deepEqual(labels, ['mountPath', 'mountPropagation', 'name', 'readOnly', 'recursiveReadOnly', 'subPath', 'subPathExpr']);
  });
});
