/**
 * The files a run checks: each path given, and in each directory given every `.yaml` and `.yml` file below it,
 * in name order, skipping `.git`, `node_modules`, the project's `.podsmith.yaml` and what `--ignore` names. Symbolic links to folders are not
 * followed (a link back up would loop); links to files are.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../../server/src/service/projectConfig';
import { globMatcher } from './glob';

export interface FoundFile {
  /** How reports name it: relative to the current directory when below it, with forward slashes. */
  readonly displayPath: string;
  /** The path to read; `-` for standard input. */
  readonly readPath: string;
}

/** An argument that names nothing: the run stops with exit code 2 before checking anything. */
export class MissingPathError extends Error {}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
const MANIFEST = /\.ya?ml$/i;

export function discoverFiles(paths: readonly string[], ignore: readonly string[], cwd: string): FoundFile[] {
  const ignored = globMatcher(ignore);
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    found.push({ displayPath: displayPathOf(absolute, cwd), readPath: absolute });
  };
  for (const given of paths) {
    if (given === '-') {
      found.push({ displayPath: '-', readPath: '-' });
      continue;
    }
    const absolute = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      throw new MissingPathError(`cannot read ${given}: ${reason(error)}`);
    }
    if (!stats.isDirectory()) {
      // A file named on the command line is checked whatever its extension, unless an --ignore pattern names it.
      if (!ignored(displayPathOf(absolute, cwd))) add(absolute);
      continue;
    }
    walk(absolute, cwd, ignored, add);
  }
  return found;
}

function walk(root: string, cwd: string, ignored: (p: string) => boolean, add: (absolute: string) => void): void {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new MissingPathError(`cannot read the folder ${displayPathOf(dir, cwd)}: ${reason(error)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (ignored(displayPathOf(absolute, cwd))) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) folders.push(absolute);
      } else if (entry.name !== PROJECT_CONFIG_FILE && MANIFEST.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(absolute)))) {
        add(absolute);
      }
    }
    // Depth first, in name order: push the folders in reverse so the first is taken first.
    for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]);
  }
}

function isFile(absolute: string): boolean {
  try {
    return statSync(absolute).isFile();
  } catch {
    return false;
  }
}

export function displayPathOf(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

export function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or folder';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'it is a folder';
  return e?.message ?? String(error);
}
