/**
 * SARIF 2.1.0, the format code scanning (GitHub, Azure DevOps, IDE viewers) reads: one run whose tool lists every
 * rule (id, description, help link, default level), one result per finding with its exact region (1-based lines
 * and columns, in UTF-16 code units as the language server counts them, end column exclusive), related places,
 * and the fix the editor's "fix all" would apply when the finding has a safe one.
 */
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../../../server/src/core/finding';
import { helpUri, REPORTABLE_RULES, REPOSITORY_URL, type ReportableRule } from '../cliRules';
import type { FileReport, ReportedFinding } from '../report';
import { oneBased, type Formatter, type RunInfo } from './formatter';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarifFormatter(info: RunInfo): Formatter {
  return {
    file: () => '',
    end(reports) {
      const rules = [...REPORTABLE_RULES];
      const index = new Map(rules.map((rule, i) => [rule.id, i]));
      // A finding of a rule the table does not list (none today) still gets an entry: every result names one.
      for (const report of reports) {
        for (const finding of report.findings) {
          if (!index.has(finding.ruleId)) {
            index.set(finding.ruleId, rules.length);
            rules.push({ id: finding.ruleId, defaultSeverity: finding.severity, rationale: finding.ruleId });
          }
        }
      }
      const ioErrors = reports.filter((r) => r.ioError);
      const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'podsmith',
                semanticVersion: info.toolVersion,
                informationUri: REPOSITORY_URL,
                rules: rules.map(ruleJson),
              },
            },
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(info.cwd) } },
            columnKind: 'utf16CodeUnits',
            invocations: [
              {
                executionSuccessful: ioErrors.length === 0,
                ...(ioErrors.length
                  ? { toolExecutionNotifications: ioErrors.map((r) => ({ level: 'error', message: { text: r.ioError! }, locations: [{ physicalLocation: { artifactLocation: artifactOf(r.path) } }] })) }
                  : {}),
              },
            ],
            results: reports.flatMap((report) => report.findings.map((finding) => resultJson(report, finding, index.get(finding.ruleId)!))),
          },
        ],
      };
      return `${JSON.stringify(log, null, 2)}\n`;
    },
  };
}

function ruleJson(rule: ReportableRule) {
  return {
    id: rule.id,
    shortDescription: { text: firstSentence(rule.rationale) },
    fullDescription: { text: rule.rationale },
    helpUri: helpUri(rule.id),
    ...(rule.fix ? { help: { text: rule.fix } } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function resultJson(report: FileReport, finding: ReportedFinding, ruleIndex: number) {
  const artifactLocation = artifactOf(report.path);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: regionOf(finding.range) } }],
    ...(finding.related
      ? {
          relatedLocations: finding.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation, region: regionOf(r.range) },
          })),
        }
      : {}),
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: finding.fix.description },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: finding.fix.edits.map((edit) => ({ deletedRegion: regionOf(edit.range), insertedContent: { text: edit.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** SARIF's region: 1-based, the end column just past the last character (an empty region is an insertion point). */
export function regionOf(range: Range) {
  const start = oneBased(range.start);
  const end = oneBased(range.end);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** A path below the current directory relative to %SRCROOT% (what code scanning maps to the repository). */
function artifactOf(displayPath: string) {
  if (displayPath === '-' || displayPath.startsWith('<')) return { uri: encodeURI(displayPath) };
  if (displayPath.startsWith('/') || /^[A-Za-z]:/.test(displayPath)) return { uri: pathToFileURL(displayPath).href };
  return { uri: displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function firstSentence(text: string): string {
  const match = /^.*?[.;](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}
