/**
 * The rules of every finding the CLI can report, for the SARIF rule table and the JSON output: each rule of the
 * language service, the service's two notices (a file above the size limit, a file with more problems than are
 * listed), its check of a `.podsmith.yaml`, and the two the CLI adds for bytes the service never sees.
 */
import { ALL_RULES } from '../../server/src/rules/index';
import type { RuleDescriptor } from '../../server/src/core/rule';
import { REPOSITORY_URL } from './packageInfo';

export { REPOSITORY_URL };

/** What a report needs to know of a rule: the service's descriptors and the notices below both fit. */
export type ReportableRule = Pick<RuleDescriptor, 'id' | 'defaultSeverity' | 'rationale' | 'fix'>;

export const BINARY_FILE: ReportableRule = {
  id: 'binary-file',
  defaultSeverity: 'error',
  rationale: 'A file with NUL bytes is binary or UTF-16, not a manifest Kubernetes can read; it is reported instead of being checked.',
};

export const NOT_UTF8: ReportableRule = {
  id: 'not-utf8',
  defaultSeverity: 'error',
  rationale: 'Kubernetes reads manifests as UTF-8; a file with other bytes is reported at the first bad byte instead of being checked.',
};

const FILE_TOO_LARGE: ReportableRule = {
  id: 'file-too-large',
  defaultSeverity: 'information',
  rationale: 'Files above maxFileSize are not checked, so a log or a generated bundle never slows a run down; raise the limit to check them.',
};

const TOO_MANY_PROBLEMS: ReportableRule = {
  id: 'too-many-problems',
  defaultSeverity: 'information',
  rationale: 'A file lists at most 1000 problems; past that, one early mistake usually causes the rest.',
};

const PROJECT_CONFIG: ReportableRule = {
  id: 'project-config',
  defaultSeverity: 'error',
  rationale: 'A .podsmith.yaml named as a file to check is read as the configuration it is: an unknown key or a value that is not allowed is reported at its place.',
};

/** Every rule a report can name, the service's first, in the order of docs/rules.md. */
export const REPORTABLE_RULES: readonly ReportableRule[] = [...ALL_RULES.values(), FILE_TOO_LARGE, TOO_MANY_PROBLEMS, PROJECT_CONFIG, BINARY_FILE, NOT_UTF8];

/** Where docs/rules.md explains a rule; the notices and the CLI's own rules are explained in docs/cli.md. */
export function helpUri(ruleId: string): string {
  return ALL_RULES.has(ruleId) ? `${REPOSITORY_URL}/blob/main/docs/rules.md#${ruleId}` : `${REPOSITORY_URL}/blob/main/docs/cli.md#${ruleId}`;
}

