import { isMap, type Node, type YAMLMap } from 'yaml';
import { nodeAtPath, pairOf, scalarString, spanOf, valueOf } from '../../document/yamlTree';
import { compareVersions } from '../../versions/kubernetesVersion';
import type { ContainerModel, PodModel } from '../podModel';
import type { ContainerSecurity, PodSecuritySettings, WrittenField } from '../securityContext';

/**
 * The Pod Security Standards as Podsmith evaluates them: the levels, what one violation says, and what every
 * control reads. The controls follow the pod-security-admission policy of the Kubernetes version the person
 * targets (`podsmith.kubernetesVersion`), since the admission controller of that version applies its own policy
 * ("latest") to a namespace that enforces a level.
 */

/** The three levels, most permissive first. */
export type PodSecurityLevelName = 'privileged' | 'baseline' | 'restricted';
/** The levels that forbid something. */
export type EnforcedLevel = 'baseline' | 'restricted';

export interface Violation {
  /** The rule that reports it: one rule per control, e.g. `pss-host-namespaces`. */
  readonly ruleId: string;
  /** The control's name as the standard writes it, e.g. "Host Namespaces". */
  readonly control: string;
  /** The lowest level that forbids this (a baseline violation fails restricted too). */
  readonly level: EnforcedLevel;
  /** Where it points: the offending value, or the nearest key where a missing field belongs. */
  readonly start: number;
  readonly end: number;
  /** What is wrong, in one sentence, naming the container or the Pod. */
  readonly problem: string;
  /** What to write instead. */
  readonly fix: string;
}

/** What every control reads: the Pod, its security settings, and the policy version. */
export interface PolicyInput {
  readonly pod: PodModel;
  readonly security: PodSecuritySettings;
  /** The pod template's (or Pod's) metadata.annotations mapping, when written. */
  readonly annotations?: YAMLMap<unknown, unknown>;
  /** `major.minor` of the policy: the targeted Kubernetes version. */
  readonly version: string;
  /** spec.os.name is windows: some restricted controls do not apply (policy 1.25+). */
  readonly windows: boolean;
  /** spec.hostUsers is false: the Pod has its own user namespace (relaxes some controls from policy 1.35). */
  readonly ownUserNamespace: boolean;
}

/** A control group: a function from the Pod to its violations. */
export type ControlGroup = (input: PolicyInput) => Violation[];

/** True when policy `version` is `atLeast` or newer. */
export function policyAtLeast(version: string, atLeast: string): boolean {
  return compareVersions(version, atLeast) >= 0;
}


/** Where a violation about a missing container field points: the container's securityContext key, else its name. */
export function containerAnchor(c: ContainerSecurity, ...path: string[]): { start: number; end: number } | undefined {
  // The deepest key of `path` that exists (capabilities, then drop), else securityContext, else the name.
  let map: unknown = c.context;
  let deepest: Node | undefined;
  for (const step of path) {
    const pair = pairOf(map, step);
    if (!pair) break;
    deepest = pair.key as Node;
    map = pair.value;
  }
  return spanOf(deepest) ?? spanOf(c.contextKey) ?? spanOf(c.container.nameNode) ?? firstKeySpan(c.container.node);
}

/** "container `web`", "init container `migrate`", "native sidecar `proxy`", "ephemeral container `debug`". */
export function who(c: ContainerModel): string {
  const kind = c.isNativeSidecar ? 'native sidecar' : c.list === 'initContainers' ? 'init container' : c.list === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return c.name ? `${kind} \`${c.name}\`` : `${kind} #${c.index + 1}`;
}

/** The string under `key` of a written mapping field (seccompProfile.type...), with its node. */
export function stringIn(field: WrittenField | undefined, key: string): { value: string; node: Node } | undefined {
  const node = field ? valueOf(field.node, key) : undefined;
  const value = scalarString(node);
  return node && value !== undefined ? { value, node } : undefined;
}

/** The mapping under `path` of a mapping, or undefined. */
export function mapAt(root: unknown, ...path: string[]): YAMLMap<unknown, unknown> | undefined {
  const node = nodeAtPath(root, path);
  return isMap(node) ? (node as YAMLMap<unknown, unknown>) : undefined;
}

function firstKeySpan(map: YAMLMap<unknown, unknown> | undefined) {
  const first = map?.items[0];
  return first ? spanOf(first.key) : undefined;
}
