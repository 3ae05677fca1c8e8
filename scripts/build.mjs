// Builds everything the extension ships: the generated Kubernetes schema, our annotations, and the esbuild
// bundles for the client (dist/extension.js), the server (dist/server.js) and its helper thread (dist/checkThread.js),
// the diagram webview (dist/webview.js);
// and the command-line checker (dist/cli.js, `podsmith check`), which the extension does not ship.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { asciiBundle } from './asciiBundle.mjs';
import { yamlDebugSwitchesOff } from './yamlDebugSwitches.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --bundles-only: skip the knowledge steps (while iterating on code, with dist/schema already built).
const bundlesOnly = process.argv.includes('--bundles-only');

function runStep(script) {
  const result = spawnSync(process.execPath, [path.join(root, script)], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Knowledge first: the server bundle reads these JSON files at startup.
if (!bundlesOnly) {
  if (existsSync(path.join(root, 'scripts/generate-schema.mjs'))) runStep('scripts/generate-schema.mjs');
  if (existsSync(path.join(root, 'scripts/build-annotations.mjs'))) runStep('scripts/build-annotations.mjs');
}

// The bundles target the oldest Node.js the package promises (engines.node, ">=20" gives node20): the CLI runs on it,
// and VS Code's own Node.js is newer.
const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines;
const nodeTarget = `node${/\d+/.exec(engines.node)[0]}`;

const common = {
  bundle: true,
  platform: 'node',
  target: nodeTarget,
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [asciiBundle] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [yamlDebugSwitchesOff, asciiBundle] },
  // The server's helper thread (server/src/checkThreads.ts starts it from beside dist/server.js).
  { ...common, entryPoints: ['server/src/checkThread.ts'], outfile: 'dist/checkThread.js', plugins: [yamlDebugSwitchesOff, asciiBundle] },
  // The CLI: the same language service behind a command line; its worker threads run this same file.
  { ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [yamlDebugSwitchesOff, asciiBundle] },
];
if (existsSync(path.join(root, 'client/src/webview/main.ts'))) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview.js' });
}

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync(path.join(root, 'dist/cli.js'), 0o755);
}
