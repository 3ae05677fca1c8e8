import { isMap, type Pair } from 'yaml';
import { pairOf, valueOf } from '../document/yamlTree';
import { podModelOf, readResources, type ResourceList } from '../pod/podModel';
import { isByteResource, isFractional, shortQuantity, type Quantity } from '../pod/quantity';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';
import { containerLabel, keySpan, spanOf } from './support';

export const requestExceedsLimitRule: RuleDescriptor = {
  id: 'request-exceeds-limit',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'A request is what the scheduler reserves and a limit the most the container may use; a request above its limit is rejected.',
  example: 'resources:\n  requests:\n    memory: 512Mi\n  limits:\n    memory: 256Mi',
  fix: 'Lower the request or raise the limit so that request <= limit.',
};

export const negativeQuantityRule: RuleDescriptor = {
  id: 'negative-quantity',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Resource amounts cannot be negative; the API server rejects them.',
  example: 'resources:\n  requests:\n    cpu: -100m',
  fix: 'Write a positive amount, or remove the entry.',
};

export const fractionalBytesRule: RuleDescriptor = {
  id: 'fractional-bytes',
  defaultSeverity: 'warning',
  profile: 'api',
  rationale: 'Memory and storage count whole bytes; `100m` means 0.1 byte (m is milli, not mega): the API server only warns, and a container with such a limit cannot start.',
  example: 'resources:\n  limits:\n    memory: 100m',
  fix: 'Use a byte unit: `100Mi` (mebibytes) or `100M` (megabytes).',
};

export const memoryWithoutUnitRule: RuleDescriptor = {
  id: 'memory-without-unit',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A memory or ephemeral-storage amount without a unit counts bytes: `memory: 512` is 512 bytes, far too little for any container, and almost always a forgotten Mi or Gi.',
  example: 'resources:\n  limits:\n    memory: 512',
  fix: 'Add the unit you meant: `512Mi` (mebibytes) or `512Gi` (gibibytes). Amounts of 1Mi or more written in plain bytes are left alone.',
};

export const extendedResourceRule: RuleDescriptor = {
  id: 'extended-resource',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'Extended resources (nvidia.com/gpu...) and huge pages cannot be overcommitted: a limit always, request equal to limit, and whole numbers of devices; the API server rejects others.',
  example: 'resources:\n  requests:\n    nvidia.com/gpu: 1\n  limits:\n    nvidia.com/gpu: 2',
  fix: 'Set the limit (the request defaults to it), as a whole number; if you set both, make them equal.',
};

/** Resources per container (and for the whole Pod): amounts that the API server accepts and that make sense. */
export const resourcesCheck: Check = {
  name: 'resources',
  rules: [requestExceedsLimitRule, negativeQuantityRule, fractionalBytesRule, memoryWithoutUnitRule, extendedResourceRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const podResources = valueOf(pod.podSpec, 'resources');
    const hasPodLevel = isMap(podResources);
    for (const c of pod.containers) {
      if (c.list === 'ephemeralContainers') continue;
      checkAmounts(ctx, c.requests, c.limits, containerLabel(c), false, pairOf(c.node, 'resources'));
    }
    if (hasPodLevel) {
      checkAmounts(ctx, readResources(valueOf(podResources, 'requests')), readResources(valueOf(podResources, 'limits')), 'the Pod (spec.resources)', true, pairOf(pod.podSpec, 'resources'));
    }
  },
};

/** An extended resource: a name with a domain outside kubernetes.io (`nvidia.com/gpu`, `example.com/foo`). */
function isExtended(name: string): boolean {
  if (!name.includes('/')) return false;
  const domain = name.slice(0, name.indexOf('/'));
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io') && !name.startsWith('requests.');
}

/**
 * The amounts of one resources mapping. Where a request and its limit disagree, the API server reports the
 * requests map (or the limits map, for a missing limit), so the finding lands on that key and relates the values.
 */
