import assert from 'node:assert/strict';
import type { DocumentSymbol, SelectionRange } from 'vscode-languageserver-types';
import { service, sourceOf, withCursor, yaml } from '../support/service';

const FILE = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: shop',
  'spec:',
  '  selector: {matchLabels: {app: shop}}',
  '  template:',
  '    metadata:',
  '      labels: {app: shop}',
  '    spec:',
  '      initContainers:',
  '        - name: migrate',
  '          image: shop-migrate:2',
  '        - name: proxy',
  '          image: envoyproxy/envoy:v1.31',
  '          restartPolicy: Always',
  '      containers:',
  '        - name: shop',
  '          image: shop:2',
  '          ports:',
  '            - name: http',
  '              containerPort: 8080',
  '      volumes:',
  '        - name: cache',
  '          emptyDir: {}',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: shop}',
  'spec: {selector: {app: shop}, ports: [{port: 80}]}',
);

/** A symbol tree as indented lines: `name — detail @ line`. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.name}${s.detail ? ` — ${s.detail}` : ''} @${s.selectionRange.start.line}`,
    ...outline(s.children ?? [], indent + '  '),
  ]);
}

describe('navigation: outline, folding, smart select', () => {
  it('the outline names each document, and the Pod\'s containers by role, their ports and the volumes', () => {
    assert.deepEqual(outline(service.documentSymbols(sourceOf(FILE))), [
      'Deployment shop — apps/v1 @3',
      '  migrate — init container, step 1 · shop-migrate:2 @11',
      '  proxy — native sidecar, step 2 · envoyproxy/envoy:v1.31 @13',
      '  shop — app container · shop:2 @17',
      '    http (8080/TCP) @20',
      '  cache — volume (emptyDir) @23',
      'Service shop — v1 @28',
    ]);
  });

  it('every symbol\'s selection lies inside its range (VS Code drops the outline otherwise)', () => {
    const check = (symbols: DocumentSymbol[]) => {
      for (const s of symbols) {
        const inside = (a: typeof s.range.start, b: typeof s.range.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
        assert.ok(inside(s.range.start, s.selectionRange.start) && inside(s.selectionRange.end, s.range.end), s.name);
        check(s.children ?? []);
      }
    };
    check(service.documentSymbols(sourceOf(FILE)));
  });

  it('folding: each document of the file, and every collection over several lines, from its key', () => {
    const ranges = service.foldingRanges(sourceOf(FILE)).map((r) => `${r.startLine}-${r.endLine}`).sort();
    assert.deepEqual(ranges, ['0-24', '10-15', '11-12', '13-15', '16-21', '17-21', '19-21', '2-3', '20-21', '22-24', '23-24', '26-29', '4-24', '6-24', '7-8', '9-24'].sort());
  });

  it('smart select grows from a value to its pair, its container, the containers, ... the document', () => {
    const marked = FILE.replace('image: shop:2', 'image: sh|op:2');
    const { source, position } = withCursor(marked);
    const [selection] = service.selectionRanges(source, [position]);
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = selection; s; s = s.parent) {
      chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    }
    assert.deepEqual(chain, [
      '18:17-18:23', // shop:2
      '18:10-18:23', // image: shop:2
      '17:10-21:33', // the container
      '17:8-21:33', // the containers list
      '16:6-21:33', // containers: ...
      '10:6-24:22', // the PodSpec
      '9:4-24:22', // spec: ...
      '7:4-24:22', // the template
      '6:2-24:22', // template: ...
      '5:2-24:22', // the Deployment's spec
      '4:0-24:22', // spec: ...
      '0:0-24:22', // the whole object
    ]);
  });
});
