import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, workspace } from './support';

const CRD = readFileSync(path.resolve(__dirname, '../../fixtures/crds/widget-crd.yaml'), 'utf8');
const WIDGET = 'apiVersion: shop.example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: huge\n  replicas: 2\n';

/** The rule and line of each error finding of a text report. */
function errors(stdout: string): string[] {
  return stdout.split('\n').filter((line) => / error /.test(line)).map((line) => line.split(' ').slice(0, 3).join(' '));
}

describe('cli: --crds and crds in .podsmith.yaml', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws?.cleanup());

  it('checks custom resources against the CRDs --crds names (a file or a folder); without them the kind is silent', async () => {
    ws = workspace({ 'crds/widget.yaml': CRD, 'k8s/widget.yaml': WIDGET });
    assert.deepEqual(await cli(ws.dir, ['check', 'k8s']), { code: 0, stdout: 'No problems in 1 file.\n', stderr: '' });
    for (const crds of ['crds', 'crds/widget.yaml']) {
      const run = await cli(ws.dir, ['check', '--crds', crds, 'k8s']);
      assert.equal(run.code, 1);
      assert.deepEqual(errors(run.stdout), ['k8s/widget.yaml:5:9 error custom-resource-invalid-enum']);
      assert.equal(run.stderr, '');
    }
  });

  it('a CRD among the checked files counts for the others, as in the editor\'s workspace', async () => {
    ws = workspace({ 'k8s/crd.yaml': CRD, 'k8s/widget.yaml': WIDGET });
    const run = await cli(ws.dir, ['check', 'k8s']);
    assert.deepEqual(errors(run.stdout), ['k8s/widget.yaml:5:9 error custom-resource-invalid-enum']);
    assert.equal(run.code, 1);
  });

  it('worker threads read the CRDs too: the same findings with --jobs 2', async () => {
    ws = workspace({ 'crds/widget.yaml': CRD, 'k8s/a.yaml': WIDGET, 'k8s/b.yaml': WIDGET, 'k8s/c.yaml': WIDGET });
    const one = await cli(ws.dir, ['check', '--crds', 'crds', '--jobs', '1', 'k8s']);
    const two = await cli(ws.dir, ['check', '--crds', 'crds', '--jobs', '2', 'k8s']);
    assert.equal(errors(one.stdout).length, 3);
    assert.deepEqual(two, one);
  });

  it('crds in .podsmith.yaml are relative to its folder', async () => {
    ws = workspace({ 'repo/.git/HEAD': '', 'repo/.podsmith.yaml': 'crds: [crds/]\n', 'repo/crds/widget.yaml': CRD, 'repo/k8s/widget.yaml': WIDGET });
    const run = await cli(ws.dir, ['check', 'repo/k8s']);
    assert.deepEqual(errors(run.stdout), ['repo/k8s/widget.yaml:5:9 error custom-resource-invalid-enum']);
  });

  it('a URL is a usage error; a missing path is a warning, and the run goes on', async () => {
    ws = workspace({ 'k8s/widget.yaml': WIDGET });
    assert.deepEqual(await cli(ws.dir, ['check', '--crds', 'https://example.com/crds.yaml', 'k8s']), {
      code: 2,
      stdout: '',
      stderr: 'podsmith: --crds takes a path to a CRD file or folder, not a URL ("https://example.com/crds.yaml"): podsmith never fetches anything\n',
    });
    const missing = await cli(ws.dir, ['check', '--crds', 'nowhere', 'k8s']);
    assert.equal(missing.code, 0);
    assert.equal(missing.stderr, `podsmith: warning: crds: ${path.join(ws.dir, 'nowhere')} does not exist; its CRDs are not read\n`);
  });
});
