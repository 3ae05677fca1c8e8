/**
 * What package.json promises about untrusted and virtual workspaces, and the size limit setting, checked against
 * what the code does.
 *
 * - Untrusted workspaces: supported. Podsmith never runs anything from the workspace (see noCodeExecution.test.ts)
 *   and none of its settings names a program, a path or a URL, so a hostile `.vscode/settings.json` cannot make it
 *   run or fetch anything. A setting that does must be listed in `restrictedConfigurations`; the test below fails
 *   when one is added without it.
 * - Virtual workspaces: supported. The server checks the text the editor sends over LSP; it reads, read-only, the
 *   project's `.podsmith.yaml` at the root of a folder on disk (`file:`) and, in the host layer (server/src/host/),
 *   the workspace's YAML files for the links between files. Where a folder is not on disk (a virtual workspace) only
 *   the editor's settings apply and the index holds the open documents alone. Its Kubernetes knowledge ships inside
 *   the extension; the diagram panel saves exports through `vscode.workspace.fs`, which virtual file systems
 *   implement.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown; description?: string; markdownDescription?: string }> =
  manifest.contributes?.configuration?.properties ?? {};

function sources(dir: string): [string, string][] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [path.join(dir, f), readFileSync(path.join(ROOT, dir, f), 'utf8')]);
}

describe('package.json: workspace trust, virtual workspaces, size limit', () => {
  it('supports untrusted workspaces', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('restricts every setting that could name a program, a path or a URL in an untrusted workspace', () => {
    // Whole words of the camelCase name, so that `podSecurityStandard` (sec-URI-ty) is not taken for a URI.
    const words = (name: string) => name.split(/[.]|(?=[A-Z])/);
    const risky = Object.keys(properties).filter((name) => words(name).some((w) => /^(path|command|executable|program|url|uri|script|shell)s?$/i.test(w)));
    const restricted: string[] = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    assert.deepEqual(risky.filter((name) => !restricted.includes(name)), []);
  });

  it('supports virtual workspaces: the file system is read for the bundled knowledge, the project file and, in the host layer, the workspace files', () => {
    assert.equal(manifest.capabilities?.virtualWorkspaces?.supported, true);
    const fileSystem = /from ['"](node:)?fs(\/promises)?['"]|require\(['"](node:)?fs['"]\)|\.fsPath\b/;
    const readers = [...sources('server/src'), ...sources('client/src'), ...sources('shared')]
      .filter(([, text]) => fileSystem.test(text))
      .map(([file]) => file.split(path.sep).join('/'));
    // The server reads its own bundled knowledge (dist/schema, next to dist/server.js), the project file and, in the
    // host layer, the workspace's files.
    assert.deepEqual(
      readers.filter((f) => f !== 'server/src/schema/assets.ts' && f !== 'server/src/workspaceSettings.ts' && !f.startsWith('server/src/host/')),
      [],
      'only the loader of the bundled schema, the reader of the project file and the host layer touch the file system',
    );
    const writes = /\b(writeFile|appendFile|mkdir|rm|rmdir|unlink|rename|copyFile|truncate|open)(Sync)?\s*\(/;
    for (const [file, text] of sources('server/src/host')) assert.ok(!writes.test(text), `${file} only reads`);
  });

  it('the server reads only .podsmith.yaml of a folder on disk, and never writes', () => {
    const server = readFileSync(path.join(ROOT, 'server/src/workspaceSettings.ts'), 'utf8');
    assert.deepEqual(server.match(/import \{[^}]*\} from 'node:fs';/g), ["import { readFileSync } from 'node:fs';"]);
    const reads = server.match(/readFileSync\([^;]*;/g) ?? [];
    assert.deepEqual(reads, ["readFileSync(fileURLToPath(`${folder}${PROJECT_CONFIG_FILE}`), 'utf8');"]);
    assert.match(server, /if \(uri\.startsWith\('file:'\)\) this\.load\(/);
  });

  it('declares podsmith.maxFileSize with the server\'s default and a description', () => {
    const setting = properties['podsmith.maxFileSize'];
    assert.ok(setting, 'podsmith.maxFileSize is contributed');
    assert.equal(setting.default, DEFAULT_SETTINGS.maxFileSize);
    assert.match(setting.markdownDescription ?? setting.description ?? '', /not checked.*notice/);
  });
});
