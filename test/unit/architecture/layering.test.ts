/**
 * The layer order of ARCHITECTURE.md, enforced: every module of server/src, client/src, cli/src and shared imports only its
 * own layer and the layers below it, and no chain of imports comes back to where it started.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importCycles, importSpecifiers, layerOf, parseLayers, readImportGraph, upwardImports, type ImportEdge } from './importGraph';

const ROOT = path.resolve(__dirname, '../../..');
const LAYERS = parseLayers(readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8'));
const GRAPH = readImportGraph(ROOT, ['server/src', 'client/src', 'cli/src', 'shared']);

describe('architecture: layers', () => {
  it('reads the real graph: every module, and the imports the facade is known to make', () => {
    assert.ok(GRAPH.modules.length > 100, `${GRAPH.modules.length} modules`);
    assert.ok(GRAPH.edges.some((e) => e.from === 'server/src/server.ts' && e.to === 'server/src/service/languageService.ts'));
    assert.ok(GRAPH.edges.some((e) => e.from === 'server/src/service/features.ts' && e.to === 'server/src/hover/hover.ts'));
  });

  it('every module belongs to a layer ARCHITECTURE.md names', () => {
    const named = new Set(LAYERS.flat());
    const unplaced = [...new Set(GRAPH.modules.map(layerOf))].filter((layer) => !named.has(layer));
    assert.deepEqual(unplaced, [], 'add the new directory to the ```layers block of ARCHITECTURE.md');
  });

  it('no module imports a layer above its own, or a peer of its layer', () => {
    assert.deepEqual(upwardImports(GRAPH.edges, LAYERS), []);
  });

  it('the client and the server share only shared/: neither imports the other', () => {
    const crossing = GRAPH.edges.filter(({ from, to }) => {
      const a = layerOf(from);
      const b = layerOf(to);
      return (a === 'client') !== (b === 'client') && a !== 'shared' && b !== 'shared';
    });
    assert.deepEqual(crossing.map((e) => `${e.from} -> ${e.to}`), []);
  });

  it('nothing but the entry points (the server, its helper thread and the command line) imports the facade', () => {
    const importers = GRAPH.edges.filter((e) => e.to === 'server/src/service/languageService.ts').map((e) => e.from);
    const entryPoints = new Set(['server/src/server.ts', 'server/src/checkThread.ts']);
    assert.deepEqual(importers.filter((m) => !entryPoints.has(m) && !m.startsWith('cli/src/')), []);
    assert.ok(importers.includes('server/src/server.ts'));
  });

  it('the import graph has no cycle', () => {
    assert.deepEqual(importCycles(GRAPH.modules, GRAPH.edges), []);
  });
});

describe('architecture: the checks themselves', () => {
  const layers = [['core'], ['pod'], ['hover', 'completion'], ['service']];
  const edge = (from: string, to: string): ImportEdge => ({ from: `server/src/${from}`, to: `server/src/${to}` });

  it('an import of a higher layer, or of a peer, is reported; a downward one is not', () => {
    const edges = [edge('pod/a.ts', 'service/b.ts'), edge('hover/a.ts', 'completion/b.ts'), edge('hover/a.ts', 'core/b.ts'), edge('pod/a.ts', 'pod/c.ts')];
    assert.deepEqual(upwardImports(edges, layers), [
      'server/src/pod/a.ts (pod) imports server/src/service/b.ts (service)',
      'server/src/hover/a.ts (hover) imports server/src/completion/b.ts (completion)',
    ]);
  });

  it('a cycle of three modules is found, and a diamond is not a cycle', () => {
    const modules = ['a', 'b', 'c', 'd'];
    const cycle = [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }];
    assert.deepEqual(importCycles(modules, cycle), [['a', 'b', 'c']]);
    const diamond = [{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'd' }, { from: 'c', to: 'd' }];
    assert.deepEqual(importCycles(modules, diamond), []);
  });

  it('reads value, type-only, re-export and side-effect imports', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "import './e';",
      "import {\n  f,\n  g,\n} from './fg';",
      "const s = 'import x from \"./not\"';",
    ].join('\n');
    assert.deepEqual(importSpecifiers(text), ['./a', '../b', './c', './d', './e', './fg']);
  });

  it('places server directories, server.ts, the client and shared in their layers', () => {
    assert.equal(layerOf('server/src/pod/podSecurity/users.ts'), 'pod');
    assert.equal(layerOf('server/src/server.ts'), 'server.ts');
    assert.equal(layerOf('client/src/webview/render.ts'), 'client');
    assert.equal(layerOf('cli/src/formats/sarif.ts'), 'cli');
    assert.equal(layerOf('shared/protocol.ts'), 'shared');
  });
});
