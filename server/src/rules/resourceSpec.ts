import { isMap, isScalar, type Pair } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../document/yamlTree';
import { appContainers, podModelOf, readResources, type ContainerModel, type PodModel, type ResourceList } from '../pod/podModel';
import { parseQuantity, shortQuantity } from '../pod/quantity';
import { gateOnByDefault } from '../versions/featureGates';
import { dns1123LabelProblem, dns1123SubdomainProblem, qualifiedNameProblem } from './nameFormats';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, keySpan, sentence, spanOf, type Span } from './support';

/**
 * The API server's checks of what resources are named and how they fit together (validateContainerResourceName,
 * validatePodResourceName, the huge-page rules, validatePodResourceConsistency, validateResizePolicy, resource
 * claims). Amounts (negative, request above limit, overcommit) are resources.ts's.
 */

export const resourceNameRule: RuleDescriptor = {
  id: 'resource-name',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A container asks for cpu, memory, ephemeral-storage, huge pages or an extended resource with a domain (example.com/gpu); a Pod\'s own resources only for cpu, memory and huge pages. The API server rejects other names.',
  example: 'resources:\n  limits:\n    gpu: 1',
  fix: 'Use a standard resource name, or the extended resource\'s full name with its domain (nvidia.com/gpu).',
};

export const hugePagesRule: RuleDescriptor = {
  id: 'hugepages-resource',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Huge pages come in pages of the size the resource names (hugepages-2Mi), so an amount must be a whole number of pages, and a container that asks for them must ask for cpu or memory too; the API server rejects others.',
  example: 'resources:\n  limits:\n    hugepages-2Mi: 3Mi',
  fix: 'Ask for a multiple of the page size, and set a cpu or memory request or limit beside it.',
};

export const podResourcesRule: RuleDescriptor = {
  id: 'pod-resources',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A Pod\'s own resources (spec.resources) bound its containers: its requests cover what the containers request together, no container\'s limit exceeds the Pod\'s, and claims belong to containers. The API server rejects others.',
  example: 'spec:\n  resources:\n    limits: {memory: 1Gi}\n  containers:\n    - name: web\n      resources:\n        limits: {memory: 2Gi}',
  fix: 'Raise the Pod\'s request or limit, or lower the containers\'.',
};

export const resizePolicyRule: RuleDescriptor = {
  id: 'resize-policy',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'resizePolicy says, for cpu and memory only, whether a resize restarts the container (NotRequired or RestartContainer), once per resource, and a Pod that never restarts cannot restart one for a resize. The API server rejects others.',
  example: 'resizePolicy:\n  - resourceName: storage\n    restartPolicy: NotRequired',
  fix: 'Name cpu or memory once each, with NotRequired or RestartContainer (NotRequired in a Pod with restartPolicy Never).',
};

export const resourceClaimsRule: RuleDescriptor = {
  id: 'resource-claims',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A container uses a dynamic resource by naming one of the Pod\'s spec.resourceClaims, each named once, made from exactly one of a ResourceClaim or a template; the API server rejects other references.',
  example: 'resources:\n  claims:\n    - name: gpu\nresourceClaims: []',
  fix: 'Declare the claim in spec.resourceClaims (with resourceClaimName or resourceClaimTemplateName) and refer to it by that name.',
};

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const POD_LEVEL_RESOURCES = ['cpu', 'memory'];

export const resourceSpecCheck: Check = {
  name: 'resourceSpec',
  rules: [resourceNameRule, hugePagesRule, podResourcesRule, resizePolicyRule, resourceClaimsRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const claimNames = checkPodClaims(ctx, pod);
    for (const c of pod.containers) {
      if (c.list === 'ephemeralContainers') continue;
      const resources = pairOf(c.node, 'resources');
      checkNames(ctx, c.requests, 'container');
      checkNames(ctx, c.limits, 'container');
      checkHugePages(ctx, c.requests, c.limits, resources, containerLabel(c));
      checkContainerClaims(ctx, c, claimNames);
      checkResizePolicy(ctx, pod, c);
    }
    const overhead = readResources(valueOf(pod.podSpec, 'overhead'));
    checkNames(ctx, overhead, 'container');
    const podResources = pairOf(pod.podSpec, 'resources');
    if (podResources && isMap(podResources.value) && gateOnByDefault('PodLevelResources', ctx.settings.kubernetesVersion)) {
      const claims = pairOf(podResources.value, 'claims');
      if (claims) {
        ctx.report(podResourcesRule, {
          message: 'claims cannot be set in the Pod\'s own resources: a dynamic resource is used by a container, so list it in that container\'s resources.claims. The API server rejects it.',
          ...spanOf(claims.key)!,
        });
      }
      const requests = pod.podRequests ?? readResources(undefined);
      const limits = pod.podLimits ?? readResources(undefined);
      checkNames(ctx, requests, 'pod');
      checkNames(ctx, limits, 'pod');
      checkHugePages(ctx, requests, limits, podResources, 'the Pod (spec.resources)');
      checkConsistency(ctx, pod, requests, limits);
    }
  },
};

