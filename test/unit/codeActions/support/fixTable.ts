/**
 * Table support for quick-fix tests, beside `ruleTable`: a manifest marks the finding to fix with «…» (exactly the
 * text its squiggle covers), a case names the action to apply by its title, and the table compares the whole text
 * after the action's edit, in-process through the pure language service (no LSP). A case can also say exactly
 * which fixes a finding gets, none included (a node that came through a YAML alias, a guessed tree).
 *
 * Each table belongs to one fix family (`fixTable(family, cases)`) and records which of the family's rules its
 * cases fix, so that `fixTableCoverage.test.ts` fails when a family of FIX_FAMILIES has no case.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { FixFamily } from '../../../../server/src/codeActions/fix';
import type { RuleDescriptor } from '../../../../server/src/core/rule';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../../../server/src/core/settings';
import { FIX_ALL_KIND, SELECT_RANGE_COMMAND } from '../../../../shared/protocol';
import { service, sourceOf } from '../../support/service';

/** The cursor mark: the actions are asked at this place with no diagnostic, as an editor's lightbulb menu does. */
export const CURSOR_MARK = '‸';

export interface FixCase {
  readonly title: string;
  /** The manifest: «…» around the finding to fix (exactly its range), or ‸ where the cursor is. */
  readonly manifest: string;
  /** The rule of the finding: one of the table's family's descriptors. */
  readonly rule: RuleDescriptor;
  /** The exact title of the action to apply. Left out (with `offers`) when the case only says what is offered. */
  readonly apply?: string;
  /** The whole text after the action's edit (required with `apply`). */
  readonly expected?: string;
  /** The applied action is the preferred one (the editor's auto-fix); false when left out. */
  readonly preferred?: boolean;
  /** Exactly the titles of the fixes offered for the finding, in order, "disable on this line" left out. */
  readonly offers?: readonly string[];
  /** What the action's command selects afterwards (a placeholder to type over), as `line:col-line:col`. */
  readonly selects?: string;
  /** Exactly the findings the fix brings that were not there before, as `rule@line:col`; none when left out. */
  readonly brings?: readonly string[];
  readonly settings?: Partial<PodsmithSettings>;
  /** Runs the manifest and the expected text with CRLF line ends. */
  readonly crlf?: boolean;
}

/** The rules each family's tables fix, by the family's identity (read by fixTableCoverage.test.ts). */
export const COVERED = new Map<FixFamily, Set<RuleDescriptor>>();

/** The family's rule ids, for test names. */
export const familyName = (family: FixFamily) => family.rules.map((rule) => rule.id).join(', ');

/** Runs one table of quick-fix cases for `family`; `settings` apply to every case (a case's own go over them). */
export function fixTable(family: FixFamily, cases: readonly FixCase[], settings: Partial<PodsmithSettings> = {}): void {
  const covered = COVERED.get(family) ?? new Set<RuleDescriptor>();
  COVERED.set(family, covered);
  describe(`fixes: ${familyName(family)}`, () => {
    for (const c of cases) {
      // A case of another family's rule would count for this one: refuse it when the table is defined.
      if (!family.rules.includes(c.rule)) throw new Error(`"${c.title}": ${c.rule.id} is not a rule of the family ${familyName(family)}`);
      covered.add(c.rule);
      it(`${c.rule.id}: ${c.title}`, () => runCase({ ...c, settings: { ...settings, ...c.settings } }));
    }
  });
}

/** Cases of the actions every finding gets or that span families ("disable on this line", fix all). */
export function actionTable(name: string, cases: readonly FixCase[]): void {
  describe(`fixes: ${name}`, () => {
    for (const c of cases) it(`${c.rule.id}: ${c.title}`, () => runCase(c));
  });
}

/** The source action of the whole file (`source.fixAll.podsmith`): the exact text after it, or that there is none. */
export function sourceFixAll(manifest: string, expected: string | undefined, settings: Partial<PodsmithSettings> = {}): void {
  const all = settingsOf(undefined, settings);
  const source = sourceOf(manifest, URI, all);
  const actions = service.codeActions(source, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] }, all);
  if (expected === undefined) {
    assert.deepEqual(actions.map((a) => a.title), []);
    return;
  }
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable Podsmith problems', FIX_ALL_KIND]]);
  assert.equal(applied(source.textDocument, actions[0]), expected);
}

const URI = 'file:///fix-table.yaml';

function settingsOf(rule: RuleDescriptor | undefined, overrides: Partial<PodsmithSettings> = {}): PodsmithSettings {
  // A rule's cases run under its own profile, as ruleTable's do (a strict rule's finding needs profile strict).
  return { ...DEFAULT_SETTINGS, ...(rule ? { profile: rule.profile } : {}), ...overrides };
}

