// `npm run test:electron`: the same in-extension-host suite as test/e2e/run.sh, in desktop VS Code through
// @vscode/test-electron, for a developer machine with internet (it downloads VS Code into .vscode-test/ on first
// use; on Linux without a display, run it under `xvfb-run -a`). The machines of this project cannot download
// VS Code: there, test/e2e/run.sh runs the suite in the VS Code server instead.
//   VSCODE_VERSION=1.91.0 npm run test:electron     a given version (default: stable)
//   PODSMITH_E2E_GREP=diagnostics npm run test:electron
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSuite } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extensionTestsPath = await bundleSuite();
const userData = mkdtempSync(path.join(tmpdir(), 'podsmith-electron-'));
let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath,
    extensionTestsEnv: process.env.PODSMITH_E2E_GREP ? { PODSMITH_E2E_GREP: process.env.PODSMITH_E2E_GREP } : undefined,
    launchArgs: [
      path.join(root, 'examples'),
      '--disable-extensions', // other installed extensions stay out; the one in development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${userData}`,
    ],
  });
} catch (error) {
  console.error(`in-host suite failed: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(userData, { recursive: true, force: true });
}
process.exit(code);
