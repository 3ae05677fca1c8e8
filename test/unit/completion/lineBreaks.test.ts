import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { service, settingsWith, withCursor } from '../support/service';
import { applyCompletion } from './support/snippets';

/**
 * Completion writes the document's line break, as fixes do (both through the edit toolkit): in a CRLF document
 * every line an item inserts, its own and those of its additional edits, ends in CRLF.
 */
function accepted(marked: string, label: string): string {
  const { source, position } = withCursor(marked);
  const items: CompletionItem[] = service.complete(source, position, settingsWith()).items;
  const found = items.find((i) => i.label === label);
  assert.ok(found, `"${label}" offered at the cursor; got ${items.map((i) => i.label).join(', ')}`);
  return applyCompletion(marked.replace('|', ''), found);
}

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];

describe('completion: the document’s line break', () => {
  it('a key whose value starts on the next line', () => {
    const after = accepted(crlf(...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '      resou|'), 'resources');
    assert.equal(after, crlf(...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '      resources:', '        '));
  });

  it('a container pattern and the edits that declare and mount its volume', () => {
    const after = accepted(crlf(...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '    - |'), 'sidecar: log shipper');
    assert.doesNotMatch(after, /[^\r]\n/, 'no lone LF');
    assert.match(after, /\r\n {6}volumeMounts:\r\n {8}- name: logs\r\n {10}mountPath: \/var\/log\/app\r\n/, 'the app mounts the volume');
    assert.match(after, /\r\n {2}volumes:\r\n {4}- name: logs\r\n {6}emptyDir: \{\}\r\n/, 'the volume is declared');
  });

  it('a volume and the mount it adds to the app', () => {
    const after = accepted(crlf(...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '  volumes:', '    - |'), 'emptyDir volume');
    assert.doesNotMatch(after, /[^\r]\n/, 'no lone LF');
    assert.equal(
      after,
      crlf(...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '      volumeMounts:', '        - name: cache', '          mountPath: /cache', '  volumes:', '    - name: cache', '      emptyDir:', '        sizeLimit: 1Gi'),
    );
  });

  it('a snippet of the contributed file', () => {
    const after = accepted(crlf(...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '      |'), 'k8s-resources');
    assert.doesNotMatch(after, /[^\r]\n/, 'no lone LF');
    assert.match(after, /\r\n {6}resources:\r\n {8}requests:\r\n/);
  });

  it('a kind that adds the missing apiVersion line', () => {
    assert.equal(accepted(crlf('metadata:', '  name: web', 'kind: Dep|'), 'Deployment'), crlf('metadata:', '  name: web', 'apiVersion: apps/v1', 'kind: Deployment'));
  });

  it('a whole-document starter', () => {
    const after = accepted(crlf('# the web Pod', '|'), 'Pod manifest');
    assert.doesNotMatch(after, /[^\r]\n/, 'no lone LF');
    assert.match(after, /^# the web Pod\r\napiVersion: v1\r\nkind: Pod\r\n/);
  });
});
