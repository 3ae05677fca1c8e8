import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseManifestFile } from '../document/manifestFile';
import { ALL_RULES } from '../rules/index';
import { suggest } from '../schema/suggest';
import { isUrl } from '../core/settings';

/**
 * The project configuration file, `.podsmith.yaml`: the same settings as the extension's `podsmith.*`, committed
 * beside the manifests so the editor and CI (`podsmith check`) judge them alike. Read here, never written.
 *
 *     kubernetesVersion: "1.31"
 *     profile: recommended
 *     podSecurityStandard: baseline
 *     maxFileSize: 5000000
 *     validate:
 *       yamlSyntax: true
 *     rules:
 *       image-tag: off
 *       missing-resources: warning
 *     crds: [crds/, ../operators/crds.yaml]   # relative to this file's folder
 *
 * A key it does not know, or a value it cannot use, is a problem at its exact place (a diagnostic in the editor,
 * exit 2 in the CLI), never a silent default: a misspelled key in a shared file would otherwise change nothing and
 * nobody would notice.
 */
export const PROJECT_CONFIG_FILE = '.podsmith.yaml';

/** A mistake in the configuration file, at [start, end) of its text. */
export interface ProjectConfigProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface ProjectConfig {
  /** The settings the file sets, in the shape of the `podsmith` section (what `normalizeSettings` reads). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly problems: readonly ProjectConfigProblem[];
}

const LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
const PROFILES = ['api', 'recommended', 'strict'] as const;
const POD_SECURITY = ['off', 'baseline', 'restricted'] as const;
const INLAY_HINTS = ['behaviour', 'all', 'off'] as const;

/** Each key the file accepts and how its value is read. The keys are those of the extension's settings. */
const KEYS: Record<string, (value: Node, report: Reporter) => unknown> = {
  kubernetesVersion: readVersion,
  profile: (value, report) => readChoice(value, PROFILES, 'profile', report),
  podSecurityStandard: (value, report) => readChoice(value, POD_SECURITY, 'podSecurityStandard', report),
  maxFileSize: readMaxFileSize,
  inlayHints: (value, report) => readChoice(value, INLAY_HINTS, 'inlayHints', report),
  rules: readRules,
  validate: readValidate,
  crds: readCrds,
};

/** The keys `.podsmith.yaml` accepts, for messages and for the test that they match the extension's settings. */
export const PROJECT_CONFIG_KEYS: readonly string[] = Object.keys(KEYS);

type Reporter = (node: Node | Pair | undefined, message: string) => void;

/** Reads the text of a `.podsmith.yaml`: what it sets, and every mistake at its place. Never throws. */
export function readProjectConfig(text: string): ProjectConfig {
  const problems: ProjectConfigProblem[] = [];
  const values: Record<string, unknown> = {};
  const file = parseManifestFile(PROJECT_CONFIG_FILE, 0, text);
  const documents = file.documents.filter((doc) => doc.root !== null);
  for (const doc of file.documents) {
    for (const error of [...doc.yaml.errors]) {
      problems.push({ message: `${PROJECT_CONFIG_FILE} is not valid YAML: ${firstLine(error.message)}`, start: doc.offset + error.pos[0], end: doc.offset + error.pos[1] });
    }
  }
  if (problems.length) return { values, problems };
  if (documents.length > 1) {
    const second = documents[1];
    problems.push({ message: `${PROJECT_CONFIG_FILE} holds one YAML document; remove the second one.`, start: second.offset, end: second.offset + second.text.trimEnd().length });
    return { values, problems };
  }
  const doc = documents[0];
  if (!doc) return { values, problems };
  const at: Reporter = (node, message) => {
    const range = rangeOf(node);
    problems.push({ message, start: doc.offset + range[0], end: doc.offset + range[1] });
  };
  if (!isMap(doc.root)) {
    at(doc.root ?? undefined, `${PROJECT_CONFIG_FILE} must be a mapping of settings (${PROJECT_CONFIG_KEYS.join(', ')}).`);
    return { values, problems };
  }
  for (const pair of doc.root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const read = key !== undefined && Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!read || key === undefined) {
      at(pair.key as Node, `Unknown setting "${key ?? '?'}" in ${PROJECT_CONFIG_FILE}${suggestion(key, PROJECT_CONFIG_KEYS)}; it accepts ${PROJECT_CONFIG_KEYS.join(', ')}.`);
      continue;
    }
    if (!pair.value) {
      at(pair.key as Node, `"${key}" has no value.`);
      continue;
    }
    const value = read(pair.value as Node, at);
    if (value !== undefined) values[key] = value;
  }
  return { values, problems };
}

function readVersion(value: Node, report: Reporter): string | undefined {
  if (isScalar(value) && typeof value.value === 'number') {
    report(value, `kubernetesVersion must be a string such as "1.31": written as a number, 1.30 reads as 1.3. Quote it.`);
    return undefined;
  }
  if (!isScalar(value) || typeof value.value !== 'string' || !/^1\.\d{1,2}$/.test(value.value)) {
    report(value, `kubernetesVersion must be a Kubernetes version written "1.MINOR", such as "1.31".`);
    return undefined;
  }
  return value.value;
}

