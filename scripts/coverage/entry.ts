/**
 * One line of the validation coverage map (docs/validation-coverage.md): a distinct error an upstream create-time
 * validation function raises for a Pod or a pod-carrying workload, and what Podsmith does about it. Every other file
 * in this folder default-exports an array of these for one area (volumes, env, scheduling...).
 */
export interface CoverageEntry {
  /** Upstream function, e.g. 'validateHostPathVolumeSource' (package-qualified when ambiguous: 'apps.ValidateDeploymentSpec'). */
  upstream: string;
  /** The distinct error it raises, in our own words, with the field path, e.g. 'spec.volumes[*].hostPath.path: required'. */
  error: string;
  /** The Podsmith rule id that reports it ... */
  rule?: string;
  /** ... or why it does not apply to a manifest on create (update-only, filled by defaults, internal field, ...). */
  notApplicable?: string;
}
