/**
 * The CRD files `--crds` and `crds:` in `.podsmith.yaml` name (absolute paths by now, see projectSettings.ts),
 * parsed once per process (each worker thread reads them once) and put beside every checked file in its workspace
 * index, so a custom resource is checked against its CRD exactly as the editor checks it. A path that does not
 * exist is the run's warning (crdWarnings, in the main thread), never a failure.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ManifestFile } from '../../server/src/document/manifestFile';
import type { LanguageService } from '../../server/src/service/languageService';
import type { PodsmithSettings } from '../../server/src/core/settings';
import { discoverFiles } from './discover';

const parsed = new Map<string, readonly ManifestFile[]>();

/** The parsed CRD files of these settings (the same list parses once). */
export function crdFilesOf(settings: PodsmithSettings, service: LanguageService): readonly ManifestFile[] {
  if (!settings.crds.length) return [];
  const key = settings.crds.join('\0');
  const known = parsed.get(key);
  if (known) return known;
  const files: ManifestFile[] = [];
  for (const entry of settings.crds) {
    if (!existsSync(entry)) continue;
    let found;
    try {
      found = discoverFiles([entry], [], '/');
    } catch {
      continue;
    }
    for (const file of found) {
      let text: string;
      try {
        text = readFileSync(file.readPath, 'utf8');
      } catch {
        continue;
      }
      if (text.length > settings.maxFileSize) continue;
      files.push(service.parse(TextDocument.create(pathToFileURL(file.readPath).href, 'yaml', 0, text), settings));
    }
  }
  parsed.set(key, files);
  return files;
}

/**
 * The editor reads the CRDs of the whole workspace; the CLI's workspace is the files it checks. Each checked file
 * that declares a CRD is added to every task's crds, so a resource in one file is checked against a CRD in another,
 * as in the editor. (A quick text test first: only files that name the kind are parsed, in the workers, later.)
 */
const DECLARES_CRD = /^kind:[ \t]*["']?CustomResourceDefinition["']?[ \t]*$/m;

export function withCheckedCrds<T extends { readonly readPath: string; readonly settings: PodsmithSettings }>(tasks: readonly T[]): T[] {
  const found: string[] = [];
  for (const task of tasks) {
    if (task.readPath === '-') continue;
    try {
      if (statSync(task.readPath).size > task.settings.maxFileSize) continue;
      if (DECLARES_CRD.test(readFileSync(task.readPath, 'utf8'))) found.push(task.readPath);
    } catch {
      // Unreadable: the check of the file itself says so.
    }
  }
  if (!found.length) return [...tasks];
  // One widened settings object per original one: the settings' memo key is computed once per object.
  const widened = new Map<PodsmithSettings, PodsmithSettings>();
  return tasks.map((task) => {
    let settings = widened.get(task.settings);
    if (!settings) {
      settings = { ...task.settings, crds: [...new Set([...task.settings.crds, ...found])] };
      widened.set(task.settings, settings);
    }
    return { ...task, settings };
  });
}

/** One warning per `crds` entry that does not exist, for the run's standard error. */
export function crdWarnings(entries: Iterable<string>): string[] {
  const warnings: string[] = [];
  for (const entry of new Set(entries)) {
    if (!existsSync(entry)) warnings.push(`crds: ${entry} does not exist; its CRDs are not read`);
  }
  return warnings;
}
