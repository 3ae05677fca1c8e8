import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { closeAllEditors, describeDiagnostic, openText, waitFor, waitForDiagnostics, withSetting } from './helpers';
import type * as vscode from 'vscode';

/**
 * Reliability as a person sees it in VS Code: a hostile file gets one clear finding and the editor keeps working;
 * a file above `podsmith.maxFileSize` gets a notice instead of a check; and when the language server process
 * dies, the client starts a new one and checking resumes.
 */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Our language server processes: children of this extension host running dist/server.js (Linux /proc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/dist[\\/]server\.js/.test(cmdline)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('reliability in VS Code', function () {
  after(closeAllEditors);

  it('answers 10,000 nested brackets with one finding, and keeps checking other files', async () => {
    const hostile = await openText('['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    const diagnostics = await waitForDiagnostics(hostile);
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]),
      [['yaml-syntax', 0, 256]],
      diagnostics.map(describeDiagnostic).join('\n'),
    );
    assert.match(diagnostics[0].message, /nests too deeply/);
    const normal = await openText('a: [1, 2\n');
    const after = await waitForDiagnostics(normal);
    assert.deepEqual(after.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]), [['yaml-syntax', 0, 3]]);
  });

  it('shows a notice instead of checking a file above podsmith.maxFileSize', async () => {
    await withSetting('podsmith.maxFileSize', 1000, async () => {
      const document = await openText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n' + '# filler line\n'.repeat(100));
      const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'file-too-large'));
      assert.equal(diagnostics.length, 1, diagnostics.map(describeDiagnostic).join('\n'));
      assert.match(diagnostics[0].message, /did not check this file.*podsmith\.maxFileSize/);
    });
  });

  it('starts a new language server when the process dies, and checking resumes', async function () {
    if (process.platform !== 'linux') this.skip();
    const before = await waitFor(serverPids, (p) => p.length === 1, 'the language server process');
    process.kill(before[0], 'SIGKILL');
    await waitFor(serverPids, (p) => p.length === 1 && p[0] !== before[0], 'a new language server process');
    const document = await openText('name: web\nname: api\n');
    const diagnostics = await waitForDiagnostics(document);
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]), [['duplicate-key', 1, 0]]);
  });
});
