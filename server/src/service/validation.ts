import type { ManifestDocument } from '../document/manifestDocument';
import { crdPodCarrierOf, podCarrierKey, servedPodCarrierOf } from '../pod/podCarriers';
import { isKubernetesObject } from '../pod/workloadKinds';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import type { Finding, Severity } from '../core/finding';
import { profileIncludes, sameSettings, settingsKey, type PodsmithSettings, type RuleLevel } from '../core/settings';
import type { LinkCheck, LinkContext } from '../rules/links/linkCheck';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * Runs every check that applies to one document and returns its findings (offsets relative to the document).
 * Memoised on the document: an unchanged document is never re-checked under the same settings.
 */
export function findingsOf(
  doc: ManifestDocument,
  settings: PodsmithSettings,
  checks: readonly Check[],
  onError: (e: unknown, check: string) => void,
): readonly Finding[] {
  // Text that is not parsed (past MAX_DOCUMENTS, or too long) has nothing to check: its notice says so.
  if (doc.unchecked) return NOTHING;
  return doc.kept(findingsKey(settings) + podCarrierKey(doc), () => computeFindings(doc, settings, checks, onError));
}

const NOTHING: readonly Finding[] = [];

/**
 * The findings of the checks across documents (rules/links/) for one document, against the workspace index. Not
 * memoised with the document: another file can change them; memoised per index generation and settings instead.
 */
export function linkFindingsOf(
  doc: ManifestDocument,
  settings: PodsmithSettings,
  index: WorkspaceIndex,
  checks: readonly LinkCheck[],
  onError: (e: unknown, check: string) => void,
): readonly Finding[] {
  if (doc.isTemplate || !isKubernetesObject(doc.identity)) return [];
  // One entry per document, replaced when the index or the settings change (a key per generation would pile up).
  // Compared without building a key: this runs for every document of the file on every check of it.
  // Kept in the document's memo, which a document moved by an edit above it keeps (findings are relative to it).
  const slot = doc.kept('link-findings', () => ({ last: undefined as LinkMemo | undefined }));
  const last = slot.last;
  if (last?.index === index && sameSettings(last.settings, settings)) {
    if (last.generation === index.generation) return last.findings;
    // The index changed, but perhaps nothing these checks read of it (see WorkspaceIndex.readsOf).
    if (index.stillRight(last.reads)) {
      slot.last = { ...last, generation: index.generation };
      return last.findings;
    }
  }
  const findings: Finding[] = [];
  const ctx: LinkContext = { ...reportingContext(doc, settings, findings), index };
  const reads = index.readsOf(() => {
    for (const check of checks) runGuarded(check, ctx, onError);
  });
  const computed = applySuppressions(doc, findings);
  slot.last = { index, generation: index.generation, settings, findings: computed, reads };
  return computed;
}

/**
 * What the checks across documents last read of the index for `doc` (groups and when each last changed), for the
 * facade to know which documents an index change may concern; undefined when they never ran on it.
 */
export function lastLinkReadsOf(doc: ManifestDocument): ReadonlyMap<string, number> | undefined {
  return doc.kept('link-findings', () => ({ last: undefined as LinkMemo | undefined })).last?.reads;
}

/** The findings of the checks across documents last computed for `doc`, whatever the index's generation since. */
export function lastLinkFindingsOf(doc: ManifestDocument): readonly Finding[] {
  return doc.kept('link-findings', () => ({ last: undefined as LinkMemo | undefined })).last?.findings ?? [];
}

/** What a check reports through: findings at the level the settings give their rule, none for a rule that is off. */
function reportingContext(doc: ManifestDocument, settings: PodsmithSettings, findings: Finding[]): CheckContext {
  return {
    doc,
    settings,
    isEnabled: (rule) => levelOf(rule, settings) !== 'off',
    report(rule, report) {
      const level = levelOf(rule, settings, report.severity);
      if (level === 'off') return;
      findings.push({ ...report, ruleId: rule.id, severity: level });
    },
  };
}

/** Runs one check; a bug in it must not cost the person the other checks' findings. */
function runGuarded<C>(check: { name: string; run(ctx: C): void }, ctx: C, onError: (e: unknown, check: string) => void): void {
  try {
    check.run(ctx);
  } catch (error) {
    onError(error, check.name);
  }
}

interface LinkMemo {
  readonly index: WorkspaceIndex;
  readonly generation: number;
  readonly settings: PodsmithSettings;
  readonly findings: readonly Finding[];
  /** What the checks read of the index, and the generation at which each group last changed then. */
  readonly reads: ReadonlyMap<string, number>;
}

/**
 * The memo key of a document's findings under `settings`, built once per settings object (they are never mutated):
 * a key built per document per check cost a string of the whole settings for each document of the file.
 */
