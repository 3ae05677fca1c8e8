import { NEWEST_VERSION, isSupportedVersion } from '../versions/kubernetesVersion';
import type { Severity } from './finding';

/** A rule's configured level: a severity, or off. */
export type RuleLevel = Severity | 'off';

/** The Pod Security Standard level to check manifests against. */
export type PodSecurityLevel = 'off' | 'baseline' | 'restricted';

/**
 * Which rules are on (podsmith.profile): `api` only what the API server rejects or warns about, `recommended` also
 * the practices that catch real incidents, `strict` every practice. Each profile includes the ones before it.
 */
export type RuleProfile = 'api' | 'recommended' | 'strict';

/** The profiles, smallest first: a rule of profile P is on under every profile from P onwards. */
export const RULE_PROFILES: readonly RuleProfile[] = ['api', 'recommended', 'strict'];

/** True when `profile` (the setting) includes the rules of `ruleProfile`. */
export function profileIncludes(profile: RuleProfile, ruleProfile: RuleProfile): boolean {
  return RULE_PROFILES.indexOf(ruleProfile) <= RULE_PROFILES.indexOf(profile);
}

/** Which inlay hints to show: none, the defaults that decide run-time behaviour, or every default. */
export type InlayHintLevel = 'off' | 'behaviour' | 'all';

/** Everything the language service reads from the user's settings. Pure data, compared by value. */
export interface PodsmithSettings {
  /** Report YAML syntax errors and duplicate keys (off when another YAML extension already does). */
  readonly yamlSyntax: boolean;
  /** The Kubernetes version to validate against, as `major.minor`: one of SUPPORTED_VERSIONS. */
  readonly kubernetesVersion: string;
  /** Which rules are on by default (each rule names the smallest profile that includes it). */
  readonly profile: RuleProfile;
  /** Per-rule overrides of the default severity, by rule id; they apply whatever the profile. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Pod Security Standard level to check against. */
  readonly podSecurityStandard: PodSecurityLevel;
  /** Files larger than this many characters get a notice instead of a full check. */
  readonly maxFileSize: number;
  /** Inlay hints for values the API server fills in. */
  readonly inlayHints: InlayHintLevel;
  /**
   * Files and folders of CustomResourceDefinitions beside the workspace's own (podsmith.crds): paths, relative to the
   * workspace folder (or the `.podsmith.yaml`'s folder) or absolute. Never URLs: nothing is fetched.
   */
  readonly crds: readonly string[];
}

export const DEFAULT_SETTINGS: PodsmithSettings = {
  yamlSyntax: true,
  kubernetesVersion: NEWEST_VERSION,
  profile: 'recommended',
  rules: {},
  podSecurityStandard: 'off',
  maxFileSize: 5_000_000,
  inlayHints: 'behaviour',
  crds: [],
};

/** Builds settings from an untrusted configuration object, keeping defaults for anything missing or malformed. */
export function normalizeSettings(raw: unknown): PodsmithSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validate = (input.validate && typeof input.validate === 'object' ? input.validate : {}) as Record<string, unknown>;
  // A version Podsmith has no tables for (a typo, a version too old or too new) falls back to the newest.
  const version = isSupportedVersion(input.kubernetesVersion) ? input.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion;
  const rules: Record<string, RuleLevel> = {};
  if (input.rules && typeof input.rules === 'object') {
    for (const [id, level] of Object.entries(input.rules as Record<string, unknown>)) {
      if (level === 'off' || level === 'error' || level === 'warning' || level === 'information' || level === 'hint') {
        rules[id] = level;
      }
    }
  }
  const profile = RULE_PROFILES.find((p) => p === input.profile) ?? DEFAULT_SETTINGS.profile;
  const pss = input.podSecurityStandard;
  const maxFileSize = typeof input.maxFileSize === 'number' && input.maxFileSize > 0 ? input.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  return {
    yamlSyntax: typeof validate.yamlSyntax === 'boolean' ? validate.yamlSyntax : DEFAULT_SETTINGS.yamlSyntax,
    kubernetesVersion: version,
    profile,
    rules,
    podSecurityStandard: pss === 'baseline' || pss === 'restricted' ? pss : 'off',
    maxFileSize,
    inlayHints: input.inlayHints === 'off' || input.inlayHints === 'all' || input.inlayHints === 'behaviour' ? input.inlayHints : DEFAULT_SETTINGS.inlayHints,
    crds: Array.isArray(input.crds) ? input.crds.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : DEFAULT_SETTINGS.crds,
  };
}

/** True for a `podsmith.crds` entry that is a URL (`https://...`): Podsmith never fetches one. */
export function isUrl(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry.trim());
}

/** A stable key for memoising results that depend on settings. */
export function settingsKey(settings: PodsmithSettings): string {
  // Settings objects are never mutated (a change makes a new one), so each is serialised once, not once per
  // document per keystroke.
  let key = KEYS.get(settings);
  if (key === undefined) {
    key = JSON.stringify(settings);
    KEYS.set(settings, key);
  }
  return key;
}

/** Settings objects are never mutated; two objects with the same values count as the same settings. */
export function sameSettings(a: PodsmithSettings, b: PodsmithSettings): boolean {
  return a === b || settingsKey(a) === settingsKey(b);
}

const KEYS = new WeakMap<PodsmithSettings, string>();
