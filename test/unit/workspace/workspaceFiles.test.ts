import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globMatcher, listYamlFiles } from '../../../server/src/host/workspaceFiles';

describe('workspace: the YAML files of a folder', () => {
  it('files.exclude globs: ** across folders, * and ? in a name, {a,b}, and a bare name at any depth', () => {
    const cases: [string, string, boolean][] = [
      ['**/charts', 'deploy/charts/x.yaml', true],
      ['**/charts', 'deploy/chart/x.yaml', false],
      ['build', 'app/build/out.yaml', true],
      ['*.generated.yaml', 'k8s/app.generated.yaml', true],
      ['k8s/*.yaml', 'k8s/app.yaml', true],
      ['k8s/*.yaml', 'other/k8s/app.yaml', false],
      ['**/{dist,out}', 'web/out/a.yaml', true],
      ['v?/**', 'v1/a/b.yaml', true],
      ['v?/**', 'v10/a.yaml', false],
    ];
    for (const [glob, file, excluded] of cases) assert.equal(globMatcher(glob)(file), excluded, `${glob} on ${file}`);
  });

  it('a glob is matched in linear time on a long path', () => {
    const path = Array.from({ length: 2000 }, () => 'a').join('/') + '/x.yaml';
    assert.equal(globMatcher('**/a*a*a*a*b/**')(path), false);
  });

  it('lists .yaml and .yml files, skipping .git, node_modules, excluded and oversized files, up to a count', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'podsmith-files-'));
    try {
      for (const [file, size] of [['a.yaml', 10], ['b.yml', 10], ['big.yaml', 5000], ['notes.txt', 10], ['.git/x.yaml', 10], ['node_modules/m/y.yaml', 10], ['gen/z.yaml', 10], ['k8s/svc.yaml', 10]] as const) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), 'x'.repeat(size));
      }
      const listed = await listYamlFiles(root, { maxFiles: 10, maxFileSize: 1000, exclude: ['gen'] });
      assert.deepEqual(listed.files.map((f) => path.relative(root, f)), ['a.yaml', 'b.yml', path.join('k8s', 'svc.yaml')]);
      assert.equal(listed.truncated, false);
      const cut = await listYamlFiles(root, { maxFiles: 2, maxFileSize: 1000, exclude: [] });
      assert.deepEqual([cut.files.length, cut.truncated], [2, true]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
