/**
 * `podsmith check`: finds the files, checks each with the language service (in worker threads when --jobs asks),
 * streams each format's output in the order of the files, and returns the exit code. Standard output, standard
 * error, standard input and the current directory come in as `io`, so tests run it in-process.
 */
import { writeFileSync } from 'node:fs';
import { ALL_RULES } from '../../server/src/rules/index';
import { suggest } from '../../server/src/schema/suggest';
import { failsAt, HELP, parseArguments, UsageError, type CheckOptions, type Format } from './args';
import { checkBytes } from './checkFile';
import { runCheckTask, type CheckTask } from './checkTask';
import { discoverFiles, MissingPathError, reason, type FoundFile } from './discover';
import type { Formatter, RunInfo } from './formats/formatter';
import { githubFormatter } from './formats/github';
import { jsonFormatter } from './formats/json';
import { junitFormatter } from './formats/junit';
import { sarifFormatter } from './formats/sarif';
import { textFormatter } from './formats/text';
import { TOOL_VERSION } from './packageInfo';
import { crdWarnings, withCheckedCrds } from './crdFiles';
import { ConfigError, ProjectSettings } from './projectSettings';
import { summarize, type FileReport } from './report';
import { WorkerPool } from './workerPool';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
  /** Whether standard output is a terminal (colour by default). */
  readonly isTTY: boolean;
  /** Worker threads when --jobs is not given. */
  readonly defaultJobs: number;
}

/** Below this many files per worker, starting workers costs more than it saves. */
const FILES_PER_WORKER = 4;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CheckOptions;
  try {
    const parsed = parseArguments(argv, io.defaultJobs);
    if (parsed.command === 'help') {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    if (parsed.command === 'version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    options = parsed;
    checkRuleIds(options);
  } catch (error) {
    return usageFailure(error, io);
  }

  let files: FoundFile[];
  const projects = new ProjectSettings(options.settings, io.cwd, !options.noConfig);
  const tasks: CheckTask[] = [];
  const wantsFixes = options.outputs.some((o) => o.format === 'sarif' || o.format === 'json');
  try {
    files = discoverFiles(options.paths, options.ignore, io.cwd);
    // Settings first, for every file: a broken .podsmith.yaml stops the run before any output.
    for (const file of files) {
      tasks.push({ ...file, settings: projects.settingsFor(file.readPath === '-' ? undefined : file.readPath), fixes: wantsFixes });
    }
  } catch (error) {
    return usageFailure(error, io);
  }
  for (const warning of crdWarnings(tasks.flatMap((task) => task.settings.crds))) io.stderr(`podsmith: warning: ${warning}\n`);
  tasks.splice(0, tasks.length, ...withCheckedCrds(tasks));

  const fails = (severity: FileReport['findings'][number]['severity']) => failsAt(severity, options.failOn);
  const info: RunInfo = {
    toolVersion: TOOL_VERSION,
    cwd: io.cwd,
    fails,
    summary: options.summary,
    quiet: options.quiet,
    color: options.color ?? (io.isTTY && !process.env.NO_COLOR),
  };
  const outputs = options.outputs.map((target) => ({
    target,
    formatter: formatterOf(target.format, target.path ? { ...info, color: false } : info),
    buffer: [] as string[],
  }));
  const emit = (text: string, output: (typeof outputs)[number]) => {
    if (!text) return;
    if (output.target.path) output.buffer.push(text);
    else io.stdout(text);
  };

  const reports: FileReport[] = [];
  const onReport = (raw: FileReport) => {
    const report = options.quiet ? { ...raw, findings: raw.findings.filter((f) => fails(f.severity)) } : raw;
    reports.push(report);
    if (report.ioError) io.stderr(`podsmith: ${report.ioError}\n`);
    for (const output of outputs) emit(output.formatter.file(report), output);
  };

  try {
    await checkAll(tasks, options, io, onReport);
  } catch (error) {
    io.stderr(`podsmith: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  }

  const summary = summarize(reports, fails);
  for (const output of outputs) emit(output.formatter.end(reports, summary), output);
  for (const output of outputs) {
    if (!output.target.path) continue;
    try {
      writeFileSync(output.target.path, output.buffer.join(''));
    } catch (error) {
      io.stderr(`podsmith: cannot write ${output.target.path}: ${reason(error)}\n`);
      return EXIT_ERROR;
    }
  }
  if (summary.ioErrors) return EXIT_ERROR;
  return summary.failing ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Checks every task and hands each report to `onReport` in the order of the tasks, as soon as it and every one
 * before it are done: output streams while later files are still being checked.
 */
async function checkAll(tasks: CheckTask[], options: CheckOptions, io: CliIo, onReport: (report: FileReport) => void): Promise<void> {
  const onDisk = tasks.filter((t) => t.readPath !== '-').length;
  const workers = Math.min(options.jobs, Math.floor(onDisk / FILES_PER_WORKER));
  const pool = workers >= 2 ? new WorkerPool(workers) : undefined;
  try {
    const done = new Map<number, FileReport>();
    let next = 0;
    const flush = () => {
      while (done.has(next)) {
        onReport(done.get(next)!);
        done.delete(next++);
      }
    };
    const pending: Promise<void>[] = [];
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i];
      if (task.readPath === '-') {
        const bytes = await io.readStdin();
        done.set(i, checkBytes(options.stdinName, bytes, task.settings, { fixes: task.fixes }));
        flush();
      } else if (pool) {
        pending.push(pool.check(task).then((report) => {
          done.set(i, report);
          flush();
        }));
      } else {
        done.set(i, runCheckTask(task));
        flush();
        // Let the output be written while the next file is checked.
        if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await Promise.all(pending);
  } finally {
    await pool?.close();
  }
}

function formatterOf(format: Format, info: RunInfo): Formatter {
  switch (format) {
    case 'text':
      return textFormatter(info);
    case 'json':
      return jsonFormatter(info);
    case 'sarif':
      return sarifFormatter(info);
    case 'junit':
      return junitFormatter(info);
    case 'github':
      return githubFormatter(info);
  }
}

/** A --rule that names no rule is a mistake to say, not a setting to ignore. */
function checkRuleIds(options: CheckOptions): void {
  for (const id of Object.keys((options.settings.rules as object | undefined) ?? {})) {
    if (ALL_RULES.has(id)) continue;
    const near = suggest(id, ALL_RULES.keys());
    throw new UsageError(`--rule names an unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; docs/rules.md lists the rules`);
  }
}

function usageFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || error instanceof MissingPathError || error instanceof ConfigError) {
    io.stderr(`podsmith: ${error.message}\n`);
    return EXIT_ERROR;
  }
  io.stderr(`podsmith: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_ERROR;
}
