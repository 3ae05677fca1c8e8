/**
 * Bugs the fuzz suite found in feature modules, each as the smallest text that showed it, beside what a person
 * now sees. (Bugs in parsing and the syntax check are in boundedParsing.test.ts.)
 */
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, withCursor } from '../support/service';

function editRange(item: CompletionItem): string {
  const edit = item.textEdit;
  const r = edit && 'range' in edit ? edit.range : edit?.replace;
  return r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : '(none)';
}

describe('reliability: regressions found by fuzzing', () => {
  it('completion after a comment line inside a flow mapping replaces only the word on the cursor line', () => {
    // Found on the Kubernetes website's init-containers example, written in flow style with a comment before
    // `initContainers`: the edit range started at the `#` a line above, so VS Code dropped every item.
    const { source, position } = withCursor(
      ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {', '  containers: [{name: a, image: b}],', '  # init work first', '  initC|', '}', ''].join('\n'),
    );
    const items = service.complete(source, position, DEFAULT_SETTINGS).items;
    const init = items.find((i) => i.label === 'initContainers');
    assert.ok(init, 'initContainers is offered');
    assert.deepEqual([...new Set(items.map(editRange))], ['6:2-6:7']);
  });
});

describe('reliability: the diagram on a crowded Pod', () => {
  const crowd = (n: number) =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: crowd}',
      'spec:',
      '  containers:',
      ...Array.from({ length: n }, (_, i) => `  - {name: c${i}, image: nginx:1.27, ports: [{containerPort: 80}]}`),
      '',
    ].join('\n');

  it('names at most five clashing containers on a port, then "and others"', () => {
    const { source, position } = withCursor(crowd(8).replace('kind: Pod', 'kind: P|od'));
    const model = service.diagram(source, position, DEFAULT_SETTINGS) as { containers: { name: string; ports: { clashWith?: string }[] }[] };
    assert.deepEqual(
      model.containers.slice(0, 3).map((c) => [c.name, c.ports[0].clashWith]),
      [
        ['c0', 'c1, c2, c3, c4, c5 and others'],
        ['c1', 'c0, c2, c3, c4, c5 and others'],
        ['c2', 'c0, c1, c3, c4, c5 and others'],
      ],
    );
  });

  it('names every clashing container when there are five or fewer', () => {
    const { source, position } = withCursor(crowd(3).replace('kind: Pod', 'kind: P|od'));
    const model = service.diagram(source, position, DEFAULT_SETTINGS) as { containers: { name: string; ports: { clashWith?: string }[] }[] };
    assert.deepEqual(
      model.containers.map((c) => [c.name, c.ports[0].clashWith]),
      [
        ['c0', 'c1, c2'],
        ['c1', 'c0, c2'],
        ['c2', 'c0, c1'],
      ],
    );
  });
});
