/**
 * Checks one file's bytes with the language service, exactly as the editor's server does (parse, then validate
 * with the same settings), and turns its diagnostics into a FileReport. No Kubernetes logic here: every finding
 * is a diagnostic of the service; the only ones of the CLI's own are about bytes the service never sees (a binary
 * file, text that is not UTF-8).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../shared/protocol';
import type { Severity } from '../../server/src/core/finding';
import type { ParsedSource } from '../../server/src/core/featureRequest';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import type { PodsmithSettings } from '../../server/src/core/settings';
import { BINARY_FILE, NOT_UTF8 } from './cliRules';
import { decodeUtf8 } from './utf8';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { crdFilesOf } from './crdFiles';
import type { FileReport, ReportedFinding } from './report';

let service: LanguageService | undefined;

export interface CheckFileOptions {
  /** Compute the safe fix of each finding (SARIF and JSON carry them; the text formats do not need them). */
  readonly fixes: boolean;
}

export function checkBytes(path: string, bytes: Uint8Array, settings: PodsmithSettings, options: CheckFileOptions): FileReport {
  const decoded = decodeUtf8(bytes);
  if (decoded.kind === 'binary') {
    return { path, findings: [cliFinding(BINARY_FILE.id, 'This file holds NUL bytes: it is binary (or UTF-16), not a YAML manifest, and was not checked. Kubernetes reads manifests as UTF-8 text.', zero(), '')] };
  }
  if (decoded.kind === 'invalid') {
    const { line, character, lineText } = decoded.at;
    const at = { start: { line, character }, end: { line, character } };
    return { path, findings: [cliFinding(NOT_UTF8.id, `This file is not valid UTF-8 (the first bad byte is at line ${line + 1}): Kubernetes reads manifests as UTF-8, so it was not checked. Save it as UTF-8.`, at, lineText)] };
  }
  return checkText(path, decoded.text, settings, options);
}

/** The findings of `text` as the language server reports them for an open document with this text. */
export function checkText(path: string, text: string, settings: PodsmithSettings, options: CheckFileOptions): FileReport {
  service ??= getLanguageService({ log: (message) => process.stderr.write(`${message}\n`) });
  const textDocument = TextDocument.create(uriOf(path), 'yaml', 1, text);
  const source: ParsedSource = { textDocument, file: service.parse(textDocument, settings) };
  // The links between objects are checked within the file, as the server checks a file open on its own (no
  // workspace folder): an index of this one file.
  const index = new WorkspaceIndex();
  index.setFile(source.file);
  // The CRDs of --crds and the project's crds: beside the file, for its custom resources (their other objects are
  // not the file's workspace).
  for (const crdFile of crdFilesOf(settings, service)) index.setCrdSource(crdFile);
  const diagnostics = service.validate(source, settings, index);
  const fixes = options.fixes && diagnostics.length ? safeFixes(service, source, diagnostics, settings) : new Map<Diagnostic, Fix>();
  const lines = lineStarts(text);
  const findings = diagnostics.map((d): ReportedFinding => {
    const finding: ReportedFinding = {
      ruleId: String(d.code),
      severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
      message: typeof d.message === 'string' ? d.message : d.message.value,
      range: d.range,
      lineText: lineAt(text, lines, d.range.start.line),
      ...(d.relatedInformation?.length ? { related: d.relatedInformation.map((r) => ({ message: r.message, range: r.location.range })) } : {}),
    };
    const fix = fixes.get(d);
    return fix ? { ...finding, fix } : finding;
  });
  return { path, findings };
}

type Fix = { description: string; edits: TextEdit[] };

/**
 * The fix of each finding that the editor's "fix all" applies (`source.fixAll.podsmith`): only fixes that touch
 * their own finding alone, so they can be applied without a person looking. Each one's edits are its preferred
 * quick fix, asked for that diagnostic alone.
 */
function safeFixes(service: LanguageService, source: ParsedSource, diagnostics: Diagnostic[], settings: PodsmithSettings): Map<Diagnostic, Fix> {
  const out = new Map<Diagnostic, Fix>();
  const origin = { line: 0, character: 0 };
  const all = service.codeActions(source, { start: origin, end: origin }, { diagnostics: [], only: [FIX_ALL_KIND] }, settings)[0];
  for (const fixed of all?.diagnostics ?? []) {
    const diagnostic = diagnostics.find((d) => d.code === fixed.code && sameRange(d.range, fixed.range));
    if (!diagnostic || out.has(diagnostic)) continue;
    const actions = service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, settings);
    const preferred = actions.find((a) => a.isPreferred && a.edit?.changes);
    const edits = preferred?.edit?.changes?.[source.textDocument.uri];
    if (preferred && edits?.length) out.set(diagnostic, { description: preferred.title, edits });
  }
  return out;
}

const SEVERITY: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function cliFinding(ruleId: string, message: string, range: Range, lineText: string): ReportedFinding {
  return { ruleId, severity: 'error', message, range, lineText };
}

function zero(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A URI for the document, as an editor would name it; only messages that quote the file name could show it. */
function uriOf(path: string): string {
  return `file:///${encodeURI(path.replace(/\\/g, '/').replace(/^\/+/, ''))}`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(text: string, starts: number[], line: number): string {
  const start = starts[line] ?? text.length;
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  return text.slice(start, end).replace(/\r$/, '');
}
