/**
 * Nothing written in a manifest is ever executed. The server, client and CLI sources must not reach for any API
 * that runs code or commands (child processes, eval, the Function constructor, vm, workers, dynamic
 * require/import); and in the server bundle, the only module that loads `child_process` is vscode-languageserver's
 * `Files` helper (module resolution for other servers), which our sources never call.
 *
 * Exceptions, narrow and checked: the CLI checks files in worker threads, and its worker pool (cli/src/workerPool.ts)
 * may use worker_threads, to start its own bundle (`new Worker(__filename, ...)`) and nothing else; the language
 * server's helper thread (server/src/checkThreads.ts) may start the server's own thread bundle beside it
 * (`new Worker(path.join(__dirname, 'checkThread.js'))`) and nothing else, and that thread's entry
 * (server/src/checkThread.ts) may read its parent port. No other module of any source tree may, and the bundles load
 * no other such module.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** What executes code or commands, and how it is spelled in TypeScript sources. */
const FORBIDDEN: [string, RegExp][] = [
  ['child processes', /\bchild_process\b|\b(execSync|execFileSync|spawnSync|execFile|fork)\s*\(/],
  ['eval', /(^|[^\w.])eval\s*\(/],
  ['the Function constructor', /\bnew\s+Function\s*\(|(^|[^\w.])Function\s*\(\s*['"`]/],
  ['vm', /from\s+['"](node:)?vm['"]|require\(\s*['"](node:)?vm['"]\s*\)/],
  ['workers', /\bworker_threads\b|\bnew\s+Worker\s*\(/],
  ['string timers', /\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/],
  ['dynamic require', /\brequire\s*\(\s*[^'"`)\s]/],
  ['dynamic import', /\bimport\s*\(\s*[^'"`)\s]/],
  ['shell access through vscode-languageserver Files', /\bFiles\.(resolve|resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath)\b/],
];

function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f)).map((f) => path.join(dir, f));
}

/** The modules allowed to use worker_threads, and the one way each may start a worker (none: it starts none). */
const WORKER_POOL = path.join(ROOT, 'cli', 'src', 'workerPool.ts');
const OWN_BUNDLE_WORKER = /\bnew\s+Worker\s*\(\s*__filename\s*,/;
const CHECK_THREADS = path.join(ROOT, 'server', 'src', 'checkThreads.ts');
const CHECK_THREAD_BUNDLE_WORKER = /\bnew\s+Worker\s*\(\s*path\.join\(\s*__dirname\s*,\s*'checkThread\.js'\s*\)\s*\)/;
const WORKER_MODULES = new Map<string, RegExp | undefined>([
  [WORKER_POOL, OWN_BUNDLE_WORKER],
  [CHECK_THREADS, CHECK_THREAD_BUNDLE_WORKER],
  [path.join(ROOT, 'server', 'src', 'checkThread.ts'), undefined],
]);

describe('security: nothing from a manifest is executed', () => {
  const files = [
    ...sourcesUnder(path.join(ROOT, 'server/src')),
    ...sourcesUnder(path.join(ROOT, 'client/src')),
    ...sourcesUnder(path.join(ROOT, 'cli/src')),
    ...sourcesUnder(path.join(ROOT, 'shared')),
  ];

  it('scans the server, client and CLI sources', () => {
    assert.ok(files.some((f) => f.endsWith(path.join('server', 'src', 'server.ts'))), 'server/src/server.ts is among the scanned files');
    assert.ok(files.includes(WORKER_POOL), 'cli/src/workerPool.ts is among the scanned files');
  });

  for (const [what, pattern] of FORBIDDEN) {
    it(`no source uses ${what}`, () => {
      const hits: string[] = [];
      for (const file of files) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (!pattern.test(line)) return;
            if (what === 'workers' && WORKER_MODULES.has(file)) {
              const starts = WORKER_MODULES.get(file);
              if (!/new\s+Worker\s*\(/.test(line) || starts?.test(line)) return;
            }
            hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
      assert.deepEqual(hits, []);
    });
  }

  it('the CLI\'s worker pool starts workers only on its own bundle', () => {
    const lines = readFileSync(WORKER_POOL, 'utf8').split('\n');
    const starts = lines.filter((line) => /new\s+Worker\s*\(/.test(line));
    assert.equal(starts.length, 1, 'one place starts workers');
    assert.match(starts[0], OWN_BUNDLE_WORKER);
  });

  it('the server\'s helper thread starts only the server\'s own thread bundle', () => {
    const starts = readFileSync(CHECK_THREADS, 'utf8').split('\n').filter((line) => /new\s+Worker\s*\(/.test(line));
    assert.equal(starts.length, 1, 'one place starts the thread');
    assert.match(starts[0], CHECK_THREAD_BUNDLE_WORKER);
  });

  it('the CLI bundle loads worker_threads only in its worker pool, and no child_process or vm', function () {
    assert.deepEqual(loadersIn(this, 'dist/cli.js'), ['worker_threads in cli/src/workerPool.ts']);
  });

  it('the server bundle loads child_process only in vscode-languageserver\'s Files helper, and worker_threads only to start its helper thread', function () {
    assert.deepEqual(loadersIn(this, 'dist/server.js').sort(), ['child_process in node_modules/vscode-languageserver/lib/node/files.js', 'worker_threads in server/src/checkThreads.ts']);
  });

  it('the helper thread\'s bundle loads worker_threads only for its parent port, and no child_process or vm', function () {
    assert.deepEqual(loadersIn(this, 'dist/checkThread.js'), ['worker_threads in server/src/checkThread.ts']);
  });
});

/**
 * Which module of a development bundle loads each of child_process, vm and worker_threads (esbuild starts each
 * module with a `// <path>` comment line). Skips the test when the bundle is not built or is minified.
 */
function loadersIn(test: Mocha.Context, relativePath: string): string[] {
  const bundle = path.join(ROOT, relativePath);
  if (!existsSync(bundle)) {
    console.log(`    (skipped: ${relativePath} is not built)`);
    test.skip();
  }
  const text = readFileSync(bundle, 'utf8');
  if (!text.includes('// node_modules/')) {
    console.log('    (skipped: the bundle is minified and names no modules)');
    test.skip();
  }
  const loaders: string[] = [];
  for (const match of text.matchAll(/require\(["'](node:)?(child_process|vm|worker_threads)["']\)/g)) {
    const before = text.slice(0, match.index);
    const header = [...before.matchAll(/^\s*\/\/ ((?:node_modules|server|cli)\/\S+)$/gm)].pop();
    loaders.push(`${match[2]} in ${header?.[1] ?? '(unknown module)'}`);
  }
  return loaders;
}