function checkNames(ctx: CheckContext, list: ResourceList, level: 'container' | 'pod'): void {
  for (const [name, node] of list.nodes) {
    const problem = resourceNameProblem(name, level);
    if (!problem) continue;
    ctx.report(resourceNameRule, {
      message: `\`${name}\` ${problem}. The API server rejects it.`,
      ...(spanOf(list.keys.get(name)) ?? spanOf(node)!),
    });
  }
}

/** Why the API server rejects a resource name at a level, or undefined. */
export function resourceNameProblem(name: string, level: 'container' | 'pod'): string | undefined {
  const qualified = qualifiedNameProblem(name);
  if (qualified) return `is not a resource name: ${qualified}`;
  const hugePages = name.startsWith('hugepages-');
  if (level === 'pod') {
    if (POD_LEVEL_RESOURCES.includes(name) || hugePages) return undefined;
    return `cannot be set in the Pod's own resources: only ${POD_LEVEL_RESOURCES.join(', ')} and huge pages can (set it on the containers that need it)`;
  }
  if (!name.includes('/')) {
    if (STANDARD_CONTAINER_RESOURCES.has(name) || hugePages) return undefined;
    return 'is not a resource a container can ask for: cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with its domain (example.com/gpu)';
  }
  const domain = name.slice(0, name.indexOf('/'));
  const native = domain === 'kubernetes.io' || domain.endsWith('.kubernetes.io');
  if (native) return undefined;
  if (name.startsWith('requests.')) return "is not an extended resource name: it may not start with 'requests.'";
  return undefined;
}

function pageSize(name: string): number | undefined {
  return parseQuantity(name.slice('hugepages-'.length))?.value;
}

function checkHugePages(ctx: CheckContext, requests: ResourceList, limits: ResourceList, resources: Pair<unknown, unknown> | undefined, owner: string): void {
  let hugePages = false;
  for (const list of [requests, limits]) {
    for (const [name, q] of list.values) {
      if (!name.startsWith('hugepages-')) continue;
      hugePages = true;
      const size = pageSize(name);
      if (!size || q.value <= 0) continue;
      const pages = q.value / size;
      if (Math.abs(pages - Math.round(pages)) > 1e-9) {
        ctx.report(hugePagesRule, {
          message: `${q.text} of ${name} for ${owner} is not a whole number of ${name.slice('hugepages-'.length)} pages (${pages.toFixed(2)}); the API server rejects it. Ask for a multiple of the page size.`,
          ...spanOf(list.nodes.get(name))!,
        });
      }
    }
  }
  const cpuOrMemory = ['cpu', 'memory'].some((r) => requests.nodes.has(r) || limits.nodes.has(r));
  if (hugePages && !cpuOrMemory && resources) {
    ctx.report(hugePagesRule, {
      message: sentence(`${owner} asks for huge pages but no cpu or memory; the API server requires one of them beside huge pages. Add a memory limit (or a cpu request).`),
      ...spanOf(resources.key)!,
    });
  }
}

/**
 * The Pod's requests cover the containers' together (the app containers and sidecars side by side, or the largest
 * init step with the sidecars started before it), and no app container's limit is above the Pod's. Only resources
 * the Pod's own requests name are compared.
 */
