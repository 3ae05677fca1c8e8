/**
 * What must hold for every answer Podsmith gives, whatever the input: no exception (the facade's guard turns one
 * into a log line, which we count as a failure here), every range inside the document, completion edits on the
 * cursor's line around the cursor, code-action edits that do not overlap, answers that survive JSON (they cross
 * the wire), and every request answered within a bound that only a hang exceeds.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';

/** How many answers were checked, for the closing line of each fuzz test (the report's numbers). */
export const tally = { answers: 0 };

/** Prints how many answers a test checked, and resets the count. */
export function reportTally(what: string): void {
  console.log(`      (${what}: ${tally.answers} answers checked)`);
  tally.answers = 0;
}

/**
 * A hang detector, not a speed test: a request that takes this long on a fuzzed manifest is a bug. Generous, so that a
 * machine busy with other work never fails a test (a quadratic path on a hostile input takes far longer); how fast
 * answers really are is measured by `npm run bench`.
 */
export const REQUEST_BOUND_MS = 10_000;

export function isRange(value: unknown): value is Range {
  const r = value as Range | null;
  return (
    !!r && typeof r === 'object' && isPositionLike(r.start) && isPositionLike(r.end) && Object.keys(r).length === 2
  );
}

function isPositionLike(value: unknown): value is Position {
  const p = value as Position | null;
  return !!p && typeof p === 'object' && typeof p.line === 'number' && typeof p.character === 'number';
}

/** Problems with one position in `doc`: outside the text, or not an integer. */
function positionProblem(doc: TextDocument, p: Position): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
    return `bad position ${JSON.stringify(p)}`;
  }
  if (p.line >= doc.lineCount) return `line ${p.line} is past the last line ${doc.lineCount - 1}`;
  const lineStart = doc.offsetAt({ line: p.line, character: 0 });
  const lineEnd = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : doc.getText().length;
  const lineText = doc.getText().slice(lineStart, lineEnd).replace(/\r?\n$/, '').replace(/\r$/, '');
  if (p.character > lineText.length) return `character ${p.character} is past the end of line ${p.line} (length ${lineText.length})`;
  return undefined;
}

export function rangeProblem(doc: TextDocument, r: Range): string | undefined {
  const problem = positionProblem(doc, r.start) ?? positionProblem(doc, r.end);
  if (problem) return problem;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
    return `range ends before it starts`;
  }
  return undefined;
}

