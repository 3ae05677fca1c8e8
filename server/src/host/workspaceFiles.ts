import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The YAML files of a workspace folder on disk, for the workspace index: found by walking the folder (never
 * following links), skipping `.git`, `node_modules` and what `files.exclude` excludes, bounded in count and size.
 * Read-only: nothing here writes, and nothing a file names is run.
 */
export interface WorkspaceFileLimits {
  /** At most this many files are listed; the walk stops there and says so. */
  readonly maxFiles: number;
  /** Files longer than this many bytes are left out (the editor's podsmith.maxFileSize). */
  readonly maxFileSize: number;
  /** Glob patterns of `files.exclude` that are switched on, relative to the folder. */
  readonly exclude: readonly string[];
}

export interface WorkspaceFileList {
  readonly files: readonly string[];
  /** True when maxFiles cut the list. */
  readonly truncated: boolean;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export async function listYamlFiles(root: string, limits: WorkspaceFileLimits): Promise<WorkspaceFileList> {
  const excluded = limits.exclude.map(globMatcher);
  const isExcluded = (relative: string) => excluded.some((matches) => matches(relative));
  const files: string[] = [];
  const folders = [root];
  while (folders.length) {
    const folder = folders.shift()!;
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue; // unreadable: left out, like an excluded folder
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (isExcluded(relative)) continue;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name)) folders.push(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        try {
          if ((await fs.stat(full)).size > limits.maxFileSize) continue;
        } catch {
          continue;
        }
        if (files.length === limits.maxFiles) return { files, truncated: true };
        files.push(full);
      }
    }
  }
  return { files, truncated: false };
}

/**
 * A `files.exclude` glob as a test of a path relative to the folder: `**` any number of folders, `*` and `?` within
 * one name, `{a,b}` alternatives. A pattern without a slash matches at any depth, as VS Code's do. Matched segment by
 * segment with a table, never by a regular expression built from the setting.
 */
export function globMatcher(glob: string): (relative: string) => boolean {
  const patterns = expandBraces(glob).map((p) => {
    const parts = p.split('/').filter((part) => part !== '');
    return p.includes('/') ? parts : ['**', ...parts];
  });
  return (relative) => {
    const segments = relative.split('/');
    // A folder that matches excludes everything below it: try every leading part of the path.
    return patterns.some((parts) => segments.some((_, end) => matchSegments(parts, segments.slice(0, end + 1))));
  };
}

/** `a/{b,c}/d` as `a/b/d` and `a/c/d` (one level of braces, as files.exclude uses them). */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  const close = glob.indexOf('}', open + 1);
  if (open < 0 || close < 0) return [glob];
  return glob.slice(open + 1, close).split(',').flatMap((choice) => expandBraces(glob.slice(0, open) + choice + glob.slice(close + 1)));
}

/** Whether path segments match pattern parts, `**` standing for any number of segments (a table, no backtracking). */
function matchSegments(parts: readonly string[], segments: readonly string[]): boolean {
  // reach[j]: the parts so far can match the first j segments.
  let reach = new Array<boolean>(segments.length + 1).fill(false);
  reach[0] = true;
  for (const part of parts) {
    const next = new Array<boolean>(segments.length + 1).fill(false);
    for (let j = 0; j <= segments.length; j++) {
      if (!reach[j]) continue;
      if (part === '**') {
        for (let k = j; k <= segments.length; k++) next[k] = true;
      } else if (j < segments.length && matchName(part, segments[j])) next[j + 1] = true;
    }
    reach = next;
  }
  return reach[segments.length];
}

/** One name against one pattern part with `*` and `?` (a table over the two strings). */
function matchName(pattern: string, name: string): boolean {
  let reach = new Array<boolean>(name.length + 1).fill(false);
  reach[0] = true;
  for (const ch of pattern) {
    const next = new Array<boolean>(name.length + 1).fill(false);
    for (let j = 0; j <= name.length; j++) {
      if (!reach[j]) continue;
      if (ch === '*') {
        for (let k = j; k <= name.length; k++) next[k] = true;
        break;
      }
      if (j < name.length && (ch === '?' || ch === name[j])) next[j + 1] = true;
    }
    if (ch === '*') {
      // `*` reaches every position from the first one reached.
      const first = reach.indexOf(true);
      for (let k = first; k <= name.length; k++) next[k] = true;
    }
    reach = next;
  }
  return reach[name.length];
}
