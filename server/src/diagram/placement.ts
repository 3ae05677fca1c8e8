import { isMap, isSeq, type YAMLMap } from 'yaml';
import { mapItems, scalarString, valueOf } from '../document/yamlTree';
import type { PodModel } from '../pod/podModel';

/** At most this many selector labels and tolerations are spelt out; the rest are counted. */
const MAX_SPELT = 3;

/**
 * Where the Pod may run, in words for the diagram's header: the fields that choose one node for the whole Pod
 * (nodeName, nodeSelector, tolerations, affinity, topology spread). Undefined when the manifest sets none of them,
 * so the header only speaks of placement where the manifest does.
 */
export function placementSummary(pod: PodModel): string | undefined {
  const spec = pod.podSpec;
  if (!spec) return undefined;
  const parts: string[] = [];
  const nodeName = scalarString(valueOf(spec, 'nodeName'));
  if (nodeName) parts.push(`pinned to node ${nodeName}`);
  const selector = valueOf(spec, 'nodeSelector');
  if (isMap(selector) && selector.items.length) {
    const labels = selector.items.map((pair) => `${scalarString(pair.key) ?? '?'}=${scalarString(pair.value) ?? ''}`);
    parts.push(`nodeSelector ${spelt(labels)}`);
  }
  const tolerations = [...mapItems(valueOf(spec, 'tolerations'))].map(([t]) => tolerationText(t));
  if (tolerations.length) parts.push(`tolerates ${spelt(tolerations)}`);
  const affinity = valueOf(spec, 'affinity');
  if (isMap(affinity)) {
    const kinds = affinity.items.map((pair) => scalarString(pair.key)).filter((k): k is string => !!k);
    if (kinds.length) parts.push(kinds.join(', '));
  }
  const spread = valueOf(spec, 'topologySpreadConstraints');
  if (isSeq(spread) && spread.items.length) parts.push(`${spread.items.length} topology spread ${spread.items.length === 1 ? 'constraint' : 'constraints'}`);
  return parts.length ? `Placement, one node for the whole Pod: ${parts.join(' · ')}` : undefined;
}

/** `dedicated=api:NoSchedule`, `node.kubernetes.io/not-ready:NoExecute` (Exists), or `every taint`. */
function tolerationText(t: YAMLMap<unknown, unknown>): string {
  const key = scalarString(valueOf(t, 'key'));
  const value = scalarString(valueOf(t, 'value'));
  const effect = scalarString(valueOf(t, 'effect'));
  if (!key) return effect ? `every ${effect} taint` : 'every taint';
  return `${key}${value !== undefined && value !== '' ? `=${value}` : ''}${effect ? `:${effect}` : ''}`;
}

function spelt(items: readonly string[]): string {
  const shown = items.slice(0, MAX_SPELT).join(', ');
  return items.length > MAX_SPELT ? `${shown} and ${items.length - MAX_SPELT} more` : shown;
}
