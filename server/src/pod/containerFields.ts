import type { ContainerList } from './podModel';
import { PROBE_FIELDS } from './probes';
import { containerRestartRulesOnByDefault, sidecarRestartRulesOnByDefault } from './restartPolicies';

/**
 * Which container fields the API server accepts for each part a container plays in the Pod, at a Kubernetes
 * version. The lifecycle rules report what a manifest writes against this; completion offers only what it allows.
 */

/**
 * Fields for a container that keeps running: an init step runs to completion before the app starts, so it has
 * nothing to probe and no lifecycle to hook, unless it is a native sidecar (restartPolicy: Always).
 */
export const RUNNING_CONTAINER_FIELDS = ['lifecycle', ...PROBE_FIELDS] as const;

/**
 * The Container fields a cluster of `version` rejects (with its default feature gates) on a container of `list`,
 * a native sidecar or not. restartPolicyRules needs the container's own restartPolicy, and the only one an init
 * container may have is Always, so an init step that is no sidecar cannot have rules either.
 */
export function fieldsRejectedOn(list: ContainerList, isNativeSidecar: boolean, version: string): ReadonlySet<string> {
  if (list === 'initContainers') {
    if (!isNativeSidecar) return new Set([...RUNNING_CONTAINER_FIELDS, 'restartPolicyRules']);
    return new Set(sidecarRestartRulesOnByDefault(version) ? [] : ['restartPolicyRules']);
  }
  if (list === 'containers') return new Set(containerRestartRulesOnByDefault(version) ? [] : ['restartPolicy', 'restartPolicyRules']);
  return new Set();
}