/** Every range anywhere inside an answer (diagnostics, related places, hover ranges, edits, diagram elements). */
export function* rangesIn(value: unknown, path = '$', depth = 0): Generator<[string, Range]> {
  if (!value || typeof value !== 'object' || depth > 64) return;
  if (isRange(value)) {
    yield [path, value];
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* rangesIn(value[i], `${path}[${i}]`, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) yield* rangesIn(child, `${path}.${key}`, depth + 1);
}

/** Collects violations for one answer; empty when the answer is sound. */
export class Verdict {
  readonly problems: string[] = [];
  /** The diagnostics it checked, for callers that assert on them too. */
  seenDiagnostics: Diagnostic[] = [];

  constructor(
    readonly doc: TextDocument,
    /** The bound for the first answer, which parses the file (a few inputs need the parser for seconds). */
    readonly parseBoundMs = REQUEST_BOUND_MS,
  ) {}

  add(what: string, problem: string): void {
    if (this.problems.length < 20) this.problems.push(`${what}: ${problem}`);
  }

  /** The answer crosses the wire as JSON: it must serialize (no cycles, no BigInt) and all its ranges fit. */
  answer(what: string, value: unknown, elapsedMs: number, inOtherText?: (path: string) => boolean): void {
    tally.answers++;
    const bound = what === 'validate' ? this.parseBoundMs : REQUEST_BOUND_MS;
    if (elapsedMs > bound) this.add(what, `took ${Math.round(elapsedMs)} ms (bound ${bound} ms)`);
    try {
      JSON.stringify(value);
    } catch (error) {
      this.add(what, `answer is not JSON: ${String(error)}`);
      return;
    }
    for (const [path, range] of rangesIn(value)) {
      if (inOtherText?.(path)) continue;
      const problem = rangeProblem(this.doc, range);
      if (problem) this.add(what, `${path} ${JSON.stringify(range)}: ${problem}`);
    }
  }

  diagnostics(diagnostics: Diagnostic[], elapsedMs: number): void {
    this.seenDiagnostics = diagnostics;
    this.answer('validate', diagnostics, elapsedMs);
    for (const d of diagnostics) {
      if (typeof d.message !== 'string' || d.message.trim() === '') this.add('validate', `empty message on ${JSON.stringify(d.range)}`);
    }
  }

  hover(position: Position, hover: Hover | null, elapsedMs: number): void {
    this.answer(`hover at ${fmt(position)}`, hover, elapsedMs);
  }

  /** VS Code drops a completion item whose edit range is not on the cursor's line or does not contain the cursor. */
  completion(position: Position, list: CompletionList | null, elapsedMs: number): void {
    const what = `completion at ${fmt(position)}`;
    this.answer(what, list, elapsedMs);
    if (!list) return;
    const cursor = this.doc.offsetAt(position);
    for (const item of list.items ?? []) {
      const edit = item.textEdit;
      if (!edit) continue;
      const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
      for (const r of ranges) {
        if (r.start.line !== r.end.line) this.add(what, `item "${item.label}" edit spans lines ${fmt(r.start)}-${fmt(r.end)}`);
        else if (this.doc.offsetAt(r.start) > cursor || this.doc.offsetAt(r.end) < cursor) {
          this.add(what, `item "${item.label}" edit ${fmt(r.start)}-${fmt(r.end)} does not contain the cursor`);
        }
      }
    }
  }

  codeActions(diagnostic: Diagnostic, actions: CodeAction[] | null, elapsedMs: number): void {
    const what = `codeActions for ${String(diagnostic.code)} at ${fmt(diagnostic.range.start)}`;
    // A command's ranges (the placeholder to select) are places in the text after the action's edits.
    this.answer(what, actions, elapsedMs, (path) => /^\$\[\d+\]\.command\./.test(path));
    for (const action of actions ?? []) {
      const edits = editsOf(action, this.doc.uri);
      const sorted = edits.map((e) => [this.doc.offsetAt(e.range.start), this.doc.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let overlapping = false;
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i][0] < sorted[i - 1][1]) overlapping = true;
      }
      if (overlapping) {
        this.add(what, `action "${action.title}" has overlapping edits`);
        continue;
      }
      if (!action.command) continue;
      const after = TextDocument.create(this.doc.uri, 'yaml', this.doc.version + 1, TextDocument.applyEdits(this.doc, edits));
      for (const [path, range] of rangesIn(action.command.arguments ?? [])) {
        const problem = rangeProblem(after, range);
        if (problem) {
          this.add(what, `action "${action.title}" command ${path} ${JSON.stringify(range)} in the text after its edits: ${problem}`);
          continue;
        }
        // What it selects must be text the action wrote, not some unrelated stretch of the manifest.
        const selected = after.getText(range);
        if (selected && !edits.some((e) => e.newText.includes(selected))) {
          this.add(what, `action "${action.title}" selects ${JSON.stringify(selected)}, which none of its edits wrote`);
        }
      }
    }
  }

  diagram(position: Position, model: unknown, elapsedMs: number): void {
    this.answer(`diagram at ${fmt(position)}`, model, elapsedMs);
  }
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('edits' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  return edits;
}

export function fmt(p: Position): string {
  return `${p.line}:${p.character}`;
}

/** Positions to ask at: fractions of the text (fast-check picks them), plus the very start and end. */
export function positionsFor(doc: TextDocument, fractions: readonly number[]): Position[] {
  const length = doc.getText().length;
  const offsets = [0, length, ...fractions.map((f) => Math.min(length, Math.floor(f * (length + 1))))];
  return [...new Set(offsets)].map((o) => doc.positionAt(o));
}

export function elapsedSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
