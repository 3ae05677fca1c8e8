/**
 * `sameValue` (document/yamlTree.ts) says whether two nodes stand for the same plain value, as comparing their
 * `toJSON()` would, without building either: the identical-probes rule compares two probes of every container.
 */
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { sameValue } from '../../../server/src/document/yamlTree';

function nodes(text: string) {
  const doc = parseDocument(text);
  return [doc.get('a', true), doc.get('b', true)] as const;
}

describe('document layer: two nodes with the same value', () => {
  const cases: [string, string, boolean][] = [
    ['mappings with the same keys in another order', 'a: {x: 1, y: [2, 3]}\nb: {y: [2, 3], x: 1}', true],
    ['block and flow style of one mapping', 'a:\n  httpGet: {path: /healthz, port: 8080}\nb: {httpGet: {port: 8080, path: /healthz}}', true],
    ['a value that differs deep inside', 'a: {httpGet: {path: /healthz, port: 8080}}\nb: {httpGet: {path: /ready, port: 8080}}', false],
    ['one key more', 'a: {x: 1}\nb: {x: 1, y: 2}', false],
    ['one key renamed', 'a: {x: 1}\nb: {z: 1}', false],
    ['lists in another order', 'a: [1, 2]\nb: [2, 1]', false],
    ['a number and the same digits as text', 'a: {port: 8080}\nb: {port: "8080"}', false],
    ['a mapping and a list', 'a: {x: 1}\nb: [x]', false],
    ['two empty values', 'a:\nb:', true],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what}: ${expected ? 'the same' : 'different'}`, () => {
      const [a, b] = nodes(text);
      assert.equal(sameValue(a, b), expected);
      assert.equal(sameValue(b, a), expected);
      // What comparing their plain values says.
      assert.equal(JSON.stringify(sortedJson(a)) === JSON.stringify(sortedJson(b)), expected);
    });
  }
});

function sortedJson(node: unknown): unknown {
  const sort = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sort) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, sort(v)])) : value;
  return sort((node as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null);
}
