/** One file to check, as the main thread hands it to a worker (plain data), and the check itself. */
import { readFileSync, statSync } from 'node:fs';
import type { PodsmithSettings } from '../../server/src/core/settings';
import { checkBytes } from './checkFile';
import { reason } from './discover';
import type { FileReport } from './report';

export interface CheckTask {
  readonly displayPath: string;
  readonly readPath: string;
  readonly settings: PodsmithSettings;
  readonly fixes: boolean;
}

/**
 * Bytes beyond which a file is not even read: no UTF-8 text this long fits in maxFileSize characters (a character
 * takes at most 4 bytes), so the service would only say it is too large.
 */
const BYTES_PER_CHARACTER = 4;

export function runCheckTask(task: CheckTask): FileReport {
  let bytes: Uint8Array;
  try {
    const size = statSync(task.readPath).size;
    if (size > task.settings.maxFileSize * BYTES_PER_CHARACTER) return tooLarge(task, size);
    bytes = readFileSync(task.readPath);
  } catch (error) {
    return { path: task.displayPath, findings: [], ioError: `cannot read ${task.displayPath}: ${reason(error)}` };
  }
  return checkBytes(task.displayPath, bytes, task.settings, { fixes: task.fixes });
}

function tooLarge(task: CheckTask, size: number): FileReport {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  const zero = { line: 0, character: 0 };
  return {
    path: task.displayPath,
    findings: [
      {
        ruleId: 'file-too-large',
        severity: 'information',
        message: `Podsmith did not check this file: it is ${mb(size)}, above the limit of ${task.settings.maxFileSize.toLocaleString('en-US')} characters. Raise maxFileSize (--max-file-size, or in .podsmith.yaml) to check it anyway.`,
        range: { start: zero, end: zero },
        lineText: '',
      },
    ],
  };
}
