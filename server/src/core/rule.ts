import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding, Severity } from './finding';
import type { PodsmithSettings, RuleProfile } from './settings';

/** What the rule reference, the settings and the diagnostics know about one rule. */
export interface RuleDescriptor {
  /** Stable, kebab-case: appears as the diagnostic's code and in `# podsmith-disable-next-line <id>`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /**
   * The smallest profile (`podsmith.profile`) that reports the rule: `api` for what the API server (or its admission)
   * rejects or warns about, `recommended` for practices that catch real incidents and stay quiet on real files,
   * `strict` for the rest. `podsmith.rules` switches any rule on or off whatever its profile.
   */
  readonly profile: RuleProfile;
  /** One line: why the rule exists. */
  readonly rationale: string;
  /** Optional: a short YAML excerpt that makes the rule fire (shown in docs/rules.md). */
  readonly example?: string;
  /** Optional: what to do about it, in one or two sentences (shown in docs/rules.md). */
  readonly fix?: string;
}

/** A finding as a check reports it; the rule's id and the configured severity are filled in by the context. */
export interface Report extends Omit<Finding, 'ruleId' | 'severity'> {
  /** Overrides the rule's default severity for this one finding (before user settings apply). */
  readonly severity?: Severity;
}

/** What a check sees: one document, the settings, and a way to report. */
export interface CheckContext {
  readonly doc: ManifestDocument;
  readonly settings: PodsmithSettings;
  /** Reports a finding of `rule`; dropped when the rule is off in the settings. */
  report(rule: RuleDescriptor, finding: Report): void;
  /** True when the settings leave `rule` on (skip expensive work for rules that are off). */
  isEnabled(rule: RuleDescriptor): boolean;
}

/**
 * A check: one concern (names, volumes, ports...), the rules it reports, and the function that runs them.
 * Architecture invariant: `run` never throws on malformed input and reads only `ctx.doc`.
 */
export interface Check {
  readonly name: string;
  readonly rules: readonly RuleDescriptor[];
  /** Which documents it looks at: any YAML, Kubernetes objects (apiVersion and kind), or pod-carrying kinds. */
  readonly appliesTo: 'yaml' | 'kubernetes' | 'pod';
  run(ctx: CheckContext): void;
}
