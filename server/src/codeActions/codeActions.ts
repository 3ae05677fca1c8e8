import type { CodeAction, CodeActionContext, Command, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../core/finding';
import { FIX_ALL_KIND, SELECT_RANGE_COMMAND } from '../../../shared/protocol';
import type { FeatureRequest } from '../core/featureRequest';
import { familyOf } from './families';
import type { Fix, FixContext } from './fix';
import { disableRuleFix } from './suppress';
import { indentStyleOfDocument, type IndentStyle } from '../document/indentStyle';
import { disjoint, type Edit } from '../document/textEdit';


/**
 * Quick fixes for the Podsmith diagnostics under the request's range: each fix family's actions, "disable this
 * rule on this line" for every diagnostic, and "fix all of this kind" where a family's fixes can be applied
 * together. With `only` asking for source actions, the one source action that fixes all of them in the file.
 */
export function codeActions(req: FeatureRequest, range: Range, context: CodeActionContext): CodeAction[] {
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants('quickfix')) actions.push(...quickFixes(req, range, context));
  if (context.only && wants(FIX_ALL_KIND)) {
    const all = fixAll(req, undefined);
    if (all) actions.push({ ...all, title: 'Fix all auto-fixable Podsmith problems', kind: FIX_ALL_KIND });
  }
  return actions;
}

function quickFixes(req: FeatureRequest, range: Range, context: CodeActionContext): CodeAction[] {
  const { doc } = req;
  const findings = req.findingsOf(doc);
  const selected = selectFindings(req, findings, range, context);
  if (selected.length === 0) return [];
  const style = indentStyleOfDocument(doc);
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const fixAllDone = new Set<string>();
  // A document the parser had to repair is a guess: a fix computed from the guessed tree (a field "missing" from an
  // item whose comma is missing, a block moved by where the parser thought it ended) makes things worse. Only the
  // syntax errors are worth fixing there, and "disable on this line" stays.
  const family = (ruleId: string) => (isGuessed(doc) ? undefined : familyOf(ruleId));
  for (const { finding, diagnostic } of selected) {
    const fixFamily = fixableThroughText(finding) ? family(finding.ruleId) : undefined;
    if (fixFamily) {
      const ctx: FixContext = { doc, text: doc.text, finding, style };
      let own = 0;
      for (const fix of safely(() => fixFamily.fixes(ctx))) {
        if (fix.edits.length === 0 || !disjoint(fix.edits)) continue;
        fixes.push(toAction(req, doc, fix, [diagnostic]));
        own++;
      }
      // "Fix all of this kind" is offered beside a fix of this very problem, never instead of one.
      if (own > 0 && fixFamily.fixAll && !fixAllDone.has(finding.ruleId)) {
        fixAllDone.add(finding.ruleId);
        const all = fixAll(req, finding.ruleId);
        if (all && (all.diagnostics?.length ?? 0) >= 2) fixes.push({ ...all, title: `Fix all ${finding.ruleId} problems in the file`, kind: 'quickfix' });
      }
    }
    const disable = disableRuleFix(doc.text, finding);
    if (disable.edits.length) disables.push(toAction(req, doc, { title: disable.title, edits: disable.edits }, [diagnostic]));
  }
  return [...fixes, ...disables];
}

/** The findings the request is about: those of the diagnostics it names, else those its range touches. */
function selectFindings(req: FeatureRequest, findings: readonly Finding[], range: Range, context: CodeActionContext): { finding: Finding; diagnostic: Diagnostic }[] {
  const ours = context.diagnostics.filter((d) => d.source === 'podsmith' && typeof d.code === 'string');
  const out: { finding: Finding; diagnostic: Diagnostic }[] = [];
  if (ours.length) {
    for (const diagnostic of ours) {
      const finding = findings.find((f) => f.ruleId === diagnostic.code && sameRange(req.rangeOf(f.start, f.end), diagnostic.range));
      if (finding) out.push({ finding, diagnostic });
    }
    return out;
  }
  const document = req.source.textDocument;
  const from = document.offsetAt(range.start) - req.doc.offset;
  const to = document.offsetAt(range.end) - req.doc.offset;
  for (const finding of findings) {
    if (finding.start <= to && finding.end >= from) out.push({ finding, diagnostic: diagnosticOf(req, req.doc, finding) });
  }
  return out;
}

