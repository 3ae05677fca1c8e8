import { isScalar, type Node } from 'yaml';
import { pairOf, scalarString, valueOf } from '../document/yamlTree';
import { parseQuantity } from '../pod/quantity';
import { qualifiedNameProblem } from './nameFormats';
import type { CheckContext, RuleDescriptor } from '../core/rule';
import { keySpan, spanOf, type Span } from './support';

/**
 * The downward API as the API server checks it, for environment variables and downwardAPI volume items alike:
 * which Pod fields a fieldRef may name (fewer for env, where a whole label map cannot be one string), which
 * resources a resourceFieldRef may name, and the divisors each resource takes.
 */

export const downwardApiFieldRule: RuleDescriptor = {
  id: 'downward-api-field',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'The downward API exposes a fixed set of Pod fields and container resources, each in its own form; the API server rejects any other fieldPath, resource or divisor.',
  example: 'env:\n  - name: NODE\n    valueFrom:\n      fieldRef:\n        fieldPath: spec.node',
  fix: 'Use one of the fields the message lists (e.g. spec.nodeName, metadata.labels[\'app\']), or a resource such as limits.memory with a divisor like 1Mi.',
};

/** Fields an environment variable may take from the Pod (plus one label or annotation by subscript). */
const ENV_FIELDS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** Fields a downwardAPI volume file may take (whole label and annotation maps are files). */
const VOLUME_FIELDS = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'];
/** Field labels the API knows for Pods at all; others fail before the list above is consulted. */
const KNOWN_POD_FIELDS = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy',
  'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs', 'spec.host',
]);
const RESOURCES = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];
const HUGEPAGES_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

/**
 * Where a finding goes: at `span`, or, for a downwardAPI volume file, at `anchor` (the downwardAPI key: the API
 * server names the source, not the file, in these errors) with the file's own field related.
 */
function place(span: Span, anchor: Span | undefined): Span & { related?: { start: number; end: number; message: string }[] } {
  return anchor ? { ...anchor, related: [{ ...span, message: 'the field' }] } : span;
}

/** `metadata.labels['app']` split into its path and subscript. */
function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const open = inner.indexOf("['");
  if (open <= 0) return undefined;
  return { path: inner.slice(0, open), subscript: inner.slice(open + 2) };
}

/** Checks a fieldRef mapping (`fieldRef:` key and its value) used by an env var or a volume file. */
export function checkFieldRef(ctx: CheckContext, owner: Node, fieldRef: Node, forVolume: boolean, anchor?: Span): void {
  const pathNode = valueOf(fieldRef, 'fieldPath');
  const fieldPath = scalarString(pathNode);
  const pathSpan = spanOf(pathNode);
  if (fieldPath === undefined || fieldPath === '' || !pathSpan) return; // missing or empty: the schema check
  const apiVersion = scalarString(valueOf(fieldRef, 'apiVersion'));
  if (apiVersion !== undefined && apiVersion !== '' && apiVersion !== 'v1') {
    ctx.report(downwardApiFieldRule, {
      message: `fieldRef.apiVersion \`${apiVersion}\` is not a Pod API version: the downward API reads Pod fields of v1 only, so the API server rejects it. Remove apiVersion (it defaults to v1) or write v1.`,
      ...place(pathSpan, anchor),
    });
    return;
  }
  const allowed = forVolume ? VOLUME_FIELDS : ENV_FIELDS;
  const subscripted = splitSubscript(fieldPath);
  const where = forVolume ? 'a downwardAPI volume file' : 'an environment variable';
  if (subscripted) {
    const { path, subscript } = subscripted;
    if (path !== 'metadata.labels' && path !== 'metadata.annotations') {
      ctx.report(downwardApiFieldRule, {
        message: `fieldPath \`${fieldPath}\` subscripts \`${path}\`, but only metadata.labels['…'] and metadata.annotations['…'] take a key; the API server rejects it.`,
        ...place(pathSpan, anchor),
      });
      return;
    }
    const problem = qualifiedNameProblem(path === 'metadata.annotations' ? subscript.toLowerCase() : subscript);
    if (problem) {
      ctx.report(downwardApiFieldRule, {
        message: `\`${subscript}\` in fieldPath \`${fieldPath}\` is not a valid ${path === 'metadata.labels' ? 'label' : 'annotation'} key: ${problem}. The API server rejects the fieldRef.`,
        ...(anchor ?? keySpan(owner, 'fieldRef') ?? pathSpan),
        related: [{ ...pathSpan, message: 'the fieldPath' }],
      });
    }
    return;
  }
  if (allowed.includes(fieldPath)) return;
  const known = KNOWN_POD_FIELDS.has(fieldPath);
  ctx.report(downwardApiFieldRule, {
    message: known
      ? `fieldPath \`${fieldPath}\` cannot be used in ${where}; the downward API offers it there only as one of: ${allowed.join(', ')}${forVolume ? '' : ", metadata.labels['KEY'], metadata.annotations['KEY']"}. The API server rejects it.`
      : `fieldPath \`${fieldPath}\` is not a Pod field the downward API knows. In ${where} it may be one of: ${allowed.join(', ')}${forVolume ? '' : ", metadata.labels['KEY'], metadata.annotations['KEY']"}. The API server rejects it.`,
    ...place(pathSpan, anchor),
  });
}