function checkAmounts(ctx: CheckContext, requests: ResourceList, limits: ResourceList, owner: string, podLevel: boolean, resources: Pair<unknown, unknown> | undefined): void {
  const requestsKey = keySpan(resources?.value, 'requests');
  const limitsKey = keySpan(resources?.value, 'limits') ?? spanOf(resources?.key);
  for (const [list, which] of [[requests, 'request'], [limits, 'limit']] as const) {
    for (const [name, q] of list.values) {
      const span = spanOf(list.nodes.get(name));
      if (!span) continue;
      if (q.value < 0) {
        ctx.report(negativeQuantityRule, {
          message: `The ${name} ${which} of ${owner} is negative (${q.text}); resource amounts must be 0 or more, so the API server rejects it.`,
          ...span,
        });
        continue;
      }
      if (isByteResource(name) && isFractional(q)) {
        ctx.report(fractionalBytesRule, {
          message: `The ${name} ${which} \`${q.text}\` of ${owner} is a fraction of a byte: the suffix m means milli (1/1000), not mega. The API server only warns, but ${which === 'limit' ? 'a container cannot start with a limit this small' : 'the scheduler reserves almost nothing'}. Did you mean \`${q.text.replace(/m$/, 'Mi')}\` (mebibytes) or \`${q.text.replace(/m$/, 'M')}\` (megabytes)?`,
          ...span,
        });
      }
      if (isForgottenByteUnit(name, q)) {
        const bytes = q.value;
        const meant = bytes < 1024 ? `\`${bytes}Mi\` (mebibytes) or \`${bytes}Gi\` (gibibytes)` : `\`${bytes}Mi\` (mebibytes)`;
        ctx.report(memoryWithoutUnitRule, {
          message: `The ${name} ${which} \`${q.text}\` of ${owner} has no unit, so it is ${bytes} bytes: ${which === 'limit' ? 'no container can run in that' : 'the scheduler reserves almost nothing'}. Did you mean ${meant}?`,
          ...span,
        });
      }
      if (isExtended(name) && isFractional(q)) {
        ctx.report(extendedResourceRule, {
          message: `The ${name} ${which} of ${owner} is ${q.text}, not a whole number. Extended resources are counted devices or units and cannot be split, so the API server rejects it.`,
          ...span,
        });
      }
    }
  }
  for (const [name, request] of requests.values) {
    const requestNode = requests.nodes.get(name);
    const span = spanOf(requestNode);
    if (!span) continue;
    const limit = limits.values.get(name);
    const limitSpan = spanOf(limits.nodes.get(name));
    const fixedKind = isExtended(name) ? 'Extended resources' : name.startsWith('hugepages-') ? 'Huge pages' : undefined;
    if (fixedKind && !podLevel) {
      if (!limits.nodes.has(name)) {
        ctx.report(extendedResourceRule, {
          message: `The ${name} request of ${owner} has no limit. ${fixedKind} cannot be overcommitted, so the API server requires a limit equal to the request: set \`limits.${name}: ${request.text}\` (the request then defaults to it and may be removed).`,
          ...(limitsKey ?? span),
          related: [{ ...span, message: `the ${name} request` }],
        });
        continue;
      }
      if (limit && limitSpan && Math.abs(limit.value - request.value) > 1e-9 * Math.max(1, Math.abs(limit.value))) {
        ctx.report(extendedResourceRule, {
          message: `The ${name} request (${request.text}) of ${owner} differs from its limit (${limit.text}). ${fixedKind} cannot be overcommitted, so the API server requires request == limit; set only the limit and the request defaults to it.`,
          ...(requestsKey ?? span),
          related: [{ ...limitSpan, message: `the ${name} limit` }, { ...span, message: `the ${name} request` }],
        });
        continue;
      }
    }
    if (limit && limitSpan && request.value >= 0 && limit.value >= 0 && request.value > limit.value) {
      ctx.report(requestExceedsLimitRule, {
        message: `The ${name} request (${shortQuantity(name, request.value)}) of ${owner} is above its limit (${shortQuantity(name, limit.value)}). The request is what the scheduler reserves and the limit the most ${podLevel ? 'the Pod' : 'the container'} may use, so the API server rejects request > limit. Lower the request or raise the limit.`,
        ...(requestsKey ?? span),
        related: [{ ...limitSpan, message: `the ${name} limit` }, { ...span, message: `the ${name} request` }],
        data: { resource: name },
      });
    }
  }
}

/** Below this, a plain number of bytes is too small for memory or disk to be meant: 1Mi. */
const SMALLEST_PLAIN_BYTES = 2 ** 20;

/**
 * A memory or ephemeral-storage amount that is a small whole number without a unit (`12`, `"512"`): bytes by the
 * grammar, a forgotten Mi or Gi by intent. Zero, fractions (fractional-bytes) and exponents are written on purpose.
 */
function isForgottenByteUnit(name: string, q: Quantity): boolean {
  if (name !== 'memory' && name !== 'ephemeral-storage') return false;
  return q.suffix === '' && q.value > 0 && q.value < SMALLEST_PLAIN_BYTES && !isFractional(q);
}
