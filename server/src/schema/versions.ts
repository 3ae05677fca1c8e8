import { compareVersions } from '../service/settings';

/**
 * Fields whose existence depends on the Kubernetes version (`podsmith.kubernetesVersion`), where the generated
 * schema (one version) and the target differ. Only differences we have verified are listed: those between the
 * schema's 1.36 and the published 1.35 OpenAPI of the pod-carrying kinds.
 */
interface VersionedField {
  readonly definition: string;
  readonly field: string;
  /** First version whose API server knows the field. */
  readonly since: string;
  /** Last version that knows it, for a field that was replaced. */
  readonly until?: string;
}

const VERSIONED_FIELDS: readonly VersionedField[] = [
  { definition: 'io.k8s.api.core.v1.PodSpec', field: 'schedulingGroup', since: '1.36' },
  // Alpha in 1.35 only; 1.36 replaced it with schedulingGroup.
  { definition: 'io.k8s.api.core.v1.PodSpec', field: 'workloadRef', since: '1.35', until: '1.35' },
];

/** What the target version changes: fields the schema has but the target lacks, and fields it has in addition. */
export interface VersionDelta {
  /** By definition: fields of the schema the target version's API server does not know, with the version that added them. */
  readonly unknown: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** By definition: fields the target version knows that the schema lacks (accepted without a check). */
  readonly extra: ReadonlyMap<string, ReadonlySet<string>>;
}

const cache = new Map<string, VersionDelta>();

export function versionDelta(target: string, schemaVersion: string): VersionDelta {
  const key = `${target}/${schemaVersion}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const unknown = new Map<string, Map<string, string>>();
  const extra = new Map<string, Set<string>>();
  for (const f of VERSIONED_FIELDS) {
    const known = (v: string) => compareVersions(v, f.since) >= 0 && (f.until === undefined || compareVersions(v, f.until) <= 0);
    if (known(schemaVersion) && !known(target)) {
      if (!unknown.has(f.definition)) unknown.set(f.definition, new Map());
      unknown.get(f.definition)!.set(f.field, f.since);
    } else if (!known(schemaVersion) && known(target)) {
      if (!extra.has(f.definition)) extra.set(f.definition, new Set());
      extra.get(f.definition)!.add(f.field);
    }
  }
  const delta = { unknown, extra };
  cache.set(key, delta);
  return delta;
}
