import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { service, settingsWith, withCursor, yaml } from '../support/service';
import { applyCompletion } from './support/snippets';

/**
 * After Enter at the end of `- name: x`, an editor keeps the line's indentation: the cursor sits at the item's
 * dash column, not under its key. There the person is still writing that item (a key at the dash column would be
 * a new item or invalid YAML), so completion offers the item's next keys and writes them at its key column.
 */
function itemsAt(marked: string): CompletionItem[] {
  const { source, position } = withCursor(marked);
  return service.complete(source, position, settingsWith()).items;
}

function accepted(marked: string, label: string): string {
  const found = itemsAt(marked).find((i) => i.label === label);
  assert.ok(found, `"${label}" offered; got ${itemsAt(marked).map((i) => i.label).join(', ')}`);
  return applyCompletion(marked.replace('|', ''), found);
}

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];
const APP = ['  containers:', '    - name: app', '      image: nginx:1.27'];

describe('completion: at the dash column of the item just begun', () => {
  it('a volumeMounts item: its next key, at the key column', () => {
    const marked = yaml(...POD, ...APP, '      volumeMounts:', '        - name: x', '        |');
    const labels = itemsAt(marked).map((i) => String(i.label));
    assert.ok(labels.includes('mountPath'), labels.join(', '));
    assert.deepEqual(labels.filter((l) => l.startsWith('- ')), [], 'no new item');
    assert.ok(!labels.includes('name'), 'name is written already');
    assert.equal(accepted(marked, 'mountPath'), yaml(...POD, ...APP, '      volumeMounts:', '        - name: x', '          mountPath: '));
  });

  it('a volumes item: its source, at the key column, nested in the document’s unit', () => {
    const marked = yaml(...POD, ...APP, '  volumes:', '    - name: cache', '    |');
    assert.equal(accepted(marked, 'emptyDir'), yaml(...POD, ...APP, '  volumes:', '    - name: cache', '      emptyDir:', '        '));
  });

  it('a container item: its keys, and its snippets at the key column', () => {
    const marked = yaml(...POD, '  containers:', '    - name: app', '    |');
    assert.equal(accepted(marked, 'image'), yaml(...POD, '  containers:', '    - name: app', '      image: '));
    assert.match(accepted(marked, 'k8s-resources'), /\n {4}- name: app\n {6}resources:\n {8}requests:\n/);
  });

  it('a compact list (the dash at its key’s column) is left as it was: the keys of the mapping that holds the list', () => {
    const marked = yaml(...POD, '  containers:', '  - name: app', '    image: nginx:1.27', '    volumeMounts:', '    - name: x', '    |');
    const labels = itemsAt(marked).map((i) => String(i.label));
    assert.ok(labels.includes('resources') && !labels.includes('mountPath'), labels.join(', '));
  });

  it('after a finished item the cursor under its keys still gets them, and a typed dash starts a new item', () => {
    const under = yaml(...POD, ...APP, '      volumeMounts:', '        - name: x', '          |');
    assert.ok(itemsAt(under).some((i) => i.label === 'mountPath'));
    const dash = yaml(...POD, ...APP, '      volumeMounts:', '        - name: x', '          mountPath: /x', '        - |');
    assert.ok(itemsAt(dash).some((i) => i.label === 'name'));
  });
});
