import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { PROJECT_CONFIG_FILE, readProjectConfig } from './projectConfig';

/** The code of a mistake in `.podsmith.yaml`. */
export const PROJECT_CONFIG_CODE = 'project-config';

/** True for a document named `.podsmith.yaml`: it is checked as Podsmith's configuration, not as a manifest. */
export function isProjectConfigUri(uri: string): boolean {
  return uri.endsWith(`/${PROJECT_CONFIG_FILE}`) || uri === PROJECT_CONFIG_FILE;
}

/** Each mistake of a `.podsmith.yaml` as an error at its place: an unknown key, a value that is not allowed. */
export function projectConfigDiagnostics(textDocument: TextDocument): Diagnostic[] {
  return readProjectConfig(textDocument.getText()).problems.map((problem) => ({
    range: { start: textDocument.positionAt(problem.start), end: textDocument.positionAt(problem.end) },
    severity: DiagnosticSeverity.Error,
    code: PROJECT_CONFIG_CODE,
    source: 'podsmith',
    message: problem.message,
  }));
}