function checkConsistency(ctx: CheckContext, pod: PodModel, requests: ResourceList, limits: ResourceList): void {
  for (const [name, podRequest] of requests.values) {
    const aggregate = aggregateRequest(pod, name);
    if (aggregate <= podRequest.value * (1 + 1e-9)) continue;
    ctx.report(podResourcesRule, {
      message: `The Pod's ${name} request (${shortQuantity(name, podRequest.value)}) is below what its containers request together (${shortQuantity(name, aggregate)}); the API server requires the Pod's request to cover them. Raise spec.resources.requests.${name}, or lower the containers' requests.`,
      ...spanOf(requests.nodes.get(name))!,
    });
  }
  for (const c of pod.containers) {
    if (c.list !== 'containers') continue;
    for (const [name, limit] of c.limits.values) {
      const podLimit = limits.values.get(name);
      if (!podLimit || limit.value <= podLimit.value * (1 + 1e-9)) continue;
      ctx.report(podResourcesRule, {
        message: sentence(`the ${name} limit of ${containerLabel(c)} (${shortQuantity(name, limit.value)}) is above the Pod's (${shortQuantity(name, podLimit.value)}); a container cannot use more than its Pod, so the API server rejects it.`),
        // The API server names spec.resources here (a path under it that no manifest has), so the finding goes there.
        ...(keySpan(pod.podSpec, 'resources') ?? spanOf(c.limits.nodes.get(name))!),
        related: [{ ...spanOf(c.limits.nodes.get(name))!, message: `the ${name} limit of ${containerLabel(c)}` }, { ...spanOf(limits.nodes.get(name))!, message: `the Pod's ${name} limit` }],
      });
    }
  }
}

function aggregateRequest(pod: PodModel, name: string): number {
  const value = (c: ContainerModel) => c.requests.values.get(name)?.value ?? 0;
  let sidecars = 0;
  let initPeak = 0;
  for (const c of pod.containers) {
    if (c.list !== 'initContainers') continue;
    if (c.isNativeSidecar) sidecars += value(c);
    else initPeak = Math.max(initPeak, sidecars + value(c));
  }
  const running = sidecars + appContainers(pod).reduce((sum, c) => sum + value(c), 0);
  return Math.max(running, initPeak);
}

function checkResizePolicy(ctx: CheckContext, pod: PodModel, c: ContainerModel): void {
  const pair = pairOf(c.node, 'resizePolicy');
  if (!pair) return;
  const listSpan = spanOf(pair.key)!;
  const seen = new Map<string, Span | undefined>();
  for (const [item] of mapItems(pair.value)) {
    const resource = scalarString(valueOf(item, 'resourceName'));
    const policy = scalarString(valueOf(item, 'restartPolicy'));
    const first = (item.items[0] as Pair<unknown, unknown> | undefined)?.key;
    if (resource !== undefined && resource !== '') {
      if (seen.has(resource)) {
        ctx.report(resizePolicyRule, {
          message: `resizePolicy of ${containerLabel(c)} names ${resource} twice; the API server rejects the repeat. Keep one entry per resource.`,
          ...(spanOf(first) ?? listSpan),
          related: seen.get(resource) ? [{ ...seen.get(resource)!, message: 'first named here' }] : undefined,
        });
      } else {
        seen.set(resource, spanOf(valueOf(item, 'resourceName')));
      }
      if (resource !== 'cpu' && resource !== 'memory') {
        ctx.report(resizePolicyRule, {
          message: `resizePolicy of ${containerLabel(c)} names \`${resource}\`; only cpu and memory can be resized in place, so the API server rejects it.`,
          ...listSpan,
          related: [{ ...spanOf(valueOf(item, 'resourceName'))!, message: 'the resource' }],
        });
      }
    }
    if (policy !== undefined && policy !== '' && policy !== 'NotRequired' && policy !== 'RestartContainer') {
      ctx.report(resizePolicyRule, {
        message: `resizePolicy restartPolicy \`${policy}\` of ${containerLabel(c)} is not NotRequired or RestartContainer; the API server rejects it.`,
        ...listSpan,
        related: [{ ...spanOf(valueOf(item, 'restartPolicy'))!, message: 'the restartPolicy' }],
      });
    } else if (policy === 'RestartContainer' && pod.restartPolicy === 'Never') {
      ctx.report(resizePolicyRule, {
        message: `resizePolicy of ${containerLabel(c)} restarts the container on a resize, but the Pod's restartPolicy is Never, so it would never come back; the API server requires NotRequired there.`,
        ...listSpan,
        related: [{ ...spanOf(valueOf(item, 'restartPolicy'))!, message: 'RestartContainer' }],
      });
    }
  }
}

