import { isScalar } from 'yaml';
import type { ManifestDocument } from '../../document/manifestDocument';
import { nodeAtPath, valueOf } from '../../document/yamlTree';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { PodModel } from '../podModel';
import { podSecurityOf } from '../securityContext';
import { confinementControls } from './confinement';
import { hostAccessControls } from './hostAccess';
import { privilegeControls } from './privileges';
import type { ControlGroup, EnforcedLevel, PodSecurityLevelName, PolicyInput, Violation } from './standard';
import { mapAt } from './standard';
import { userControls } from './users';
import { volumeControls } from './volumes';

export type { ControlGroup, EnforcedLevel, PodSecurityLevelName, PolicyInput, Violation } from './standard';

/** Every control group, in the order findings are reported. */
export const CONTROL_GROUPS: readonly ControlGroup[] = [hostAccessControls, volumeControls, privilegeControls, userControls, confinementControls];

export interface PolicyOptions {
  /** The document the Pod is in: its (template) metadata.annotations carry the older AppArmor settings. */
  readonly doc?: ManifestDocument;
  /** `major.minor` of the policy; the default targeted Kubernetes version when absent. */
  readonly version?: string;
}

const memo = new WeakMap<PodModel, Map<string, readonly Violation[]>>();

/**
 * Every violation of the baseline and restricted levels in the Pod, each at its exact place, at the policy of
 * `options.version`. Never throws on malformed input: a control reads only well-formed values.
 */
export function podSecurityViolations(pod: PodModel, options: PolicyOptions = {}): readonly Violation[] {
  const version = options.version ?? DEFAULT_SETTINGS.kubernetesVersion;
  const key = `${version}:${options.doc ? 'doc' : 'pod'}`;
  let byKey = memo.get(pod);
  if (!byKey) memo.set(pod, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) {
    found = evaluate(pod, options.doc, version);
    byKey.set(key, found);
  }
  return found;
}

function evaluate(pod: PodModel, doc: ManifestDocument | undefined, version: string): Violation[] {
  const metadataPath = pod.workload.templateMetadataPath ?? ['metadata'];
  const input: PolicyInput = {
    pod,
    security: podSecurityOf(pod),
    annotations: doc ? mapAt(nodeAtPath(doc.root, metadataPath), 'annotations') : undefined,
    version,
    windows: scalarValue(valueOf(valueOf(pod.podSpec, 'os'), 'name')) === 'windows',
    ownUserNamespace: scalarValue(valueOf(pod.podSpec, 'hostUsers')) === false,
  };
  return CONTROL_GROUPS.flatMap((group) => group(input)).filter((v) => Number.isInteger(v.start) && Number.isInteger(v.end));
}

export interface PodSecurityVerdict {
  /** The highest level the Pod meets. */
  readonly level: PodSecurityLevelName;
  /** The controls that keep it from the next level up (empty at restricted). */
  readonly blockedBy: readonly string[];
}

/** The highest Pod Security Standard the Pod meets: restricted when no control fails, baseline when only restricted ones do. */
export function highestPodSecurityLevel(pod: PodModel, options: PolicyOptions = {}): PodSecurityLevelName {
  return podSecurityVerdict(pod, options).level;
}

/** The highest level the Pod meets, with the controls that keep it from the next level up. */
export function podSecurityVerdict(pod: PodModel, options: PolicyOptions = {}): PodSecurityVerdict {
  const violations = podSecurityViolations(pod, options);
  const failing = (level: EnforcedLevel) => [...new Set(violations.filter((v) => v.level === level).map((v) => v.control))];
  const baseline = failing('baseline');
  if (baseline.length) return { level: 'privileged', blockedBy: baseline };
  const restricted = failing('restricted');
  if (restricted.length) return { level: 'baseline', blockedBy: restricted };
  return { level: 'restricted', blockedBy: [] };
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}