/** Checks a resourceFieldRef mapping; `forVolume` requires its containerName (a volume has no container of its own). */
export function checkResourceFieldRef(ctx: CheckContext, owner: Node, ref: Node, forVolume: boolean, anchor?: Span): void {
  const containerPair = pairOf(ref, 'containerName');
  const containerName = scalarString(containerPair?.value);
  if (forVolume && (containerName === undefined || containerName === '')) {
    const span = (containerPair ? spanOf(containerPair.key) : undefined) ?? keySpan(owner, 'resourceFieldRef');
    if (span) {
      ctx.report(downwardApiFieldRule, {
        message: 'A downwardAPI volume file that reads a resource must name the container (containerName): a volume belongs to the whole Pod, so the API server rejects it without one.',
        ...place(span, anchor),
      });
    }
    return;
  }
  const resourceNode = valueOf(ref, 'resource');
  const resource = scalarString(resourceNode);
  const resourceSpan = spanOf(resourceNode);
  if (resource !== undefined && resource !== '' && resourceSpan && !RESOURCES.includes(resource) && !HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p))) {
    ctx.report(downwardApiFieldRule, {
      message: `resourceFieldRef.resource \`${resource}\` is not one the downward API exposes: use one of ${RESOURCES.join(', ')} (or limits.hugepages-SIZE, requests.hugepages-SIZE). The API server rejects it.`,
      ...place(resourceSpan, anchor),
    });
  }
  const divisorNode = valueOf(ref, 'divisor');
  if (resource !== undefined && isScalar(divisorNode)) checkDivisor(ctx, resource, divisorNode, anchor);
}

const DECIMAL_UNITS = [1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18];
const BINARY_UNITS = [2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40, 2 ** 50, 2 ** 60];

/**
 * The API server compares a divisor's canonical form with a short list: for cpu 1m or 1, for memory, storage and
 * huge pages 1 or one unit of a suffix (1k..1E, 1Ki..1Ei). `1000m` is 1 and `1024Ki` is 1Mi; `1024` is not 1Ki.
 */
function checkDivisor(ctx: CheckContext, resource: string, node: Node & { value?: unknown }, anchor: Span | undefined): void {
  const q = parseQuantity(node.value);
  const span = spanOf(node);
  if (!q || !span || q.value === 0) return; // not a quantity: the schema check; zero: the default
  const binary = /i$/.test(q.suffix);
  const isCpu = resource === 'limits.cpu' || resource === 'requests.cpu';
  const bytesLike = /^(limits|requests)\.(memory|ephemeral-storage|hugepages-)/.test(resource);
  if (!isCpu && !bytesLike) return;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, b);
  const ok = isCpu
    ? !binary && (close(q.value, 1) || close(q.value, 1e-3))
    : binary ? BINARY_UNITS.some((u) => close(q.value, u)) : DECIMAL_UNITS.some((u) => close(q.value, u));
  if (ok) return;
  ctx.report(downwardApiFieldRule, {
    message: isCpu
      ? `divisor \`${q.text}\` cannot be used with ${resource}: the API server accepts only 1m and 1 for cpu.`
      : `divisor \`${q.text}\` cannot be used with ${resource}: the API server accepts only 1 or one unit of a suffix (1k, 1M, 1G... or 1Ki, 1Mi, 1Gi...).`,
    ...place(span, anchor),
  });
}
