/** Runs `podsmith check` in-process on a folder of files the test writes, and collects what it prints. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../cli/src/run';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary folder with `files` (path → text or bytes); removed by `cleanup`. */
export function workspace(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'podsmith-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function cli(cwd: string, argv: string[], stdin: string | Uint8Array = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
    isTTY: false,
    defaultJobs: 1,
  });
  return { code, stdout, stderr };
}

export const POD_WITH_TYPO = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      imagePu: Always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
        limits: {memory: 64Mi}
`;

export const CLEAN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: clean
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: {cpu: 100m, memory: 64Mi}
        limits: {memory: 64Mi}
`;

/** A Pod whose only finding is a warning (an image without a tag). */
export const POD_WITH_WARNING = CLEAN_POD.replace('nginx:1.27', 'nginx');
