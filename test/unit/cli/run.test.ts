import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { CLEAN_POD, cli, POD_WITH_TYPO, POD_WITH_WARNING, workspace } from './support';

interface JsonOutput {
  files: { path: string; error?: string; findings: { ruleId: string; severity: string; line: number; column: number; message: string }[] }[];
  summary: { files: number; failing: number };
}

describe('cli: podsmith check', () => {
  let ws: ReturnType<typeof workspace>;
  afterEach(() => ws?.cleanup());

  it('exit 1 on an error finding, 0 on a clean folder, 0 on a warning unless --fail-on warning', async () => {
    ws = workspace({ 'bad/pod.yaml': POD_WITH_TYPO, 'clean/pod.yaml': CLEAN_POD, 'warn/pod.yaml': POD_WITH_WARNING });
    const bad = await cli(ws.dir, ['check', 'bad']);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr, '');
    assert.equal(
      bad.stdout,
      [
        'bad/pod.yaml:9:7 error unknown-field Unknown field `imagePu` in Container at spec.containers[0]: did you mean `image`?',
        ' 9 |       imagePu: Always',
        '   |       ^^^^^^^',
        '1 problem (1 error, 0 warnings) in 1 of 1 file.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(await cli(ws.dir, ['check', 'clean']), { code: 0, stdout: 'No problems in 1 file.\n', stderr: '' });
    assert.equal((await cli(ws.dir, ['check', 'warn'])).code, 0);
    assert.equal((await cli(ws.dir, ['check', '--fail-on', 'warning', 'warn'])).code, 1);
    assert.equal((await cli(ws.dir, ['check', '--rule', 'image-tag=off', '--fail-on', 'info', 'warn'])).code, 0);
  });

  it('--profile chooses the rules: api leaves out the practices (an untagged image), strict keeps them', async () => {
    ws = workspace({ 'pod.yaml': POD_WITH_WARNING });
    assert.equal((await cli(ws.dir, ['check', '--fail-on', 'warning', 'pod.yaml'])).code, 1);
    assert.deepEqual(await cli(ws.dir, ['check', '--profile', 'api', '--fail-on', 'warning', 'pod.yaml']), { code: 0, stdout: 'No problems in 1 file.\n', stderr: '' });
    assert.equal((await cli(ws.dir, ['check', '--profile', 'strict', '--fail-on', 'warning', 'pod.yaml'])).code, 1);
  });

  it('exit 2 with one line on standard error: a bad flag, a missing path, an unknown rule', async () => {
    ws = workspace({ 'pod.yaml': POD_WITH_TYPO });
    assert.deepEqual(await cli(ws.dir, ['check', '--format', 'xml']), { code: 2, stdout: '', stderr: 'podsmith: --format must be one of text, json, sarif, junit, github, not "xml"\n' });
    assert.deepEqual(await cli(ws.dir, ['check', 'nowhere.yaml']), { code: 2, stdout: '', stderr: 'podsmith: cannot read nowhere.yaml: no such file or folder\n' });
    assert.deepEqual(await cli(ws.dir, ['check', '--rule', 'image-tags=off', '.']), {
      code: 2,
      stdout: '',
      stderr: 'podsmith: --rule names an unknown rule "image-tags" (did you mean "image-tag"?); docs/rules.md lists the rules\n',
    });
  });

  it('folders: .yaml and .yml below, in name order, skipping .git, node_modules and --ignore', async () => {
    ws = workspace({
      'k8s/b.yml': POD_WITH_TYPO,
      'k8s/a.yaml': CLEAN_POD,
      'k8s/sub/c.YAML': CLEAN_POD,
      'k8s/notes.txt': 'not yaml',
      'k8s/node_modules/x.yaml': POD_WITH_TYPO,
      'k8s/.git/y.yaml': POD_WITH_TYPO,
      'k8s/generated/z.yaml': POD_WITH_TYPO,
      'k8s/skip.tmpl.yaml': POD_WITH_TYPO,
    });
    const run = await cli(ws.dir, ['check', '--format', 'json', '--ignore', 'k8s/generated/**', '--ignore', '*.tmpl.yaml', 'k8s']);
    const json = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(json.files.map((f) => f.path), ['k8s/a.yaml', 'k8s/b.yml', 'k8s/sub/c.YAML']);
    assert.equal(run.code, 1);
  });

  it('standard input, named by --stdin-name, with several documents', async () => {
    ws = workspace({});
    const run = await cli(ws.dir, ['check', '--format', 'json', '--stdin-name', 'piped.yaml', '-'], `${CLEAN_POD}---\n${POD_WITH_TYPO}`);
    const json = JSON.parse(run.stdout) as JsonOutput;
    assert.equal(json.files[0].path, 'piped.yaml');
    assert.deepEqual(json.files[0].findings.map((f) => [f.ruleId, f.line, f.column]), [['unknown-field', 21, 7]]);
    assert.equal(run.code, 1);
  });

  it('a binary file, a file that is not UTF-8 and a file above the size limit get a finding, not a crash', async () => {
    ws = workspace({
      'binary.yaml': Uint8Array.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0x01, 0x02]),
      'latin1.yaml': Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\ndata:\n  city: M'), Buffer.from([0xfc]), Buffer.from('nchen\n')]),
      'big.yaml': CLEAN_POD,
    });
    const run = await cli(ws.dir, ['check', '--format', 'json', '--max-file-size', '100', 'binary.yaml', 'latin1.yaml', 'big.yaml']);
    const json = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(
      json.files.map((f) => [f.path, f.findings.map((x) => [x.ruleId, x.severity, x.line, x.column])]),
      [
        ['binary.yaml', [['binary-file', 'error', 1, 1]]],
        ['latin1.yaml', [['not-utf8', 'error', 4, 10]]],
        ['big.yaml', [['file-too-large', 'information', 1, 1]]],
      ],
    );
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
  });

  it('an unreadable file: its error on standard error, the other files checked, exit 2', async function () {
    if (process.platform === 'win32') this.skip();
    ws = workspace({ 'ok.yaml': CLEAN_POD });
    symlinkSync(path.join(ws.dir, 'missing-target.yaml'), path.join(ws.dir, 'dangling.yaml'));
    const run = await cli(ws.dir, ['check', 'ok.yaml', 'dangling.yaml']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'podsmith: cannot read dangling.yaml: no such file or folder\n');
  });

  it('--output writes each format to its file while standard output gets the text', async () => {
    ws = workspace({ 'pod.yaml': POD_WITH_TYPO });
    const run = await cli(ws.dir, ['check', '--output', `sarif=${path.join(ws.dir, 'out.sarif')}`, '--output', `json=${path.join(ws.dir, 'out.json')}`, 'pod.yaml']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^pod\.yaml:9:7 error unknown-field/);
    assert.equal(JSON.parse(readFileSync(path.join(ws.dir, 'out.sarif'), 'utf8')).runs[0].results[0].ruleId, 'unknown-field');
    assert.equal((JSON.parse(readFileSync(path.join(ws.dir, 'out.json'), 'utf8')) as JsonOutput).files[0].findings[0].ruleId, 'unknown-field');
  });

  it('--quiet reports only findings at or above --fail-on, without the summary line', async () => {
    ws = workspace({ 'pod.yaml': POD_WITH_WARNING });
    assert.deepEqual(await cli(ws.dir, ['check', '--quiet', 'pod.yaml']), { code: 0, stdout: '', stderr: '' });
  });

  it('.podsmith.yaml: found upward from each file; the command line overrides it', async () => {
    ws = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.podsmith.yaml': 'rules:\n  image-tag: error\n',
      'apps/pod.yaml': POD_WITH_WARNING,
      'legacy/.podsmith.yaml': 'rules:\n  image-tag: off\n',
      'legacy/pod.yaml': POD_WITH_WARNING,
    });
    const run = await cli(ws.dir, ['check', '--format', 'json', '.']);
    const json = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(json.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId} ${x.severity}`)]), [
      ['apps/pod.yaml', ['image-tag error']],
      ['legacy/pod.yaml', []],
    ]);
    assert.equal(run.code, 1);
    assert.equal((await cli(ws.dir, ['check', '--rule', 'image-tag=warning', '.'])).code, 0);
    assert.equal((await cli(ws.dir, ['check', '--no-config', '.'])).code, 0);
  });

  it('.podsmith.yaml with a mistake: exit 2 and one line with its file, line and column', async () => {
    ws = workspace({ '.git/HEAD': '', '.podsmith.yaml': 'kubernetesVersion: "1.31"\nrulez:\n  image-tag: off\n', 'pod.yaml': CLEAN_POD });
    assert.deepEqual(await cli(ws.dir, ['check', '.']), {
      code: 2,
      stdout: '',
      stderr: 'podsmith: .podsmith.yaml:2:1: Unknown setting "rulez" in .podsmith.yaml (did you mean "rules"?); it accepts kubernetesVersion, profile, podSecurityStandard, maxFileSize, inlayHints, rules, validate, crds.\n',
    });
  });

  it('the configuration search stops at the repository root', async () => {
    ws = workspace({ '.podsmith.yaml': 'rules:\n  image-tag: error\n', 'repo/.git/HEAD': '', 'repo/pod.yaml': POD_WITH_WARNING });
    assert.equal((await cli(path.join(ws.dir, 'repo'), ['check', '.'])).code, 0);
    assert.equal((await cli(ws.dir, ['check', 'repo'])).code, 0);
  });
});
