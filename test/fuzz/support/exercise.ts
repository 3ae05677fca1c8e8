/**
 * Sends every request kind an editor sends to the pure language service, the way the server does, and checks
 * each answer with `Verdict`. The service's log is captured: a feature that threw (and was caught by the facade's
 * guard) is a bug the fuzz test reports.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/languageService';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { DEFAULT_SETTINGS, type PodsmithSettings } from '../../../server/src/core/settings';
import { elapsedSince, positionsFor, Verdict } from './invariants';

const logged: string[] = [];
export const fuzzService = getLanguageService({ log: (message) => logged.push(message) });

/**
 * What the server publishes for a document open alone (no workspace folder): its own checks, and the links checked
 * against a workspace index that holds just that document, as the server's does.
 */
export function validatedAlone(textDocument: TextDocument): Diagnostic[] {
  const file = fuzzService.parse(textDocument, DEFAULT_SETTINGS);
  const index = new WorkspaceIndex();
  index.setFile(file);
  return fuzzService.validate({ textDocument, file }, DEFAULT_SETTINGS, index);
}

export interface ExerciseOptions {
  readonly settings?: PodsmithSettings;
  /** Cursor positions as fractions of the text length. */
  readonly at?: readonly number[];
  /** Positions outside the text too (a misbehaving client): the service must clamp, not throw. */
  readonly outside?: boolean;
  /** The hang bound for parsing and validating, when an input is known to be slow to parse; other requests keep theirs. */
  readonly boundMs?: number;
}

/** Runs validate, hover, completion, diagram at each position and code actions for each diagnostic. */
export function exercise(text: string, options: ExerciseOptions = {}): Verdict {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  logged.length = 0;
  const textDocument = TextDocument.create('file:///fuzz.yaml', 'yaml', 1, text);
  const verdict = new Verdict(textDocument, options.boundMs);

  let t = process.hrtime.bigint();
  const file = fuzzService.parse(textDocument, settings);
  const source = { textDocument, file };
  const diagnostics = fuzzService.validate(source, settings);
  // Requests with a workspace index of the file, as the server has: its CRDs explain and complete its custom resources.
  const index = new WorkspaceIndex();
  index.setFile(file);
  verdict.diagnostics(diagnostics, elapsedSince(t));

  const positions: Position[] = positionsFor(textDocument, options.at ?? []);
  if (options.outside) positions.push({ line: textDocument.lineCount + 3, character: 0 }, { line: 0, character: 100_000 });
  for (const position of positions) {
    t = process.hrtime.bigint();
    verdict.hover(position, fuzzService.hover(source, position, settings, index), elapsedSince(t));
    t = process.hrtime.bigint();
    verdict.completion(position, fuzzService.complete(source, position, settings, index), elapsedSince(t));
    t = process.hrtime.bigint();
    verdict.diagram(position, fuzzService.diagram(source, position, settings, index), elapsedSince(t));
  }
  for (const diagnostic of diagnostics.slice(0, 50)) {
    t = process.hrtime.bigint();
    const actions = fuzzService.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, settings);
    verdict.codeActions(diagnostic, actions, elapsedSince(t));
  }
  for (const line of logged) verdict.add('exception', line.split('\n').slice(0, 6).join(' | '));
  return verdict;
}
