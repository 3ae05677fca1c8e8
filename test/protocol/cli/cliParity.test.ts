/**
 * The built CLI (dist/cli.js) as a process over a folder of defect cases and ordinary manifests: its JSON lists,
 * for every file, exactly the diagnostics the language server (dist/server.js over stdio) publishes for that
 * file's text with the same settings (rule, severity, message, range, in order); its exit codes are 1, 0 and 2;
 * its SARIF has a rule entry for every result and the same regions.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspServer, REPO_ROOT } from '../support/lspServer';

const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in the repository root; resolves when it exits. */
function runCli(args: string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_JS, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** A diagnostic as the comparison sees it: everything a person reads, with the exact range. */
function fromServer(d: Diagnostic): JsonFinding {
  return { ruleId: String(d.code), severity: SEVERITY[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range };
}

function fromCli(f: JsonFinding): JsonFinding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
}

describe('protocol: the CLI reports what the language server reports', function () {
  this.timeout(120_000);

  for (const [label, settings, flags] of [
    ['default settings', {}, []],
    ['Pod Security restricted, Kubernetes 1.30, strict profile, a rule off', { podSecurityStandard: 'restricted', kubernetesVersion: '1.30', profile: 'strict', rules: { 'image-tag': 'off' } }, ['--pod-security', 'restricted', '--kubernetes-version', '1.30', '--profile', 'strict', '--rule', 'image-tag=off']],
  ] as const) {
    it(`same findings per file, ${label}`, async () => {
      const run = await runCli(['check', '--format', 'json', '--no-config', '--jobs', '2', ...flags, 'test/fixtures/cli']);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 1);
      const json = JSON.parse(run.stdout) as { files: { path: string; findings: JsonFinding[] }[] };
      assert.equal(json.files.length, 13);
      // The settings are given at initialize, so the first diagnostics of every document already follow them.
      const server = await LspServer.start({ settings: { ...settings } });
      let compared = 0;
      try {
        for (const file of json.files) {
          const text = readFileSync(path.join(REPO_ROOT, file.path), 'utf8');
          const uri = pathToFileURL(path.join(REPO_ROOT, file.path)).href;
          const published = await server.open(uri, text);
          server.close(uri);
          assert.deepEqual(file.findings.map(fromCli), published.map(fromServer), file.path);
          compared += published.length;
        }
      } finally {
        await server.stop();
      }
      assert.ok(compared >= 20, `${compared} findings compared`);
    });
  }

  it('exit 0 on the ordinary manifests, 1 on the defects, 2 on a bad flag and on a missing path', async () => {
    assert.equal((await runCli(['check', '--no-config', 'test/fixtures/cli/manifests'])).code, 0);
    assert.equal((await runCli(['check', '--no-config', 'test/fixtures/cli/defects'])).code, 1);
    assert.deepEqual(await runCli(['check', '--fail-on', 'fatal', 'test/fixtures/cli']), {
      code: 2,
      stdout: '',
      stderr: 'podsmith: --fail-on must be one of error, warning, info, not "fatal"\n',
    });
    assert.deepEqual(await runCli(['check', 'test/fixtures/cli/nothing-here']), { code: 2, stdout: '', stderr: 'podsmith: cannot read test/fixtures/cli/nothing-here: no such file or folder\n' });
  });

  it('worker threads change nothing: the same JSON with --jobs 1 and --jobs 3', async () => {
    const [one, three] = await Promise.all([
      runCli(['check', '--format', 'json', '--no-config', '--jobs', '1', 'test/fixtures/cli']),
      runCli(['check', '--format', 'json', '--no-config', '--jobs', '3', 'test/fixtures/cli']),
    ]);
    assert.equal(one.code, 1);
    assert.equal(three.code, 1);
    assert.deepEqual(JSON.parse(three.stdout), JSON.parse(one.stdout));
  });

  it('standard input gives the same findings as the file', async () => {
    const file = 'test/fixtures/cli/defects/wrong-types.yaml';
    const fromFile = JSON.parse((await runCli(['check', '--format', 'json', '--no-config', file])).stdout);
    const fromStdin = JSON.parse((await runCli(['check', '--format', 'json', '--no-config', '-'], readFileSync(path.join(REPO_ROOT, file), 'utf8'))).stdout);
    assert.deepEqual(fromStdin.files[0].findings, fromFile.files[0].findings);
  });

  it('SARIF: a rule entry for every result, and the JSON findings\' places as 1-based regions', async () => {
    const [sarifRun, jsonRun] = await Promise.all([
      runCli(['check', '--format', 'sarif', '--no-config', 'test/fixtures/cli']),
      runCli(['check', '--format', 'json', '--no-config', 'test/fixtures/cli']),
    ]);
    assert.equal(sarifRun.code, 1);
    const run = JSON.parse(sarifRun.stdout).runs[0];
    const ids: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
    const expected = (JSON.parse(jsonRun.stdout) as { files: { path: string; findings: JsonFinding[] }[] }).files.flatMap((f) =>
      f.findings.map((x) => ({ uri: f.path, ruleId: x.ruleId, region: { startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, endLine: x.range.end.line + 1, endColumn: x.range.end.character + 1 } })),
    );
    const actual = run.results.map((r: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }) => {
      assert.equal(ids[r.ruleIndex], r.ruleId);
      return { uri: decodeURI(r.locations[0].physicalLocation.artifactLocation.uri), ruleId: r.ruleId, region: r.locations[0].physicalLocation.region };
    });
    assert.deepEqual(actual, expected);
  });
});
