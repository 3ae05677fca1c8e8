/**
 * The import graph of the product's sources (server/src, client/src, cli/src, shared), read from the text of each module,
 * and the checks the layering test makes on it. Type-only imports count: a type from a layer above ties the
 * layers together as much as a value does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** Module paths relative to the repository, with forward slashes. */
export function readImportGraph(root: string, dirs: readonly string[]): { modules: string[]; edges: ImportEdge[] } {
  const modules: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (rel.endsWith('.ts')) modules.push(rel);
    }
  };
  for (const dir of dirs) if (existsSync(path.join(root, dir))) walk(dir);
  const edges: ImportEdge[] = [];
  for (const from of modules) {
    for (const spec of importSpecifiers(readFileSync(path.join(root, from), 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const to = resolveModule(root, from, spec);
      if (to) edges.push({ from, to });
    }
  }
  return { modules, edges };
}

/** The specifiers of `import ... from`, `export ... from`, `import '...'` and `import('...')` in a module's text. */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) out.push(match[1] ?? match[2]);
  return out;
}

function resolveModule(root: string, from: string, spec: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  // Data files (the snippets JSON) are not modules: only TypeScript sources take part in the layers.
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return undefined;
}

/**
 * The layer order as ARCHITECTURE.md writes it: the lines of its ```layers block, bottom first; names on one line
 * are peers, which may not import each other.
 */
export function parseLayers(markdown: string): string[][] {
  const block = /```layers\n([\s\S]*?)```/.exec(markdown);
  if (!block) throw new Error('ARCHITECTURE.md has no ```layers block');
  return block[1]
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(/\s+/));
}

/** The layer a module belongs to: its directory under server/src (or `server.ts`), `client`, `cli` or `shared`. */
export function layerOf(module: string): string {
  if (module.startsWith('client/src/')) return 'client';
  if (module.startsWith('cli/src/')) return 'cli';
  if (module.startsWith('shared/')) return 'shared';
  const rest = module.replace(/^server\/src\//, '');
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest;
}

/** Imports that go to a layer above the importer's, or sideways to a peer; one line each. */
export function upwardImports(edges: readonly ImportEdge[], layers: readonly string[][]): string[] {
  const rank = new Map(layers.flatMap((peers, i) => peers.map((name) => [name, i] as const)));
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === b) continue;
    if ((rank.get(b) ?? Infinity) >= (rank.get(a) ?? -Infinity)) out.push(`${from} (${a}) imports ${to} (${b})`);
  }
  return out;
}

/** Every cycle of the graph, one per strongly connected component, as the modules in it. */
export function importCycles(modules: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(modules.map((m) => [m, []]));
  for (const { from, to } of edges) next.get(from)?.push(to);
  // Tarjan's algorithm, iterative so that a long chain of imports cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of modules) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      if (i === 0) {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = next.get(node) ?? [];
      if (i < targets.length) {
        frame[1]++;
        const target = targets[i];
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = targets.includes(node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
