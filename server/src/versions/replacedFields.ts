/**
 * What replaced a field a newer version removed, in our words: the field table says when a field went away, this
 * says what to write instead. Keyed by definition and field.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  // The alpha workload reference of 1.35 became the scheduling group of 1.36.
  'io.k8s.api.core.v1.PodSpec.workloadRef': '`schedulingGroup` (with `podGroupName`)',
  // 1.31 flattened the claim source into the claim itself.
  'io.k8s.api.core.v1.PodResourceClaim.source': '`resourceClaimName` or `resourceClaimTemplateName` directly on the claim',
};

export function replacementOf(definition: string, field: string): string | undefined {
  return REPLACEMENTS[`${definition}.${field}`];
}
