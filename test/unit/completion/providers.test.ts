import assert from 'node:assert/strict';
import path from 'node:path';
import { COMPLETION_PROVIDERS } from '../../../server/src/completion/providers';
import { readImportGraph } from '../architecture/importGraph';

/**
 * Completion is shaped like hover: one context, and a list of providers that read it. The providers stay
 * independent of each other (what two need is in the context or in a module below them), so the order of the list
 * and the addition of one never change another.
 */
describe('completion: the providers', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  const graph = readImportGraph(ROOT, ['server/src/completion']);
  const list = 'server/src/completion/providers.ts';
  const providerModules = new Set(graph.edges.filter((e) => e.from === list && e.to !== 'server/src/completion/provider.ts').map((e) => e.to));

  it('are listed once each, by a stable id', () => {
    const ids = COMPLETION_PROVIDERS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
    assert.ok(providerModules.size >= 6, [...providerModules].join(', '));
  });

  it('never import one another', () => {
    const crossing = graph.edges.filter((e) => providerModules.has(e.from) && providerModules.has(e.to));
    assert.deepEqual(crossing.map((e) => `${e.from} -> ${e.to}`), []);
  });
});
