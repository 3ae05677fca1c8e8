import type { FileReport, RunSummary } from '../report';

/** What every output format needs to know about the run besides the reports. */
export interface RunInfo {
  readonly toolVersion: string;
  /** The folder paths are relative to (SARIF's %SRCROOT%). */
  readonly cwd: string;
  /** Whether a finding of this severity is at or above --fail-on. */
  readonly fails: (severity: FileReport['findings'][number]['severity']) => boolean;
  readonly summary: boolean;
  readonly quiet: boolean;
  readonly color: boolean;
}

/**
 * An output format. `file` is called for each file in order as soon as it is checked (formats that can stream
 * return their text for it); `end` once, with every report and the totals, returns the rest.
 */
export interface Formatter {
  file(report: FileReport): string;
  end(reports: readonly FileReport[], summary: RunSummary): string;
}

/** 1-based line and column, as compilers, SARIF, JUnit readers and GitHub annotations count. */
export function oneBased(position: { line: number; character: number }): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
