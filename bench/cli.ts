/**
 * The CLI's throughput: `podsmith check` (dist/cli.js, as a process, JSON to a pipe) over the real-manifest corpus
 * copied into a folder several times (a big repository), with one thread and with a worker per core, next to the
 * floor: the `yaml` package parsing the same files in this process, nothing else. Part of `npm run bench`; also
 * runs alone:
 *
 *   npx tsx bench/cli.ts [--corpus DIR] [--copies N] [--quick]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { sharedDataPath } from '../scripts/sharedData';
import { repeat, summarize, type Summary } from './stats';

export interface CliRun {
  readonly jobs: number;
  readonly wallMs: Summary;
  readonly megabytesPerSecond: number;
  readonly filesPerSecond: number;
  /** How many times the parse floor's time the whole check takes. */
  readonly timesFloor: number;
}

export interface CliFigures {
  readonly files: number;
  readonly bytes: number;
  readonly copies: number;
  readonly findings: number;
  /** The `yaml` package's parse of every file, in-process, one thread. */
  readonly floorMs: Summary;
  readonly floorMegabytesPerSecond: number;
  /** A run over one small file: the process's start, schema load and exit. */
  readonly startupMs: Summary;
  readonly runs: readonly CliRun[];
}

function yamlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => /\.ya?ml$/i.test(n)).map((n) => path.join(dir, n));
}

function runCli(root: string, args: string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, stdout, code }));
  });
}

export async function measureCli(root: string, corpus: string, options: { copies: number; runs: number; log: (line: string) => void }): Promise<CliFigures | undefined> {
  try {
    if (!statSync(corpus).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'podsmith-bench-cli-'));
  try {
    for (let i = 0; i < options.copies; i++) cpSync(corpus, path.join(work, `copy-${i}`), { recursive: true });
    const files = yamlFiles(work);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    options.log(`cli: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB (${options.copies} copies of the corpus)`);

    const floor = summarize(await repeat(options.runs, 1, () => {
      const t0 = performance.now();
      for (const text of texts) parseAllDocuments(text);
      return performance.now() - t0;
    }));

    const tiny = path.join(work, 'tiny.yaml');
    writeFileSync(tiny, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: "a:1"}]}\n');
    const startup = summarize(await repeat(options.runs, 1, async () => (await runCli(root, ['check', '--no-config', '--format', 'json', tiny])).ms));

    const jobsToTry = [...new Set([1, Math.min(os.availableParallelism(), 8)])];
    const runs: CliRun[] = [];
    let findings = 0;
    for (const jobs of jobsToTry) {
      options.log(`cli: --jobs ${jobs}`);
      const samples = await repeat(options.runs, 1, async () => {
        const run = await runCli(root, ['check', '--no-config', '--format', 'json', '--jobs', String(jobs), '--ignore', 'tiny.yaml', work]);
        if (run.code !== 0 && run.code !== 1) throw new Error(`podsmith check exited ${run.code}`);
        findings = (JSON.parse(run.stdout) as { summary: { findings: number } }).summary.findings;
        return run.ms;
      });
      const wallMs = summarize(samples);
      runs.push({
        jobs,
        wallMs,
        megabytesPerSecond: bytes / 1e6 / (wallMs.median / 1000),
        filesPerSecond: files.length / (wallMs.median / 1000),
        timesFloor: wallMs.median / floor.median,
      });
    }
    return { files: files.length, bytes, copies: options.copies, findings, floorMs: floor, floorMegabytesPerSecond: bytes / 1e6 / (floor.median / 1000), startupMs: startup, runs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function cliTable(f: CliFigures): string {
  const out = [
    `podsmith check over ${f.files} files, ${(f.bytes / 1e6).toFixed(1)} MB (the corpus ${f.copies} times; ${f.findings} findings), medians of wall-clock time:`,
    `  yaml parse only (floor, in-process)   ${f.floorMs.median.toFixed(0).padStart(6)} ms   ${f.floorMegabytesPerSecond.toFixed(1).padStart(6)} MB/s`,
  ];
  for (const run of f.runs) {
    out.push(`  podsmith check --jobs ${String(run.jobs).padEnd(2)}             ${run.wallMs.median.toFixed(0).padStart(6)} ms   ${run.megabytesPerSecond.toFixed(1).padStart(6)} MB/s   ${run.filesPerSecond.toFixed(0)} files/s   ${run.timesFloor.toFixed(1)}x the floor`);
  }
  out.push(`  one small file (process start to exit) ${f.startupMs.median.toFixed(0).padStart(4)} ms`);
  return out.join('\n');
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const root = path.resolve(__dirname, '..');
  const corpus = path.resolve(arg('--corpus') ?? sharedDataPath('corpus', 'real') ?? path.join(root, '..', 'shared', 'corpus', 'real'));
  const quick = process.argv.includes('--quick');
  measureCli(root, corpus, { copies: Number(arg('--copies') ?? 10), runs: quick ? 2 : 5, log: (line) => process.stderr.write(`[bench] ${line}\n`) })
    .then((figures) => console.log(figures ? cliTable(figures) : `no corpus at ${corpus}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