function findingsKey(settings: PodsmithSettings): string {
  let key = FINDINGS_KEYS.get(settings);
  if (key === undefined) {
    key = `findings:${settingsKey(settings)}`;
    FINDINGS_KEYS.set(settings, key);
  }
  return key;
}

const FINDINGS_KEYS = new WeakMap<PodsmithSettings, string>();

function computeFindings(doc: ManifestDocument, settings: PodsmithSettings, checks: readonly Check[], onError: (e: unknown, check: string) => void): Finding[] {
  const findings: Finding[] = [];
  const kubernetes = !doc.isTemplate && isKubernetesObject(doc.identity);
  const pod = kubernetes && (servedPodCarrierOf(doc.identity) ?? crdPodCarrierOf(doc)) !== undefined;
  const ctx = reportingContext(doc, settings, findings);
  for (const check of checks) {
    if (check.appliesTo === 'kubernetes' && !kubernetes) continue;
    if (check.appliesTo === 'pod' && !pod) continue;
    // A check whose rules the profile and podsmith.rules all leave off has nothing to report: skip its work.
    if (check.rules.length > 0 && !check.rules.some(ctx.isEnabled)) continue;
    runGuarded(check, ctx, onError);
  }
  return withAliasOrigins(doc, applySuppressions(doc, withoutSyntaxCascades(findings)));
}

/**
 * A finding about what an alias stands for lands on the alias (`*worker`, see document/resolvedView.ts), where the
 * person can change it; it also points at the anchored original, whichever rule reported it.
 */
function withAliasOrigins(doc: ManifestDocument, findings: Finding[]): Finding[] {
  const view = doc.resolved;
  if (view.sites.length === 0) return findings;
  return findings.map((finding) => {
    const site = view.siteTouching(finding.start, finding.end);
    if (!site) return finding;
    const origin = { ...site.anchor, message: `\`*${site.name}\` stands for the node anchored here as \`&${site.name}\`` };
    return { ...finding, related: [...(finding.related ?? []), origin], data: { ...finding.data, throughAlias: site.name } };
  });
}

/**
 * A token the parser could not read gets only the syntax error. The tree the parser recovers there is a guess (a
 * half-typed `imagePu` joins the next line into one key, `imagePu ports`), so another rule's finding that starts
 * inside the syntax error's span would report the guess, not the person's mistake.
 */
function withoutSyntaxCascades(findings: Finding[]): Finding[] {
  const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax');
  if (!syntax.length) return findings;
  // The syntax errors' spans merged into disjoint ones, searched by halves: comparing every finding with every
  // syntax error was quadratic (a flow mapping without commas has hundreds of errors beside thousands of findings).
  const spans: [number, number][] = [];
  for (const s of [...syntax].sort((a, b) => a.start - b.start)) {
    const last = spans[spans.length - 1];
    if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end);
    else spans.push([s.start, s.end]);
  }
  const inSyntaxError = (offset: number): boolean => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid][0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo][0] <= offset && offset < spans[lo][1];
  };
  return findings.filter((f) => f.ruleId === 'yaml-syntax' || !inSyntaxError(f.start));
}

/**
 * The level of a rule's finding: podsmith.rules first (it overrides the profile both ways), else, when the profile
 * includes the rule, the severity the check gave this finding or the rule's default; else off.
 */
function levelOf(rule: RuleDescriptor, settings: PodsmithSettings, reported?: Severity): RuleLevel {
  return settings.rules[rule.id] ?? (profileIncludes(settings.profile, rule.profile) ? reported ?? rule.defaultSeverity : 'off');
}

const SUPPRESSION = /#\s*podsmith-disable-next-line\b([^\n]*)/g;

/**
 * `# podsmith-disable-next-line [rule-id ...]` silences the named rules (all, when none is named) for findings
 * that start on the line after the comment.
 */
function applySuppressions(doc: ManifestDocument, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !doc.text.includes('podsmith-disable-next-line')) return findings;
  const text = doc.text;
  const silenced: { from: number; to: number; ids: Set<string> | null }[] = [];
  for (const match of text.matchAll(SUPPRESSION)) {
    const lineEnd = text.indexOf('\n', match.index!);
    if (lineEnd === -1) continue;
    let nextEnd = text.indexOf('\n', lineEnd + 1);
    if (nextEnd === -1) nextEnd = text.length;
    const ids = match[1].split(/[\s,]+/).filter((id) => id.length > 0);
    silenced.push({ from: lineEnd + 1, to: nextEnd, ids: ids.length ? new Set(ids) : null });
  }
  return findings.filter(
    (f) => !silenced.some((s) => f.start >= s.from && f.start <= s.to && (s.ids === null || s.ids.has(f.ruleId))),
  );
}