interface Unmarked {
  readonly text: string;
  /** The marked finding's offsets, or the cursor's (start === end). */
  readonly start: number;
  readonly end: number;
  readonly cursor: boolean;
}

/** Removes the marks: «…» around the finding, or one ‸ cursor. */
export function unmarkFix(marked: string): Unmarked {
  const open = marked.indexOf('«');
  const close = marked.indexOf('»');
  const cursor = marked.indexOf(CURSOR_MARK);
  if (cursor !== -1) {
    assert.ok(open === -1 && marked.indexOf(CURSOR_MARK, cursor + 1) === -1, 'one ‸ cursor, and no «…» beside it');
    return { text: marked.slice(0, cursor) + marked.slice(cursor + 1), start: cursor, end: cursor, cursor: true };
  }
  assert.ok(open !== -1 && close > open && marked.indexOf('«', open + 1) === -1, 'one «…» around the finding to fix');
  const text = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return { text, start: open, end: close - 1, cursor: false };
}

function runCase(c: FixCase): void {
  const eol = (text: string) => (c.crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  const marked = unmarkFix(eol(c.manifest));
  const settings = settingsOf(c.rule, c.settings);
  const source = sourceOf(marked.text, URI, settings);
  const document = source.textDocument;
  const before = service.validate(source, settings);
  const ofRule = before.filter((d) => d.code === c.rule.id);
  let actions: CodeAction[];
  let fixed: Diagnostic | undefined;
  if (marked.cursor) {
    const at = document.positionAt(marked.start);
    actions = service.codeActions(source, { start: at, end: at }, { diagnostics: [] }, settings).filter((a) => a.diagnostics?.some((d) => d.code === c.rule.id));
    fixed = ofRule.find((d) => document.offsetAt(d.range.start) <= marked.start && marked.start <= document.offsetAt(d.range.end));
    assert.ok(fixed, `a ${c.rule.id} finding at the cursor, among: ${ofRule.map((d) => span(d.range)).join(', ')}`);
  } else {
    fixed = ofRule.find((d) => document.offsetAt(d.range.start) === marked.start && document.offsetAt(d.range.end) === marked.end);
    const wanted = span({ start: document.positionAt(marked.start), end: document.positionAt(marked.end) });
    assert.ok(fixed, `a ${c.rule.id} finding at ${wanted}, among: ${ofRule.map((d) => `${span(d.range)} ${d.message}`).join(' | ') || 'none'}`);
    actions = service.codeActions(source, fixed.range, { diagnostics: [fixed] }, settings);
  }
  const fixes = actions.filter((a) => !a.title.startsWith('Disable '));
  if (c.offers) assert.deepEqual(fixes.map((a) => a.title), c.offers, 'the fixes offered');
  if (c.apply === undefined) {
    assert.ok(c.offers, 'a case applies a fix or says what is offered');
    return;
  }
  const action = actions.find((a) => a.title === c.apply);
  assert.ok(action, `"${c.apply}" among: ${actions.map((a) => a.title).join(' | ') || 'no action'}`);
  assert.equal(action.kind, 'quickfix');
  assert.ok(action.diagnostics?.length && action.diagnostics.every((d) => d.code === c.rule.id), `the action is about ${c.rule.id}`);
  assert.equal(action.isPreferred ?? false, c.preferred ?? false, 'preferred');
  assert.ok(c.expected !== undefined, 'a case that applies a fix gives the text after it');
  const after = applied(document, action);
  assert.equal(after, eol(c.expected));
  // The finding is gone, and the fix brought no other finding (or exactly those the case names).
  const key = (d: Diagnostic) => `${d.code}: ${d.message}`;
  const remaining = service.validate(sourceOf(after, URI, settings), settings);
  assert.ok(!remaining.some((d) => key(d) === key(fixed!)), `still reported: ${key(fixed)}`);
  const known = new Set(before.map(key));
  assert.deepEqual(remaining.filter((d) => !known.has(key(d))).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), c.brings ?? [], 'findings the fix brought');
  if (c.selects) {
    assert.equal(action.command?.command, SELECT_RANGE_COMMAND);
    const [, range] = action.command!.arguments as [string, Range];
    assert.equal(span(range), c.selects, 'the selected placeholder');
  } else {
    assert.equal(action.command, undefined, 'no selection afterwards');
  }
}

function applied(document: TextDocument, action: CodeAction): string {
  const edits = action.edit?.changes?.[document.uri];
  assert.ok(edits, `"${action.title}" edits the document`);
  return TextDocument.applyEdits(document, edits);
}

function span(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export { lines } from '../../rules/support';
