/**
 * The Kubernetes versions Podsmith targets (`podsmith.kubernetesVersion`), oldest first, and how to compare them.
 * The newest is the default and the version of the generated schema; adding a version means adding it here, to
 * the enum of the setting in package.json (a unit test compares the two) and to the field table
 * (scripts/field-versions.ts).
 */
export const SUPPORTED_VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'] as const;

export type KubernetesVersion = (typeof SUPPORTED_VERSIONS)[number];

/** The default target: the newest version. */
export const NEWEST_VERSION: KubernetesVersion = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];

export function isSupportedVersion(value: unknown): value is KubernetesVersion {
  return typeof value === 'string' && (SUPPORTED_VERSIONS as readonly string[]).includes(value);
}

/** Compares `major.minor` versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

/** The version after `version` (`1.31` → `1.32`). */
export function nextVersion(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}`;
}
