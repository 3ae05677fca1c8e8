import { appContainers, initContainers, type ContainerModel, type PodModel, type ResourceList } from './podModel';

/**
 * The Pod's effective requests and limits, computed the way the scheduler does.
 *
 * Init containers run one at a time, each beside the native sidecars started before it; app containers run all
 * together beside every native sidecar. So for each resource the Pod needs the larger of (the busiest init step)
 * and (the sum of app containers plus all sidecars), plus the runtime's overhead. Pod-level `spec.resources`, where
 * set, is the budget instead (for cpu, memory and hugepages; the overhead still comes on top).
 *
 * Defaulting the API server applies first, and so do we: a container that sets only a limit requests that much; a
 * Pod-level limit without a Pod-level request is the request when no container requests the resource.
 */
export interface EffectiveResource {
  /** The effective amount in base units; undefined for a limit that some running container leaves unbounded. */
  readonly value: number | undefined;
  /** How the figure came about, in words: "sum of app containers and sidecars", "init container migrate"... */
  readonly from: string;
  /**
   * The containers that run at the moment the figure describes, whose amounts it adds up (empty when the Pod's own
   * spec.resources sets it). A container outside this list does not run then, so it has no share in the figure.
   */
  readonly containers: readonly ContainerModel[];
  /** For an unbounded limit: every one of those containers that sets none (all are named, not only the first). */
  readonly unboundedBy?: readonly ContainerModel[];
}

export interface EffectiveResources {
  readonly requests: ReadonlyMap<string, EffectiveResource>;
  readonly limits: ReadonlyMap<string, EffectiveResource>;
}

export function effectiveResources(pod: PodModel): EffectiveResources {
  return {
    requests: effective(pod, (c) => c.requests, pod.podRequests, false),
    limits: effective(pod, (c) => c.limits, pod.podLimits, true),
  };
}

function effective(
  pod: PodModel,
  listOf: (c: ContainerModel) => ResourceList,
  podLevel: ResourceList | undefined,
  isLimit: boolean,
): Map<string, EffectiveResource> {
  const result = new Map<string, EffectiveResource>();
  const inits = initContainers(pod);
  const apps = appContainers(pod);
  const sidecars = inits.filter((c) => c.isNativeSidecar);
  const names = new Set<string>();
  for (const c of [...inits, ...apps]) {
    for (const name of listOf(c).values.keys()) names.add(name);
    if (!isLimit) for (const name of c.limits.values.keys()) names.add(name);
  }
  if (podLevel) for (const name of podLevel.values.keys()) names.add(name);
  // A Pod-level limit can stand for the Pod's request too (see podLevelValue).
  if (!isLimit && pod.podLimits) for (const name of pod.podLimits.values.keys()) if (isPodLevelResource(name)) names.add(name);

  for (const name of names) {
    const overhead = pod.overhead?.values.get(name)?.value;
    const podValue = podLevelValue(pod, name, isLimit);
    if (podValue !== undefined) {
      // The Pod's own budget replaces the sum of its containers; the runtime's overhead still comes on top.
      const from = 'set for the whole Pod (spec.resources)';
      result.set(name, overhead !== undefined
        ? { value: podValue + overhead, from: `${from}, plus the Pod overhead`, containers: [] }
        : { value: podValue, from, containers: [] });
      continue;
    }
    // A container that sets only a limit gets a request equal to it (API defaulting), so requests read both.
    const amount = (c: ContainerModel) => listOf(c).values.get(name)?.value ?? (isLimit ? undefined : c.limits.values.get(name)?.value);
    // A limit is unbounded as soon as one container that runs at that moment sets none.
    const sum = (cs: ContainerModel[], from: string): EffectiveResource => {
      let total = 0;
      const open: ContainerModel[] = [];
      for (const c of cs) {
        const v = amount(c);
        if (v === undefined) {
          if (isLimit) open.push(c);
          continue;
        }
        total += v;
      }
      return open.length ? { value: undefined, from, containers: cs, unboundedBy: open } : { value: total, from, containers: cs };
    };
    let best = sum([...apps, ...sidecars], sidecars.length ? 'sum of app containers and native sidecars' : 'sum of app containers');
    let sidecarsSoFar: ContainerModel[] = [];
    for (const init of inits) {
      if (init.isNativeSidecar) {
        sidecarsSoFar = [...sidecarsSoFar, init];
        continue;
      }
      const label = `init container ${init.name ?? `#${init.index + 1}`}${sidecarsSoFar.length ? ' with the sidecars started before it' : ''}`;
      const step = sum([init, ...sidecarsSoFar], label);
      if (best.value !== undefined && (step.value === undefined || step.value > best.value)) best = step;
    }
    if (overhead !== undefined && best.value !== undefined) best = { ...best, value: best.value + overhead, from: `${best.from}, plus the Pod overhead` };
    result.set(name, best);
  }
  return result;
}

/** Pod-level resources apply to cpu, memory and hugepages only; other names always come from the containers. */
function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/**
 * The Pod-level amount of `name`, when spec.resources decides it. A Pod-level limit without a request is also the
 * request when no container requests that resource (the API's defaulting); otherwise containers' requests add up.
 */
function podLevelValue(pod: PodModel, name: string, isLimit: boolean): number | undefined {
  if (!isPodLevelResource(name)) return undefined;
  if (isLimit) return pod.podLimits?.values.get(name)?.value;
  const request = pod.podRequests?.values.get(name)?.value;
  if (request !== undefined) return request;
  const limit = pod.podLimits?.values.get(name)?.value;
  if (limit === undefined) return undefined;
  // A container's limit is its request too (defaulting), so it counts as requesting the resource.
  const anyContainerRequests = pod.containers.some(
    (c) => c.list !== 'ephemeralContainers' && (c.requests.values.has(name) || c.limits.values.has(name)),
  );
  return anyContainerRequests ? undefined : limit;
}
