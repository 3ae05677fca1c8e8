/**
 * The command line of `podsmith check`, parsed into plain options. Pure: no I/O, so every flag and every mistake
 * is unit-tested. Flag names follow kubeconform and kube-linter where they mean the same thing.
 */
import type { Severity } from '../../server/src/core/finding';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The lowest severity that makes the run fail. `info` is the information severity; hints never fail a run. */
export const FAIL_LEVELS = ['error', 'warning', 'info'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

const RULE_LEVELS = ['off', 'error', 'warning', 'info', 'information', 'hint'] as const;

export interface OutputTarget {
  readonly format: Format;
  /** A file path, or undefined for standard output. */
  readonly path?: string;
}

export interface CheckOptions {
  readonly command: 'check';
  /** Files, directories and `-` (standard input); the current directory when none is given. */
  readonly paths: readonly string[];
  readonly ignore: readonly string[];
  /** Settings given on the command line, in the shape of the `podsmith` settings section; they override the project file. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly failOn: FailLevel;
  readonly outputs: readonly OutputTarget[];
  readonly summary: boolean;
  readonly quiet: boolean;
  /** Worker threads; 1 checks in the main thread. */
  readonly jobs: number;
  /** How standard input is named in reports. */
  readonly stdinName: string;
  /** Colour in the text output: undefined decides by whether standard output is a terminal. */
  readonly color?: boolean;
  /** Ignore `.podsmith.yaml` files. */
  readonly noConfig: boolean;
}

export type ParsedCommand = CheckOptions | { readonly command: 'help' } | { readonly command: 'version' };

/** A mistake on the command line: the CLI prints its message on one line and exits 2. */
export class UsageError extends Error {}

export function parseArguments(argv: readonly string[], defaultJobs = 1): ParsedCommand {
  const args = [...argv];
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') return { command: 'help' };
  if (args[0] === '--version' || args[0] === '-v' || args[0] === 'version') return { command: 'version' };
  const command = args.shift()!;
  if (command !== 'check') throw new UsageError(`unknown command "${command}": podsmith check [options] [paths...] (see podsmith --help)`);

  const paths: string[] = [];
  const ignore: string[] = [];
  const crds: string[] = [];
  const settings: Record<string, unknown> = {};
  const rules: Record<string, string> = {};
  const files: OutputTarget[] = [];
  let stdoutFormat: Format | undefined;
  let failOn: FailLevel = 'error';
  let summary = false;
  let quiet = false;
  let jobs = defaultJobs;
  let stdinName = '<stdin>';
  let color: boolean | undefined;
  let noConfig = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--version':
        return { command: 'version' };
      case '--kubernetes-version': {
        const version = value();
        if (!/^v?1\.\d{1,2}(\.\d+)?$/.test(version)) throw new UsageError(`--kubernetes-version must be a version such as 1.31, not "${version}"`);
        settings.kubernetesVersion = version.replace(/^v/, '').split('.').slice(0, 2).join('.');
        break;
      }
      case '--profile':
        settings.profile = oneOf(name, value(), ['api', 'recommended', 'strict']);
        break;
      case '--pod-security':
        settings.podSecurityStandard = oneOf(name, value(), ['off', 'baseline', 'restricted']);
        break;
      case '--rule': {
        const spec = value();
        const match = /^([a-z][a-z0-9-]*)=([a-z]+)$/.exec(spec);
        if (!match) throw new UsageError(`--rule takes id=level (for example image-tag=off), not "${spec}"`);
        const level = oneOf(`the level of ${match[1]}`, match[2], RULE_LEVELS);
        rules[match[1]] = level === 'info' ? 'information' : level;
        break;
      }
      case '--max-file-size': {
        const size = Number(value());
        if (!Number.isInteger(size) || size <= 0) throw new UsageError('--max-file-size must be a whole number of characters above 0');
        settings.maxFileSize = size;
        break;
      }
      case '--no-yaml-syntax':
        flag();
        settings.validate = { yamlSyntax: false };
        break;
      case '--fail-on':
        failOn = oneOf(name, value(), FAIL_LEVELS);
        break;
      case '-o':
      case '--format':
        stdoutFormat = oneOf(name, value(), FORMATS);
        break;
      case '--output': {
        const spec = value();
        const at = spec.indexOf('=');
        if (at <= 0 || at === spec.length - 1) throw new UsageError(`--output takes format=path (for example sarif=podsmith.sarif), not "${spec}"`);
        files.push({ format: oneOf('--output', spec.slice(0, at), FORMATS), path: spec.slice(at + 1) });
        break;
      }
      case '--ignore':
        ignore.push(value());
        break;
      case '--crds': {
        const entry = value();
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) throw new UsageError(`--crds takes a path to a CRD file or folder, not a URL ("${entry}"): podsmith never fetches anything`);
        crds.push(entry);
        break;
      }
      case '--summary':
        flag();
        summary = true;
        break;
      case '-q':
      case '--quiet':
        flag();
        quiet = true;
        break;
      case '-j':
      case '--jobs': {
        const text = value();
        const n = Number(text);
        if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${text}"`);
        jobs = n;
        break;
      }
      case '--stdin-name':
        stdinName = value();
        break;
      case '--color':
        flag();
        color = true;
        break;
      case '--no-color':
        flag();
        color = false;
        break;
      case '--no-config':
        flag();
        noConfig = true;
        break;
      default:
        throw new UsageError(`unknown option ${name} (see podsmith --help)`);
    }
  }
  if (Object.keys(rules).length) settings.rules = rules;
  if (crds.length) settings.crds = crds;
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return {
    command: 'check',
    paths: paths.length ? paths : ['.'],
    ignore,
    settings,
    failOn,
    outputs: [{ format: stdoutFormat ?? 'text' }, ...files],
    summary,
    quiet,
    jobs,
    stdinName,
    color,
    noConfig,
  };
}

