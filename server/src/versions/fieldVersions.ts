import table from '../../../schemas/generated/field-versions.json';
import { compareVersions, nextVersion } from './kubernetesVersion';

/**
 * Which fields each definition has in each targeted Kubernetes version, read from the generated table
 * (schemas/generated/field-versions.json, derived by scripts/field-versions.ts from the upstream OpenAPI documents
 * of 1.28 to 1.35 and the generated 1.36 schema). A field's entry is a list of version ranges: `1.30+` (from 1.30
 * on) or `1.35-1.35` (from, to).
 */
interface FieldVersionTable {
  readonly versions: readonly string[];
  readonly definitions: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const TABLE = table as FieldVersionTable;

/** The versions the table covers, oldest first. */
export const TABLE_VERSIONS: readonly string[] = TABLE.versions;
const OLDEST = TABLE_VERSIONS[0];

interface VersionRange {
  readonly from: string;
  /** Last version with the field; undefined while the newest version still has it. */
  readonly to?: string;
}

const parsed = new Map<string, readonly VersionRange[]>();

function rangesOf(definition: string, field: string): readonly VersionRange[] | undefined {
  const text = TABLE.definitions[definition]?.[field];
  if (text === undefined) return undefined;
  const key = `${definition}\u0000${field}`;
  let ranges = parsed.get(key);
  if (!ranges) {
    ranges = text.split(',').map((range) => {
      if (range.endsWith('+')) return { from: range.slice(0, -1) };
      const [from, to] = range.split('-');
      return { from, to };
    });
    parsed.set(key, ranges);
  }
  return ranges;
}

function within(version: string, range: VersionRange): boolean {
  return compareVersions(version, range.from) >= 0 && (range.to === undefined || compareVersions(version, range.to) <= 0);
}

/** Every definition the table lists: those reachable from the pod-carrying kinds in some version. */
export const TABLE_DEFINITIONS: readonly string[] = Object.keys(TABLE.definitions);

/** The fields the table knows for a definition, in any version (empty for a definition it does not list). */
export function fieldsEverIn(definition: string): readonly string[] {
  return Object.keys(TABLE.definitions[definition] ?? {});
}

/** True when a definition has at least one field in `version`: only then does a missing field mean "absent". */
export function definitionExistsIn(definition: string, version: string): boolean {
  return fieldsEverIn(definition).some((field) => fieldExistsIn(definition, field, version));
}

/** Whether a field exists in `version`; undefined when the table does not list the field at all. */
export function fieldExistsIn(definition: string, field: string, version: string): boolean | undefined {
  const ranges = rangesOf(definition, field);
  return ranges === undefined ? undefined : ranges.some((range) => within(version, range));
}

/**
 * The first version that has the field. For a field of every version the table covers, that is the oldest
 * (1.28): it may well be older, so say "1.28 or earlier" when it matters (see `fieldAlwaysThere`).
 */
export function fieldSince(definition: string, field: string): string | undefined {
  return rangesOf(definition, field)?.[0]?.from;
}

/** True when every version the table covers has the field. */
export function fieldAlwaysThere(definition: string, field: string): boolean {
  const ranges = rangesOf(definition, field);
  return ranges !== undefined && ranges.length === 1 && ranges[0].from === OLDEST && ranges[0].to === undefined;
}

/** The first version without the field after it was there, for a field the newest version no longer has. */
export function fieldRemovedIn(definition: string, field: string): string | undefined {
  const ranges = rangesOf(definition, field);
  const last = ranges?.[ranges.length - 1];
  return last?.to === undefined ? undefined : nextVersion(last.to);
}
