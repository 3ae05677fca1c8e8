// Bundles the in-extension-host suite (test/e2e/suite/index.ts and every test/e2e/suite/*.e2e.ts) into one file,
// out/e2e/suite/index.js, for VS Code's extension host: `vscode` is external (the host provides it), mocha and
// everything else is bundled in. Used by test/e2e/run.sh and test/e2e/electron.mjs.
//   node test/e2e/bundle.mjs [--out FILE]   bundles (to FILE, e.g. a run's own folder) and prints the bundle's path
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteDir = path.join(root, 'test/e2e/suite');
export const suiteBundle = path.join(root, 'out/e2e/suite/index.js');

/** The test files of the suite, as names without `.e2e.ts`. */
export function suiteFiles() {
  return readdirSync(suiteDir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.e2e.ts'))
    .map((f) => f.slice(0, -'.e2e.ts'.length))
    .sort();
}

export async function bundleSuite(outfile = suiteBundle) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(suiteDir, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    define: { PODSMITH_E2E_FILES: JSON.stringify(suiteFiles()) },
    logLevel: 'error',
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  console.log(await bundleSuite(values.out ? path.resolve(values.out) : undefined));
}
