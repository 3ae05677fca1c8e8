/**
 * The built CLI over the real manifests of the shared corpus (skipped where it is absent): for every file, its JSON
 * lists exactly the diagnostics the language server publishes for that file's text.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { sharedDataPath } from '../../../scripts/sharedData';
import { LspServer, REPO_ROOT } from '../support/lspServer';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

describe('protocol: the CLI over the real-manifest corpus reports what the language server reports', function () {
  this.timeout(300_000);

  it('the same findings, file by file', async function () {
    const corpus = sharedDataPath('corpus', 'real');
    if (!corpus) {
      console.log('    (skipped: the shared corpus is absent)');
      this.skip();
    }
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--no-config', corpus!], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 || code === 1 ? resolve(out) : reject(new Error(`podsmith check exited ${code}`))));
    });
    const json = JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; severity: string; message: string; range: Diagnostic['range'] }[] }[] };
    assert.ok(json.files.length > 100, `${json.files.length} files`);
    const server = await LspServer.start();
    let findings = 0;
    try {
      for (const file of json.files) {
        const absolute = path.resolve(REPO_ROOT, file.path);
        const uri = pathToFileURL(absolute).href;
        const published = await server.open(uri, readFileSync(absolute, 'utf8'));
        server.close(uri);
        const expected = published.map((d) => ({ ruleId: String(d.code), severity: SEVERITY[d.severity ?? 1], message: d.message, range: d.range }));
        const actual = file.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range }));
        assert.deepEqual(actual, expected, file.path);
        findings += actual.length;
      }
    } finally {
      await server.stop();
    }
    assert.ok(findings > 0, 'the corpus has findings to compare');
  });
});
