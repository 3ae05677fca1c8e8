import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ManifestFile } from '../document/manifestFile';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { listYamlFiles, type WorkspaceFileLimits } from './workspaceFiles';
import { findCrdFiles, type CrdEntry } from './crdSources';

/**
 * Keeps the workspace index current: the YAML files of the workspace folders read from disk at start, again when
 * the editor says one changed, and the editor's own text for the files it shows (the editor's text of a file wins
 * over what is on disk). Folders that are not on disk (a virtual workspace) contribute only their open documents.
 */
export interface WorkspaceSyncOptions {
  /** Parses a file's text, as the service does for open documents. */
  parse(uri: string, text: string): ManifestFile;
  /** Called after the index changed (to re-check the open documents), but for the one whose edit changed it. */
  onChanged(changedUri?: string): void;
  log(message: string): void;
}

export class WorkspaceSync {
  readonly index = new WorkspaceIndex();
  private readonly open = new Set<string>();
  private readonly onDisk = new Set<string>();

  constructor(private readonly options: WorkspaceSyncOptions) {}

  /** Reads the YAML files of the folders; `progress` hears how far it got. Returns how many files it read. */
  async scan(folderUris: readonly string[], limits: WorkspaceFileLimits, progress?: (done: number, total: number) => void): Promise<{ files: number; truncated: boolean }> {
    let read = 0;
    let truncated = false;
    for (const folderUri of folderUris) {
      if (!folderUri.startsWith('file:')) continue;
      const listed = await listYamlFiles(fileURLToPath(folderUri), { ...limits, maxFiles: limits.maxFiles - read });
      truncated ||= listed.truncated;
      for (const path of listed.files) {
        await this.readFromDisk(pathToFileURL(path).href, false);
        read++;
        progress?.(read, listed.files.length);
        // Yield between files, so that requests are answered while a large workspace is read.
        if (read % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (read) this.options.onChanged();
    return { files: read, truncated };
  }

  /**
   * Reads the files `podsmith.crds` names, for their CRDs only (index.setCrdSource), replacing those read before;
   * returns what could not be read, for the person. Called at start and whenever the settings change.
   */
  async loadCrds(entries: readonly CrdEntry[], limits: WorkspaceFileLimits): Promise<readonly string[]> {
    const found = await findCrdFiles(entries, limits);
    const wanted = new Set(found.files.map((file) => pathToFileURL(file).href));
    let changed = false;
    for (const uri of this.index.crdSourceUris()) {
      if (!wanted.has(uri)) {
        this.index.removeCrdSource(uri);
        changed = true;
      }
    }
    for (const uri of wanted) {
      const text = await this.readText(uri);
      if (text === undefined) continue;
      const before = this.index.generation;
      this.index.setCrdSource(this.options.parse(uri, text));
      changed ||= this.index.generation !== before;
    }
    this.crdSources = wanted;
    if (changed) this.options.onChanged();
    return found.problems;
  }

  private crdSources = new Set<string>();

  /** The parse of an open document: it stands for the file while it is open. */
  opened(file: ManifestFile): void {
    this.open.add(file.uri);
    const before = this.index.generation;
    this.index.setFile(file);
    if (this.index.generation !== before) this.options.onChanged(file.uri);
  }

  /** A document was closed: the file on disk stands for it again (or nothing, if it was never saved there). */
  async closed(uri: string): Promise<void> {
    this.open.delete(uri);
    if (this.onDisk.has(uri)) await this.readFromDisk(uri, true);
    else if (this.index.has(uri)) {
      this.index.removeFile(uri);
      this.options.onChanged();
    }
  }

  /** The editor saw a file change on disk. */
  async changedOnDisk(uri: string, deleted: boolean): Promise<void> {
    if (!/\.ya?ml$/i.test(uri) || !uri.startsWith('file:')) return;
    if (this.crdSources.has(uri)) await this.rereadCrdSource(uri, deleted);
    if (deleted) {
      this.onDisk.delete(uri);
      if (!this.open.has(uri) && this.index.has(uri)) {
        this.index.removeFile(uri);
        this.options.onChanged();
      }
      return;
    }
    if (!this.open.has(uri)) await this.readFromDisk(uri, true);
  }

  /** A file podsmith.crds names changed on disk (the editor reports the ones inside the workspace). */
  private async rereadCrdSource(uri: string, deleted: boolean): Promise<void> {
    const before = this.index.generation;
    if (deleted) this.index.removeCrdSource(uri);
    else {
      const text = await this.readText(uri);
      if (text !== undefined) this.index.setCrdSource(this.options.parse(uri, text));
    }
    if (this.index.generation !== before) this.options.onChanged();
  }

  /** A file's text, or undefined (with a log line) when it cannot be read. */
  private async readText(uri: string): Promise<string | undefined> {
    try {
      return await fs.readFile(fileURLToPath(uri), 'utf8');
    } catch (error) {
      this.options.log(`podsmith: could not read ${uri}: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async readFromDisk(uri: string, notify: boolean): Promise<void> {
    const text = await this.readText(uri);
    if (text === undefined) return;
    this.onDisk.add(uri);
    if (this.open.has(uri)) return;
    const before = this.index.generation;
    this.index.setFile(this.options.parse(uri, text), true);
    if (notify && this.index.generation !== before) this.options.onChanged();
  }
}
