import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { locate } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { allowedRestartPolicies } from '../pod/restartPolicies';
import { code, keyAt, valueAt, type Fix, type FixContext, type FixFamily } from './fix';
import type { Edit } from '../document/textEdit';
import { removeItem, removePair, renameScalar } from '../document/yamlEdits';
import { deploymentStrategyRule } from '../rules/apps';
import { duplicateEnvRule } from '../rules/env';
import { ephemeralContainersRule, initRestartPolicyRule } from '../rules/lifecycle';
import { hostNetworkPortRule } from '../rules/ports';
import { probeSuccessThresholdRule, readinessGracePeriodRule } from '../rules/probes';
import { invalidSubPathRule } from '../rules/volumes';
import { podFailurePolicyRule, workloadRestartPolicyRule } from '../rules/workloads';

/**
 * Pod rules whose fix is one value or one field: the value the API server accepts, or the field it rejects
 * removed. Each keeps the person's quoting and lines.
 */

/** The scalar a finding is on, with the pair and mapping that hold it. */
function valuePair(doc: ManifestDocument, offset: number): { node: Scalar; pair: Pair<unknown, unknown>; map: YAMLMap<unknown, unknown> } | undefined {
  const at = locate(doc.root, offset);
  if (!at || at.onKey || !at.pair || !isScalar(at.node) || at.node.range?.[0] !== offset) return undefined;
  const map = at.parents[at.parents.length - 1];
  return isMap(map) ? { node: at.node, pair: at.pair, map: map as YAMLMap<unknown, unknown> } : undefined;
}

function setValue(node: Scalar, value: string | number): Edit {
  if (typeof value === 'number') return { start: node.range![0], end: node.range![1], newText: String(value) };
  return renameScalar(node, value);
}

function removal(ctx: FixContext, title: string, preferred: boolean, pairAt: { pair: Pair<unknown, unknown>; map: YAMLMap<unknown, unknown> } | undefined): Fix[] {
  const edit = pairAt && removePair(ctx.text, pairAt.map, pairAt.pair);
  return edit ? [{ title, edits: [edit], preferred }] : [];
}

/** A Deployment's (StatefulSet's...) template restartPolicy other than Always; a Job's other than OnFailure or Never. */
export const workloadRestartPolicyFixes: FixFamily = {
  rules: [workloadRestartPolicyRule],
  fixes(ctx) {
    const at = valuePair(ctx.doc, ctx.finding.start);
    const workload = podModelOf(ctx.doc)?.workload;
    if (!at || !workload) return [];
    const allowed = allowedRestartPolicies(workload);
    return allowed.map((value, i) => ({ title: `Change to ${code(value)}`, edits: [setValue(at.node, value)], preferred: i === 0 && allowed.length === 1 }));
  },
};

/** A Job with a podFailurePolicy must not restart containers in place: restartPolicy Never. */
export const podFailurePolicyRestartFixes: FixFamily = {
  rules: [podFailurePolicyRule],
  fixes(ctx) {
    const at = valuePair(ctx.doc, ctx.finding.start);
    return at ? [{ title: `Change to ${code('Never')}`, edits: [setValue(at.node, 'Never')], preferred: true }] : [];
  },
};

/** An init container's restartPolicy other than Always: remove it (a plain init step), or make it a native sidecar. */
export const initContainerRestartPolicyFixes: FixFamily = {
  rules: [initRestartPolicyRule],
  fixes(ctx) {
    const at = valuePair(ctx.doc, ctx.finding.start);
    if (!at) return [];
    return [
      ...removal(ctx, `Remove ${code('restartPolicy')} (an init step that runs to completion)`, true, at),
      { title: `Change to ${code('Always')} (a native sidecar that keeps running)`, edits: [setValue(at.node, 'Always')] },
    ];
  },
};