function readChoice<T extends string>(value: Node, choices: readonly T[], key: string, report: Reporter): T | undefined {
  const text = isScalar(value) ? value.value : undefined;
  if (typeof text === 'string' && (choices as readonly string[]).includes(text)) return text as T;
  // YAML 1.2 reads `off` as a string, but a YAML 1.1 habit may write `false` for it.
  if (text === false && (choices as readonly string[]).includes('off')) return 'off' as T;
  report(value, `${key} must be one of ${choices.join(', ')}${typeof text === 'string' ? suggestion(text, choices) : ''}.`);
  return undefined;
}

function readMaxFileSize(value: Node, report: Reporter): number | undefined {
  const n = isScalar(value) ? value.value : undefined;
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n;
  report(value, 'maxFileSize must be a whole number of characters above 0, such as 5000000.');
  return undefined;
}

function readRules(value: Node, report: Reporter): Record<string, string> | undefined {
  if (!isMap(value)) {
    report(value, 'rules must be a mapping of rule id to level, such as "image-tag: off".');
    return undefined;
  }
  const rules: Record<string, string> = {};
  for (const pair of value.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!ALL_RULES.has(id)) {
      report(pair.key as Node, `Unknown rule "${id}"${suggestion(id, [...ALL_RULES.keys()])}; docs/rules.md lists the rules.`);
      continue;
    }
    const level = readChoice(pair.value as Node, LEVELS, `The level of ${id}`, report);
    if (level) rules[id] = level;
  }
  return rules;
}

function readCrds(value: Node, report: Reporter): string[] | undefined {
  if (!isSeq(value)) {
    report(value, 'crds must be a list of paths to CRD files or folders, such as [crds/, ../operators/crds.yaml].');
    return undefined;
  }
  const paths: string[] = [];
  for (const item of value.items) {
    const entry = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
    if (entry === undefined || entry.trim() === '') {
      report(item as Node, 'Each entry of crds is a path (a string) to a CRD file or folder.');
      continue;
    }
    if (isUrl(entry)) {
      report(item as Node, `crds takes paths, not URLs: Podsmith never fetches anything. Download the CRDs into the repository and name the file or folder.`);
      continue;
    }
    paths.push(entry);
  }
  return paths;
}

function readValidate(value: Node, report: Reporter): Record<string, boolean> | undefined {
  if (!isMap(value)) {
    report(value, 'validate must be a mapping, such as "yamlSyntax: true".');
    return undefined;
  }
  const out: Record<string, boolean> = {};
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (key !== 'yamlSyntax') {
      report(pair.key as Node, `Unknown setting "validate.${key}" in ${PROJECT_CONFIG_FILE}; validate accepts yamlSyntax.`);
      continue;
    }
    const flag = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof flag !== 'boolean') {
      report((pair.value as Node) ?? (pair.key as Node), 'validate.yamlSyntax must be true or false.');
      continue;
    }
    out.yamlSyntax = flag;
  }
  return out;
}

/**
 * The settings an editor uses: the project file's, overridden by the editor's own. Rule levels merge by rule id.
 * `editor.setByUser` (when the client sends it) names the settings the person set; the others are the editor's
 * defaults and leave the project's value in force. Without it, every setting the editor sends overrides.
 */
export function withProjectConfig(project: Readonly<Record<string, unknown>>, editor: unknown): Record<string, unknown> {
  const raw = (editor && typeof editor === 'object' ? editor : {}) as Record<string, unknown>;
  const setByUser = Array.isArray(raw.setByUser) ? new Set(raw.setByUser.filter((k) => typeof k === 'string')) : undefined;
  const overrides = (key: string) => raw[key] !== undefined && (!setByUser || setByUser.has(key));
  const merged: Record<string, unknown> = { ...project };
  for (const key of Object.keys(raw)) {
    if (key === 'setByUser' || key === 'rules' || key === 'validate') continue;
    if (overrides(key)) merged[key] = raw[key];
  }
  const editorRules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  merged.rules = { ...(project.rules as object | undefined), ...(overrides('rules') ? editorRules : {}) };
  const editorValidate = raw.validate && typeof raw.validate === 'object' ? (raw.validate as Record<string, unknown>) : {};
  const validate: Record<string, unknown> = { ...(project.validate as object | undefined) };
  if (editorValidate.yamlSyntax !== undefined && (!setByUser || setByUser.has('validate.yamlSyntax') || (project.validate as { yamlSyntax?: unknown } | undefined)?.yamlSyntax === undefined)) {
    validate.yamlSyntax = editorValidate.yamlSyntax;
  }
  merged.validate = validate;
  return merged;
}

function rangeOf(node: Node | Pair | undefined): [number, number] {
  const range = (node as Node | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

/** ` (did you mean "x"?)` for a near miss, as the schema's unknown fields say it. */
function suggestion(word: string | undefined, candidates: readonly string[]): string {
  const near = word ? suggest(word, candidates) : undefined;
  return near ? ` (did you mean "${near}"?)` : '';
}