function oneOf<T extends string>(what: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be one of ${choices.join(', ')}, not "${value}"`);
}

/** Whether a finding of `severity` makes the run fail at `failOn`. */
export function failsAt(severity: Severity, failOn: FailLevel): boolean {
  const rank: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
  const threshold: Record<FailLevel, number> = { error: 3, warning: 2, info: 1 };
  return rank[severity] >= threshold[failOn];
}

export const HELP = `Usage: podsmith check [options] [paths...]

Checks Kubernetes manifests with the same rules as the Podsmith editor extension.
Paths are files, directories (searched for *.yaml and *.yml, skipping .git and
node_modules) or - for standard input; the current directory when none is given.
Settings come from the nearest .podsmith.yaml above each file (up to the
repository root); options given here override it.

Settings:
  --kubernetes-version V     the cluster's Kubernetes version, such as 1.31
  --profile P                api, recommended or strict: which rules are on
  --rule ID=LEVEL            a rule's level: off, error, warning, info or hint
                             (repeatable; ids are listed in docs/rules.md)
  --pod-security LEVEL       check the Pod Security Standard baseline or restricted
  --max-file-size N          skip files longer than N characters (with a finding)
  --no-yaml-syntax           do not report YAML syntax errors and duplicate keys
  --no-config                ignore .podsmith.yaml files
  --crds PATH                CRD files or folders to check custom resources
                             against (repeatable; paths only, never URLs)

Files:
  --ignore GLOB              skip matching paths (repeatable; ** spans folders)
  --stdin-name NAME          the name standard input is reported under

Output:
  --format F                 text (default), json, sarif, junit or github
  --output F=PATH            also write format F to PATH (repeatable)
  --fail-on LEVEL            error (default), warning or info: the lowest
                             severity that makes the exit code 1
  --summary                  end with the number of findings by rule
  --quiet                    report only findings at or above --fail-on
  --color, --no-color        colour in text output (default: on a terminal)
  --jobs N                   check N files at once in worker threads

  --help, --version

Exit codes: 0 no finding at or above --fail-on; 1 such findings;
2 a usage or I/O error (one line on standard error).`;