/**
 * One action with the preferred fix of every finding of `ruleId` (of every fix-all family when undefined) in the
 * whole file; a fix that would overlap one already taken is left for another round.
 */
/**
 * True when the parser reported syntax errors in the document, so its tree is partly the parser's guess. (A
 * duplicate key is an error too, but the tree around it is exactly what is written.)
 */
function isGuessed(doc: ManifestDocument): boolean {
  return doc.yaml.errors.some((error) => error.code !== 'DUPLICATE_KEY');
}

function fixAll(req: FeatureRequest, ruleId: string | undefined): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of req.source.file.documents) {
    const taken: Edit[] = [];
    let style: IndentStyle | undefined;
    // Asked only once a finding can be fixed: it reads the document's tree, which a clean document need not build.
    let guessed: boolean | undefined;
    for (const finding of req.findingsOf(doc)) {
      if (ruleId !== undefined && finding.ruleId !== ruleId) continue;
      const family = fixableThroughText(finding) ? familyOf(finding.ruleId) : undefined;
      if (!family?.fixAll) continue;
      if ((guessed ??= isGuessed(doc))) break;
      style ??= indentStyleOfDocument(doc);
      const ctx: FixContext = { doc, text: doc.text, finding, style };
      const fix = safely(() => family.fixes(ctx)).find((f) => f.preferred);
      if (!fix || fix.alone || fix.edits.length === 0 || !disjoint([...taken, ...fix.edits])) continue;
      taken.push(...fix.edits);
      edits.push(...fix.edits.map((e) => textEdit(req, doc, e)));
      diagnostics.push(diagnosticOf(req, doc, finding));
    }
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all', diagnostics, edit: { changes: { [req.source.textDocument.uri]: edits } } };
}

/**
 * A finding about what an alias stands for lies on the alias: its fix would edit `*worker` as if it were the
 * container. Only "disable on this line" is offered there; the anchored original has its own finding and fixes.
 */
function fixableThroughText(finding: Finding): boolean {
  return finding.data?.throughAlias === undefined;
}

function toAction(req: FeatureRequest, doc: ManifestDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: 'quickfix',
    diagnostics,
    edit: { changes: { [req.source.textDocument.uri]: fix.edits.map((e) => textEdit(req, doc, e)) } },
  };
  if (fix.preferred) action.isPreferred = true;
  if (fix.select) action.command = selectCommand(req, doc, fix);
  return action;
}

/**
 * The command that selects the placeholder a fix wrote, at its place in the text after the fix: the position of
 * its edit, moved by the lines that edits above it add or remove and by the text the edit writes before it.
 */
function selectCommand(req: FeatureRequest, doc: ManifestDocument, fix: Fix): Command {
  const { edit: index, offset, length } = fix.select!;
  const target = fix.edits[index];
  const document = req.source.textDocument;
  const newlines = (text: string) => text.split('\n').length - 1;
  let lineShift = 0;
  for (const e of fix.edits) {
    if (e !== target && e.end <= target.start) lineShift += newlines(e.newText) - newlines(doc.text.slice(e.start, e.end));
  }
  const base = document.positionAt(doc.offset + target.start);
  const before = target.newText.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  const start = {
    line: base.line + lineShift + newlines(before),
    character: lastBreak === -1 ? base.character + before.length : before.length - lastBreak - 1,
  };
  const range = { start, end: { line: start.line, character: start.character + length } };
  return { title: 'Select the placeholder', command: SELECT_RANGE_COMMAND, arguments: [document.uri, range] };
}

function textEdit(req: FeatureRequest, doc: ManifestDocument, edit: Edit): TextEdit {
  const document = req.source.textDocument;
  return {
    range: { start: document.positionAt(doc.offset + edit.start), end: document.positionAt(doc.offset + edit.end) },
    newText: edit.newText,
  };
}

function diagnosticOf(req: FeatureRequest, doc: ManifestDocument, finding: Finding): Diagnostic {
  const document = req.source.textDocument;
  return {
    range: { start: document.positionAt(doc.offset + finding.start), end: document.positionAt(doc.offset + finding.end) },
    code: finding.ruleId,
    source: 'podsmith',
    message: finding.message,
  };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A family that fails on an input it did not foresee offers nothing, rather than costing the other actions. */
function safely(run: () => Fix[]): Fix[] {
  try {
    return run();
  } catch {
    return [];
  }
}
