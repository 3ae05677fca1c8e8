/**
 * One completion answer carries at most MAX_COMPLETION_ITEMS items, and says it is incomplete when it cut: a Pod
 * with thousands of volumes offered every name at every mount.
 */
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { MAX_COMPLETION_ITEMS } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, withCursor, yaml } from '../support/service';

function namesOffered(volumes: number): CompletionList {
  const { source, position } = withCursor(
    yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  volumes:',
      ...Array.from({ length: volumes }, (_, i) => `  - {name: v${i}, emptyDir: {}}`),
      '  containers:',
      '    - name: a',
      '      image: b:1',
      '      volumeMounts:',
      '        - mountPath: /d',
      '          name: |',
    ),
  );
  return service.complete(source, position, DEFAULT_SETTINGS) as CompletionList;
}

describe('completion: bounded answers', () => {
  it('offers every volume of a Pod that has few, as a complete list', () => {
    const list = namesOffered(3);
    assert.deepEqual([list.isIncomplete, list.items.map((i) => i.label).sort()], [false, ['v0', 'v1', 'v2']]);
  });

  it(`offers at most ${MAX_COMPLETION_ITEMS} of 5,000 volumes, and says the list is incomplete`, () => {
    const list = namesOffered(5000);
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, MAX_COMPLETION_ITEMS);
  });
});
