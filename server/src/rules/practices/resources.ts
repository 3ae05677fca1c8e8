import { isMap } from 'yaml';
import { pairOf, valueOf } from '../../document/yamlTree';
import { podModelOf, type ContainerModel } from '../../pod/podModel';
import type { Check, CheckContext, RuleDescriptor } from '../../core/rule';
import { containerLabel, containerSpan, keySpan, sentence, type Span } from '../support';
import { containersBesideApps } from '../../pod/runTogether';

/**
 * Resource practices: which requests and limits a running container leaves out. A request defaults to its limit,
 * so a container with only a limit has both. Pod-level resources (spec.resources) cover every container, so a Pod
 * that sets them is left alone. What the API server rejects about amounts is in rules/resources.ts.
 */

export const missingResourcesRule: RuleDescriptor = {
  id: 'missing-resources',
  defaultSeverity: 'hint',
  profile: 'recommended',
  rationale: 'Without requests the scheduler places the container as if it needed nothing, and without a memory limit it can starve its neighbours; set at least requests. (A hint that stands for the per-resource rules of the strict profile while they are off.)',
  example: 'containers:\n  - name: web\n    image: nginx:1.27',
  fix: 'Add resources.requests (cpu, memory) and a memory limit. Turn this hint off with "podsmith.rules": {"missing-resources": "off"}.',
};

export const cpuRequestMissingRule: RuleDescriptor = {
  id: 'cpu-request-missing',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without a CPU request the scheduler reserves no CPU for the container, so it lands on busy nodes and gets the smallest share under contention.',
  example: 'resources:\n  limits:\n    memory: 256Mi',
  fix: 'Set resources.requests.cpu to what the container uses when busy (for example 250m).',
};

export const memoryRequestMissingRule: RuleDescriptor = {
  id: 'memory-request-missing',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without a memory request the scheduler reserves no memory for the container, so nodes are overcommitted and it is among the first evicted under memory pressure.',
  example: 'resources:\n  requests:\n    cpu: 250m',
  fix: 'Set resources.requests.memory to the container\'s usual working set (or set the memory limit, which the request defaults to).',
};

export const memoryLimitMissingRule: RuleDescriptor = {
  id: 'memory-limit-missing',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without a memory limit a leaking container grows until the node runs out of memory, and the kernel or the kubelet then kills other Pods too.',
  example: 'resources:\n  limits:\n    cpu: 500m',
  fix: 'Set resources.limits.memory a little above the container\'s peak; it is then stopped alone when it leaks.',
};

export const cpuLimitMissingRule: RuleDescriptor = {
  id: 'cpu-limit-missing',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'Without a CPU limit a busy container may take every idle core of the node; some teams want that (no throttling), others want a ceiling for predictable neighbours.',
  example: 'resources:\n  requests:\n    cpu: 250m\n    memory: 256Mi',
  fix: 'Set resources.limits.cpu if the container must not take more than its share, or switch this rule off.',
};

export const ephemeralStorageMissingRule: RuleDescriptor = {
  id: 'ephemeral-storage-missing',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'Logs, caches and emptyDir volumes fill the node\'s disk; without an ephemeral-storage request and limit the container is not scheduled by its disk use and can fill the disk for every Pod.',
  example: 'resources:\n  requests:\n    cpu: 250m\n    memory: 256Mi',
  fix: 'Set resources.requests and resources.limits of ephemeral-storage (for example 1Gi and 2Gi).',
};

const PER_RESOURCE = [cpuRequestMissingRule, memoryRequestMissingRule, memoryLimitMissingRule, cpuLimitMissingRule, ephemeralStorageMissingRule];

/** Requests and limits each running container leaves out. */
export const resourcePracticesCheck: Check = {
  name: 'resource-practices',
  rules: [missingResourcesRule, ...PER_RESOURCE],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod || isMap(valueOf(pod.podSpec, 'resources'))) return;
    // The summary hint stands in for the per-resource rules only while they are all off.
    const perResource = PER_RESOURCE.some((rule) => ctx.isEnabled(rule));
    for (const c of containersBesideApps(pod)) {
      const span = (pairOf(c.node, 'resources') ? keySpan(c.node, 'resources') : undefined) ?? containerSpan(c);
      if (!span) continue;
      if (perResource) checkEach(ctx, c, span);
      else if (c.requests.nodes.size === 0 && c.limits.nodes.size === 0) {
        ctx.report(missingResourcesRule, {
          message: sentence(`${containerLabel(c)} sets no resource requests or limits. The scheduler then places it as if it needed nothing, and without a memory limit it can use the node's memory until something is evicted. Add requests (cpu, memory) and a memory limit.`),
          ...span,
        });
      }
    }
  },
};

function checkEach(ctx: CheckContext, c: ContainerModel, span: Span): void {
  const has = (list: 'requests' | 'limits', name: string) => c[list].nodes.has(name);
  const who = containerLabel(c);
  // A request defaults to its limit: only a container without either has no request.
  if (!has('requests', 'cpu') && !has('limits', 'cpu')) {
    ctx.report(cpuRequestMissingRule, {
      message: sentence(`${who} has no CPU request: the scheduler reserves no CPU for it, so it can land on a busy node and gets the smallest share when CPU is scarce. Set resources.requests.cpu.`),
      ...span,
    });
  }
  if (!has('requests', 'memory') && !has('limits', 'memory')) {
    ctx.report(memoryRequestMissingRule, {
      message: sentence(`${who} has no memory request: the scheduler reserves no memory for it, and under memory pressure it is among the first Pods evicted. Set resources.requests.memory.`),
      ...span,
    });
  }
  if (!has('limits', 'memory')) {
    ctx.report(memoryLimitMissingRule, {
      message: sentence(`${who} has no memory limit: if it leaks, it grows until the node runs out of memory and other Pods are killed with it. Set resources.limits.memory a little above its peak.`),
      ...span,
    });
  }
  if (!has('limits', 'cpu')) {
    ctx.report(cpuLimitMissingRule, {
      message: sentence(`${who} has no CPU limit: it may take every idle core of the node. Set resources.limits.cpu if it must stay within a share.`),
      ...span,
    });
  }
  if (!(has('requests', 'ephemeral-storage') || has('limits', 'ephemeral-storage'))) {
    ctx.report(ephemeralStorageMissingRule, {
      message: sentence(`${who} has no ephemeral-storage request or limit: its logs, caches and emptyDir volumes are not counted when it is scheduled and can fill the node's disk. Set requests and limits of ephemeral-storage.`),
      ...span,
    });
  }
}
