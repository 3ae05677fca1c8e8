/**
 * The settings each open document is checked with: the `.podsmith.yaml` at the root of its workspace folder
 * (read from disk, read-only, for folders on disk; or its text while the editor has it open) under the settings
 * the editor sends. Wiring for server.ts: it reads a file, so it stays out of the pure service.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROJECT_CONFIG_FILE, readProjectConfig, withProjectConfig } from './service/projectConfig';
import { normalizeSettings, type PodsmithSettings } from './core/settings';

export class WorkspaceSettings {
  /** The `podsmith` section as the editor last sent it (VS Code's settings; a `setByUser` list when it sends one). */
  private editor: unknown = {};
  /** The same section for each workspace folder (its folder settings over the workspace's), where the editor says. */
  private readonly editorOf = new Map<string, unknown>();
  /** What each folder's project file sets, by the folder's URI with a trailing slash. */
  private readonly projectOf = new Map<string, Readonly<Record<string, unknown>>>();
  /** The settings of each folder (and of files outside every folder, under ''), worked out once per change. */
  private readonly settingsOf = new Map<string, PodsmithSettings>();

  /** The workspace folders the client opened; the project file of each folder on disk is read now. */
  addFolders(uris: readonly string[]): void {
    for (const uri of uris) {
      if (uri.startsWith('file:')) this.load(uri.endsWith('/') ? uri : `${uri}/`);
    }
  }

  setEditorSettings(raw: unknown): void {
    this.editor = raw ?? {};
    this.settingsOf.clear();
  }

  /** The editor's settings for one workspace folder: every setting is per folder (scope `resource`), as the project file is. */
  setFolderEditorSettings(folderUri: string, raw: unknown): void {
    this.editorOf.set(folderUri.endsWith('/') ? folderUri : `${folderUri}/`, raw ?? {});
    this.settingsOf.clear();
  }

  settingsFor(uri: string): PodsmithSettings {
    const folder = this.folderOf(uri);
    let settings = this.settingsOf.get(folder);
    if (!settings) {
      const project = this.projectOf.get(folder);
      const editor = this.editorOf.get(folder) ?? this.editor;
      settings = normalizeSettings(project ? withProjectConfig(project, editor) : editor);
      this.settingsOf.set(folder, settings);
    }
    return settings;
  }

  /**
   * A document changed: when it is a folder's project file, its new text (or, without it, the file on disk)
   * applies from now on. Returns whether the settings changed.
   */
  projectFileChanged(uri: string, text?: () => string): boolean {
    // Called on every edit of every document: the name decides before anything else is looked at.
    if (!uri.endsWith(`/${PROJECT_CONFIG_FILE}`)) return false;
    const folder = [...this.projectOf.keys()].find((f) => uri === `${f}${PROJECT_CONFIG_FILE}`);
    if (folder === undefined) return false;
    this.load(folder, text?.());
    return true;
  }

  /** Every folder's `podsmith.crds` entries (the editor's, or its project file's), each with the folder it is relative to. */
  crdEntries(): { folder: string; entry: string }[] {
    const out: { folder: string; entry: string }[] = [];
    for (const folder of this.projectOf.keys()) {
      for (const entry of this.settingsFor(folder).crds) out.push({ folder: fileURLToPath(folder), entry });
    }
    return out;
  }

  private folderOf(uri: string): string {
    let best = '';
    for (const folder of [...this.projectOf.keys(), ...this.editorOf.keys()]) {
      if (uri.startsWith(folder) && folder.length > best.length) best = folder;
    }
    return best;
  }

  private load(folder: string, text?: string): void {
    let source = text;
    if (source === undefined) {
      try {
        source = readFileSync(fileURLToPath(`${folder}${PROJECT_CONFIG_FILE}`), 'utf8');
      } catch {
        source = '';
      }
    }
    // The file's mistakes are shown in it (the facade validates it as a configuration); what it sets right applies.
    this.projectOf.set(folder, readProjectConfig(source).values);
    this.settingsOf.clear();
  }
}
