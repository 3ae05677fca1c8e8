/**
 * The settings each file is checked with: the nearest `.podsmith.yaml` in its folder or above (up to the
 * repository root, the folder with `.git`), overridden by the command line's options. Each folder is looked up
 * once and each configuration file read once per run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_CONFIG_FILE, readProjectConfig } from '../../server/src/service/projectConfig';
import { normalizeSettings, type PodsmithSettings } from '../../server/src/core/settings';
import { displayPathOf, reason } from './discover';

/** A `.podsmith.yaml` that cannot be used: the run stops with exit code 2 and this one line. */
export class ConfigError extends Error {}

export class ProjectSettings {
  private readonly configOfFolder = new Map<string, string | null>();
  private readonly settingsOfConfig = new Map<string | null, PodsmithSettings>();

  constructor(
    private readonly commandLine: Readonly<Record<string, unknown>>,
    private readonly cwd: string,
    private readonly useConfigFiles: boolean,
  ) {}

  /** The settings of the file at `absolutePath` (of standard input: the current directory's). */
  settingsFor(absolutePath: string | undefined): PodsmithSettings {
    const config = this.useConfigFiles ? this.configFileFor(absolutePath ? path.dirname(absolutePath) : this.cwd) : null;
    let settings = this.settingsOfConfig.get(config);
    if (!settings) {
      settings = normalizeSettings(mergeSettings(config ? this.load(config) : {}, withAbsoluteCrds(this.commandLine, this.cwd)));
      this.settingsOfConfig.set(config, settings);
    }
    return settings;
  }

  private configFileFor(folder: string): string | null {
    const visited: string[] = [];
    let dir = folder;
    let found: string | null = null;
    for (;;) {
      const known = this.configOfFolder.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(dir);
      const candidate = path.join(dir, PROJECT_CONFIG_FILE);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(dir);
      if (existsSync(path.join(dir, '.git')) || parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.configOfFolder.set(v, found);
    return found;
  }

  private load(file: string): Record<string, unknown> {
    const shown = displayPathOf(file, this.cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read ${shown}: ${reason(error)}`);
    }
    const config = readProjectConfig(text);
    if (config.problems.length) {
      const first = config.problems[0];
      const before = text.slice(0, first.start);
      const line = before.split('\n').length;
      const column = first.start - (before.lastIndexOf('\n') + 1) + 1;
      const more = config.problems.length > 1 ? ` (and ${config.problems.length - 1} more)` : '';
      throw new ConfigError(`${shown}:${line}:${column}: ${first.message}${more}`);
    }
    // crds in the file are relative to the file's folder.
    return withAbsoluteCrds(config.values, path.dirname(file));
  }
}

/** The command line's settings over a configuration file's; rule levels merge by rule id. */
export function mergeSettings(project: Readonly<Record<string, unknown>>, commandLine: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    ...project,
    ...commandLine,
    rules: { ...(project.rules as object | undefined), ...(commandLine.rules as object | undefined) },
    validate: { ...(project.validate as object | undefined), ...(commandLine.validate as object | undefined) },
    // CRDs add up: the command line's beside the project's.
    crds: [...new Set([...((project.crds as string[] | undefined) ?? []), ...((commandLine.crds as string[] | undefined) ?? [])])],
  };
}

/** Settings whose `crds` entries are absolute, relative ones taken from `base`. */
function withAbsoluteCrds(settings: Readonly<Record<string, unknown>>, base: string): Record<string, unknown> {
  const crds = settings.crds;
  if (!Array.isArray(crds)) return { ...settings };
  return { ...settings, crds: crds.map((entry) => path.resolve(base, String(entry))) };
}