/** Liveness and startup probes act on the first success: successThreshold 1. */
export const probeSuccessThresholdFixes: FixFamily = {
  rules: [probeSuccessThresholdRule],
  fixes(ctx) {
    const at = valuePair(ctx.doc, ctx.finding.start);
    return at ? [{ title: `Change to ${code(1)}`, edits: [setValue(at.node, 1)], preferred: true }] : [];
  },
};

/** terminationGracePeriodSeconds on a readiness probe (which never kills the container): remove it. */
export const readinessGracePeriodFixes: FixFamily = {
  rules: [readinessGracePeriodRule],
  fixes: (ctx) => removal(ctx, `Remove ${code('terminationGracePeriodSeconds')} from the readiness probe`, true, keyAt(ctx)),
};

/** With hostNetwork, hostPort must equal containerPort: make it equal, or leave it out. */
export const hostNetworkPortFixes: FixFamily = {
  rules: [hostNetworkPortRule],
  fixes(ctx) {
    const at = valuePair(ctx.doc, ctx.finding.start);
    const containerPort = ctx.finding.related?.[0] ? valueAt(ctx.doc, ctx.finding.related[0].start)?.node : undefined;
    if (!at || !isScalar(containerPort) || typeof containerPort.value !== 'number') return [];
    return [
      { title: `Set hostPort to ${containerPort.value} (the containerPort)`, edits: [setValue(at.node, containerPort.value)], preferred: true },
      ...removal(ctx, `Remove ${code('hostPort')}`, false, at),
    ];
  },
};

/** An absolute subPath: the same path relative to the volume's root. */
export const invalidSubPathFixes: FixFamily = {
  rules: [invalidSubPathRule],
  fixes(ctx) {
    // The finding sits on the volumeMounts list (where the API server reports it) and relates the subPath.
    const at = valuePair(ctx.doc, ctx.finding.related?.[0]?.start ?? ctx.finding.start);
    if (!at || typeof at.node.value !== 'string' || !at.node.value.startsWith('/')) return [];
    const relative = at.node.value.replace(/^\/+/, '');
    if (!relative || relative.split('/').includes('..')) return [];
    return [{ title: `Make it relative: ${code(relative)}`, edits: [renameScalar(at.node, relative)], preferred: true }];
  },
};

/** Recreate with rollingUpdate settings: remove them. Both limits 0: let one surge Pod through. */
export const deploymentStrategyFixes: FixFamily = {
  rules: [deploymentStrategyRule],
  fixes(ctx) {
    const key = keyAt(ctx);
    if (key) return removal(ctx, `Remove ${code('rollingUpdate')} (Recreate does not use it)`, true, key);
    const surge = ctx.finding.related?.[0] ? valuePair(ctx.doc, ctx.finding.related[0].start) : undefined;
    return surge ? [{ title: `Set ${code('maxSurge: 1')} (full capacity during the rollout)`, edits: [setValue(surge.node, 1)], preferred: true }] : [];
  },
};

/** An environment variable set twice: the last entry wins, so the earlier one can go without changing anything. */
export const duplicateEnvFixes: FixFamily = {
  rules: [duplicateEnvRule],
  fixes(ctx) {
    const first = ctx.finding.related?.[0] ? locate(ctx.doc.root, ctx.finding.related[0].start) : undefined;
    if (!first || first.parents.length < 2) return [];
    const item = first.parents[first.parents.length - 1] as Node;
    const list = first.parents[first.parents.length - 2];
    if (!isMap(item) || !isSeq(list)) return [];
    const edit = removeItem(ctx.text, list as YAMLSeq, item);
    return edit ? [{ title: 'Remove the earlier entry (the later one is the one in effect)', edits: [edit], preferred: true }] : [];
  },
};

/** Ephemeral containers in a manifest (they are added to a running Pod with kubectl debug): remove them. */
export const ephemeralContainersFixes: FixFamily = {
  rules: [ephemeralContainersRule],
  fixes: (ctx) => removal(ctx, `Remove ${code('ephemeralContainers')} (add them to a running Pod with kubectl debug)`, true, keyAt(ctx)),
};
