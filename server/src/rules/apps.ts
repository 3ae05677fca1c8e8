import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { gateOnByDefault } from '../versions/featureGates';
import { parseQuantity } from '../pod/quantity';
import { checkLabelSelector } from './labels';
import { dns1123LabelProblem, dns1123SubdomainProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { hasPlaceholder, keySpan, spanOf } from './support';

export const deploymentStrategyRule: RuleDescriptor = {
  id: 'deployment-strategy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Recreate rollout replaces all Pods at once, so rollingUpdate settings do not apply to it; a rolling update with maxSurge and maxUnavailable both 0 could never progress, and maxUnavailable cannot exceed 100%. The API server rejects all three.',
  example: 'strategy:\n  type: Recreate\n  rollingUpdate:\n    maxSurge: 1',
  fix: 'Remove rollingUpdate for Recreate; for RollingUpdate let maxSurge or maxUnavailable be above 0, and maxUnavailable at most 100%.',
};

export const updateStrategyRule: RuleDescriptor = {
  id: 'update-strategy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A StatefulSet\'s rollingUpdate settings apply only to the RollingUpdate type, and its maxUnavailable must be above 0; a DaemonSet\'s rolling update needs maxUnavailable or maxSurge above 0 (maxSurge defaults to 0) and maxUnavailable at most 100%. The API server rejects others.',
  example: 'kind: DaemonSet\nupdateStrategy:\n  rollingUpdate:\n    maxUnavailable: 0',
  fix: 'For a DaemonSet let maxUnavailable be 1 or more, or set maxSurge; for a StatefulSet remove rollingUpdate under OnDelete.',
};

export const statefulSetRule: RuleDescriptor = {
  id: 'statefulset-spec',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A StatefulSet\'s serviceName becomes part of its Pods\' DNS names, so it is a DNS label; each volume claim template is a PersistentVolumeClaim spec, which needs an access mode and a storage request above zero. The API server rejects others.',
  example: 'volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      resources: {requests: {storage: 1Gi}}',
  fix: 'Give each claim template `accessModes: [ReadWriteOnce]` and `resources.requests.storage`.',
};

export const templateDeadlineRule: RuleDescriptor = {
  id: 'template-active-deadline',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Deployments, ReplicaSets, StatefulSets and DaemonSets keep their Pods running, so their Pod template may not set activeDeadlineSeconds (which would end each Pod after a time); the API server rejects it.',
  example: 'kind: Deployment\nspec:\n  template:\n    spec:\n      activeDeadlineSeconds: 3600',
  fix: 'Remove activeDeadlineSeconds from the template, or use a Job for work with a deadline.',
};

const KEEP_RUNNING = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** apps/v1 workloads around their template: rollout strategies and template fields a controller cannot keep. */
export const appsCheck: Check = {
  name: 'apps',
  rules: [deploymentStrategyRule, updateStrategyRule, statefulSetRule, templateDeadlineRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    const kind = pod?.workload.kind;
    if (!pod || !kind || !KEEP_RUNNING.has(kind)) return;
    const spec = valueOf(ctx.doc.root, 'spec');
    if (kind === 'Deployment') checkDeploymentStrategy(ctx, valueOf(spec, 'strategy'));
    if (kind === 'DaemonSet') checkDaemonSetStrategy(ctx, valueOf(spec, 'updateStrategy'));
    if (kind === 'StatefulSet') {
      checkStatefulSetStrategy(ctx, valueOf(spec, 'updateStrategy'));
      checkServiceName(ctx, spec);
      for (const [template] of mapItems(valueOf(spec, 'volumeClaimTemplates'))) checkClaimTemplate(ctx, template);
    }
    const deadline = pairOf(pod.podSpec, 'activeDeadlineSeconds');
    const span = spanOf(deadline?.key);
    if (deadline && span && !(isScalar(deadline.value) && deadline.value.value === null)) {
      ctx.report(templateDeadlineRule, {
        message: `A ${kind} keeps its Pods running, so its Pod template may not set activeDeadlineSeconds (each Pod would be stopped after that time and replaced). The API server rejects it; remove the field, or use a Job for work with a deadline.`,
        ...span,
      });
    }
  },
};

function checkDeploymentStrategy(ctx: CheckContext, strategy: Node | undefined): void {
  if (!isMap(strategy)) return;
  const type = scalarString(valueOf(strategy, 'type'));
  const rollingPair = pairOf(strategy, 'rollingUpdate');
  const rolling = rollingPair?.value;
  if (type === 'Recreate' && isMap(rolling)) {
    const span = spanOf(rollingPair!.key);
    const typeSpan = keySpan(strategy, 'type');
    if (span) {
      ctx.report(deploymentStrategyRule, {
        message: 'rollingUpdate may not be set when the strategy type is Recreate: a Recreate rollout stops every old Pod before it starts the new ones, so there is no surge or unavailability to tune. The API server rejects it; remove rollingUpdate or use type RollingUpdate.',
        ...span,
        related: typeSpan ? [{ ...typeSpan, message: 'the strategy type' }] : undefined,
      });
    }
    return;
  }
  if (type !== undefined && type !== 'RollingUpdate') return;
  if (!isMap(rolling)) return;
  // maxSurge defaults to 25% for a Deployment: only a written 0 leaves no room.
  checkRollingLimits(ctx, deploymentStrategyRule, rolling, false, 'rollout');
}

function checkDaemonSetStrategy(ctx: CheckContext, strategy: Node | undefined): void {
  if (!isMap(strategy)) return;
  const type = scalarString(valueOf(strategy, 'type'));
  const rolling = valueOf(strategy, 'rollingUpdate');
  if ((type !== undefined && type !== 'RollingUpdate') || !isMap(rolling)) return;
  // A DaemonSet's maxSurge defaults to 0, so maxUnavailable: 0 alone already leaves no room.
  checkRollingLimits(ctx, updateStrategyRule, rolling, true, 'DaemonSet update');
  const surgeNode = valueOf(rolling, 'maxSurge');
  const surgeSpan = spanOf(surgeNode);
  const surgePercent = percentOf(surgeNode);
  if (surgePercent !== undefined && surgePercent > 100 && surgeSpan) {
    ctx.report(updateStrategyRule, { message: `maxSurge is ${surgePercent}%; a DaemonSet surges at most 100% of its nodes. The API server rejects it.`, ...surgeSpan });
  }
  // A DaemonSet either surges (a new Pod starts beside the old one) or takes Pods down, not both; maxUnavailable
  // defaults to 1, so a surge needs maxUnavailable: 0 written out.
  const unavailableNode = valueOf(rolling, 'maxUnavailable');
  if (surgeSpan && isScalar(surgeNode) && !isZero(surgeNode) && surgeNode.value !== null && !isZero(unavailableNode)) {
    ctx.report(updateStrategyRule, {
      message: `A DaemonSet update either surges or takes Pods down, not both: maxSurge may be set only when maxUnavailable is 0${unavailableNode ? '' : ' (it defaults to 1)'}. The API server rejects it; add \`maxUnavailable: 0\` to surge, or remove maxSurge.`,
      ...surgeSpan,
    });
  }
}

/** maxUnavailable and maxSurge both 0 (a missing maxSurge counts as 0 where it defaults to 0), maxUnavailable over 100%. */
function checkRollingLimits(ctx: CheckContext, rule: RuleDescriptor, rolling: Node, surgeDefaultsToZero: boolean, what: string): void {
  const surgeNode = valueOf(rolling, 'maxSurge');
  const unavailableNode = valueOf(rolling, 'maxUnavailable');
  const unavailableSpan = spanOf(unavailableNode);
  const percent = percentOf(unavailableNode);
  if (percent !== undefined && percent > 100 && unavailableSpan) {
    ctx.report(rule, {
      message: `maxUnavailable is ${percent}%; at most 100% of the Pods can be unavailable. The API server rejects it.`,
      ...unavailableSpan,
    });
  }
  const surgeIsZero = surgeNode === undefined ? surgeDefaultsToZero : isZero(surgeNode);
  if (!isZero(unavailableNode) || !surgeIsZero || !unavailableSpan) return;
  ctx.report(rule, {
    message: `maxUnavailable and maxSurge are both 0${surgeNode === undefined ? ' (maxSurge defaults to 0 here)' : ''}: the ${what} may neither start an extra Pod nor stop an old one, so it could never progress. The API server rejects it; let one of them be above 0${rule === deploymentStrategyRule ? ' (maxSurge: 1 keeps full capacity during the rollout)' : ''}.`,
    ...unavailableSpan,
    related: spanOf(surgeNode) ? [{ ...spanOf(surgeNode)!, message: 'maxSurge is 0 here' }] : undefined,
  });
}

function checkStatefulSetStrategy(ctx: CheckContext, strategy: Node | undefined): void {
  if (!isMap(strategy)) return;
  const type = scalarString(valueOf(strategy, 'type'));
  const rollingPair = pairOf(strategy, 'rollingUpdate');
  if (type === 'OnDelete' && rollingPair && isMap(rollingPair.value)) {
    const span = spanOf(rollingPair.key);
    if (span) {
      ctx.report(updateStrategyRule, {
        message: 'rollingUpdate applies only to the RollingUpdate strategy; with OnDelete the StatefulSet updates a Pod only when you delete it. The API server rejects it; remove rollingUpdate or use type RollingUpdate.',
        ...span,
      });
    }
    return;
  }
  // maxUnavailable is read only with the MaxUnavailableStatefulSet gate, on by default from 1.35; before, the API
  // server drops the field without a word.
  if (!gateOnByDefault('MaxUnavailableStatefulSet', ctx.settings.kubernetesVersion)) return;
  const unavailableNode = valueOf(rollingPair?.value, 'maxUnavailable');
  const span = spanOf(unavailableNode);
  if (!span || !isZero(unavailableNode)) return;
  ctx.report(updateStrategyRule, {
    message: `maxUnavailable must be above 0 (a count of 1 or more, or a percentage that is not 0%): with 0 the StatefulSet could never update a Pod. A Kubernetes ${ctx.settings.kubernetesVersion} API server (MaxUnavailableStatefulSet on by default) rejects it.`,
    ...span,
  });
}

function checkServiceName(ctx: CheckContext, spec: Node | undefined): void {
  const node = valueOf(spec, 'serviceName');
  const name = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  const span = spanOf(node);
  if (!name || !span || hasPlaceholder(name)) return;
  const problem = dns1123LabelProblem(name);
  if (problem) {
    ctx.report(statefulSetRule, { message: `serviceName \`${name}\` is not a DNS-1123 label: ${problem}. It names the headless Service that gives the Pods their DNS names; the API server rejects it.`, ...span });
  }
}

/** A volume claim template's spec as a PersistentVolumeClaim spec: access modes, a storage request, a class name. */
function checkClaimTemplate(ctx: CheckContext, template: Node): void {
  const specPair = pairOf(template, 'spec');
  const spec = specPair?.value;
  const specKey = spanOf(specPair?.key);
  if (!isMap(spec) || !specKey) return; // A missing spec is missing-required.
  const modesPair = pairOf(spec, 'accessModes');
  const modes = isSeq(modesPair?.value) ? modesPair!.value.items.map((m) => scalarString(m)) : [];
  if (modes.length === 0) {
    ctx.report(statefulSetRule, {
      message: 'A volume claim template needs at least one access mode (ReadWriteOnce for one node\'s Pods, ReadWriteOncePod for one Pod); the API server rejects it without. Add `accessModes: [ReadWriteOnce]`.',
      ...(spanOf(modesPair?.key) ?? specKey),
    });
  } else if (modes.includes('ReadWriteOncePod') && modes.length > 1 && spanOf(modesPair!.key)) {
    ctx.report(statefulSetRule, { message: 'ReadWriteOncePod cannot be combined with other access modes; the API server rejects it. Keep ReadWriteOncePod alone.', ...spanOf(modesPair!.key)! });
  }
  const classNode = valueOf(spec, 'storageClassName');
  const className = isScalar(classNode) && typeof classNode.value === 'string' ? classNode.value : undefined;
  const classProblem = className && !hasPlaceholder(className) ? dns1123SubdomainProblem(className) : undefined;
  if (classProblem && spanOf(classNode)) {
    ctx.report(statefulSetRule, { message: `storageClassName \`${className}\` cannot name a StorageClass: ${classProblem}. The API server rejects it.`, ...spanOf(classNode)! });
  }
  const resourcesPair = pairOf(spec, 'resources');
  const requestsPair = pairOf(resourcesPair?.value, 'requests');
  const storageNode = valueOf(requestsPair?.value, 'storage');
  if (!storageNode) {
    ctx.report(statefulSetRule, {
      message: 'A volume claim template needs resources.requests.storage, the size of each Pod\'s volume; the API server rejects it without. Add e.g. `resources: {requests: {storage: 1Gi}}`.',
      ...(spanOf(resourcesPair?.key) ?? specKey),
    });
  } else {
    const quantity = isScalar(storageNode) ? parseQuantity(storageNode.value) : undefined;
    const span = spanOf(storageNode);
    if (quantity && quantity.value <= 0 && span) {
      ctx.report(statefulSetRule, { message: `The storage request \`${quantity.text}\` must be greater than zero; the API server rejects it.`, ...span });
    }
  }
  checkLabelSelector(ctx, spec, 'selector', 'volume claim selector');
}

/** A rollout limit of zero: the number 0, or a percentage of zero such as "0%". */
function isZero(node: unknown): boolean {
  if (!isScalar(node)) return false;
  const value = node.value;
  if (typeof value === 'number') return value === 0;
  return typeof value === 'string' && percentOf(node) === 0;
}

/** The percentage of a value written like "25%", else undefined. */
function percentOf(node: unknown): number | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const text = node.value;
  if (!text.endsWith('%')) return undefined;
  const digits = text.slice(0, -1);
  return digits.length > 0 && [...digits].every((c) => c >= '0' && c <= '9') ? Number(digits) : undefined;
}
