import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isUrl } from '../core/settings';
import { listYamlFiles, type WorkspaceFileLimits } from './workspaceFiles';

/**
 * The files `podsmith.crds` names (in the editor's settings or `.podsmith.yaml`), found on disk: each entry is a
 * YAML file, or a folder whose YAML files are read (as the workspace's are, bounded in count and size). A relative
 * entry is relative to its workspace folder. A URL is never fetched and a missing path is never guessed at: each is
 * a problem, in words for the person, and the other entries still count. Read-only.
 */
export interface CrdEntry {
  /** The workspace folder the entry is relative to (a file system path). */
  readonly folder: string;
  /** As written in the setting. */
  readonly entry: string;
}

export interface CrdFiles {
  /** Absolute paths of the YAML files to read, without repeats, in the order of the entries. */
  readonly files: readonly string[];
  readonly problems: readonly string[];
}

export async function findCrdFiles(entries: readonly CrdEntry[], limits: WorkspaceFileLimits): Promise<CrdFiles> {
  const files: string[] = [];
  const problems: string[] = [];
  const add = (file: string) => {
    if (!files.includes(file) && files.length < limits.maxFiles) files.push(file);
  };
  for (const { folder, entry } of entries) {
    if (isUrl(entry)) {
      problems.push(`podsmith.crds: "${entry}" is a URL; Podsmith reads only files and never fetches anything. Download the CRDs and name the file or folder instead.`);
      continue;
    }
    const full = path.resolve(folder, entry);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      problems.push(`podsmith.crds: "${entry}" does not exist (looked for ${full}); its CRDs are not read.`);
      continue;
    }
    if (stat.isDirectory()) {
      const listed = await listYamlFiles(full, { ...limits, maxFiles: limits.maxFiles - files.length });
      for (const file of listed.files) add(file);
    } else if (stat.isFile() && stat.size <= limits.maxFileSize) {
      add(full);
    } else {
      problems.push(`podsmith.crds: "${entry}" is not a file or folder Podsmith reads (a file must be at most ${limits.maxFileSize.toLocaleString('en-US')} bytes).`);
    }
  }
  return { files, problems };
}