/** spec.resourceClaims: names (DNS labels, each once) and where each claim comes from. Returns the names declared. */
function checkPodClaims(ctx: CheckContext, pod: PodModel): Set<string> {
  const names = new Set<string>();
  for (const [claim] of mapItems(valueOf(pod.podSpec, 'resourceClaims'))) {
    const nameNode = valueOf(claim, 'name');
    const name = scalarString(nameNode);
    if (name !== undefined && name !== '') {
      if (names.has(name)) {
        ctx.report(resourceClaimsRule, { message: `Resource claim \`${name}\` is declared twice; the API server rejects the repeat.`, ...spanOf(nameNode)! });
      } else {
        const problem = dns1123LabelProblem(name);
        if (problem) ctx.report(resourceClaimsRule, { message: `Resource claim name \`${name}\` is not a DNS-1123 label: ${problem}. The API server rejects it.`, ...spanOf(nameNode)! });
        names.add(name);
      }
    }
    const sources = (['resourceClaimName', 'resourceClaimTemplateName'] as const).filter((k) => {
      const v = valueOf(claim, k);
      return v && !(isScalar(v) && v.value === null);
    });
    const at = spanOf((claim.items[0] as Pair<unknown, unknown> | undefined)?.key) ?? spanOf(claim)!;
    if (sources.length !== 1) {
      ctx.report(resourceClaimsRule, {
        message: sources.length === 0
          ? `Resource claim ${name ? `\`${name}\` ` : ''}says neither where its claim comes from: give resourceClaimName (an existing ResourceClaim) or resourceClaimTemplateName (a claim made for this Pod). The API server rejects it.`
          : `Resource claim ${name ? `\`${name}\` ` : ''}gives both resourceClaimName and resourceClaimTemplateName; a claim comes from one of them, so the API server rejects it.`,
        ...at,
      });
    }
    for (const k of sources) {
      const node = valueOf(claim, k);
      const value = scalarString(node);
      const problem = value !== undefined ? dns1123SubdomainProblem(value) : undefined;
      if (problem) ctx.report(resourceClaimsRule, { message: `${k} \`${value}\` is not an object name (a DNS-1123 subdomain): ${problem}. The API server rejects it.`, ...spanOf(node)! });
    }
  }
  return names;
}

function checkContainerClaims(ctx: CheckContext, c: ContainerModel, declared: Set<string>): void {
  const seen = new Set<string>();
  for (const [claim] of mapItems(valueOf(valueOf(c.node, 'resources'), 'claims'))) {
    const nameNode = valueOf(claim, 'name');
    const name = scalarString(nameNode);
    if (name === undefined || name === '') continue; // missing or empty: the schema check
    const request = scalarString(valueOf(claim, 'request'));
    const key = request ? `${name}/${request}` : name;
    const span = spanOf(nameNode)!;
    if (seen.has(key) || seen.has(name) || (!request && [...seen].some((k) => k.startsWith(`${name}/`)))) {
      ctx.report(resourceClaimsRule, { message: sentence(`${containerLabel(c)} refers to claim \`${key}\` twice (or to the whole claim and one of its requests); the API server rejects the repeat.`), ...span });
    }
    seen.add(key);
    if (request) {
      const problem = dns1123LabelProblem(request);
      if (problem) ctx.report(resourceClaimsRule, { message: `Claim request \`${request}\` is not a DNS-1123 label: ${problem}. The API server rejects it.`, ...spanOf(valueOf(claim, 'request'))! });
    }
    if (!declared.has(name)) {
      ctx.report(resourceClaimsRule, {
        message: sentence(`${containerLabel(c)} uses resource claim \`${name}\`, but spec.resourceClaims ${declared.size ? `declares only ${[...declared].map((n) => `\`${n}\``).join(', ')}` : 'declares none'}; the API server rejects it. Declare the claim there.`),
        ...span,
      });
    }
  }
}
