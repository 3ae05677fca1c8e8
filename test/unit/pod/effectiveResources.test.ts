import assert from 'node:assert/strict';
import { effectiveResources } from '../../../server/src/pod/effectiveResources';
import { lines, podOf } from './support';

/**
 * Worked examples of the Pod's effective requests and limits, the figures the scheduler and the kubelet use:
 * max(busiest init step, sum of app containers + native sidecars) + overhead; Pod-level spec.resources where set.
 */
const container = (name: string, resources: string, extra: string[] = []) => [
  `    - name: ${name}`,
  `      image: ${name}:1`,
  ...extra,
  `      resources: ${resources}`,
];
const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...spec);

interface Example {
  readonly title: string;
  readonly manifest: string;
  /** Expected figures: resource → [value, how it came about]; `unbounded` for a limit nothing caps. */
  readonly requests?: Record<string, [number, string]>;
  readonly limits?: Record<string, [number | 'unbounded', string]>;
}

const examples: Example[] = [
  {
    title: 'app containers add up',
    manifest: pod('  containers:', ...container('web', '{requests: {cpu: 250m, memory: 64Mi}}'), ...container('logger', '{requests: {cpu: 100m}}')),
    requests: { cpu: [0.35, 'sum of app containers'], memory: [64 * 2 ** 20, 'sum of app containers'] },
  },
  {
    title: 'a heavy init container decides the request',
    manifest: pod('  initContainers:', ...container('migrate', '{requests: {cpu: "2"}}'), '  containers:', ...container('web', '{requests: {cpu: 500m}}')),
    requests: { cpu: [2, 'init container migrate'] },
  },
  {
    title: 'native sidecars run beside every later init step and beside the app',
    manifest: pod(
      '  initContainers:',
      ...container('warmup', '{requests: {cpu: 900m}}'),
      ...container('proxy', '{requests: {cpu: 100m}}', ['      restartPolicy: Always']),
      ...container('setup', '{requests: {cpu: "1"}}'),
      '  containers:',
      ...container('web', '{requests: {cpu: 300m}}'),
    ),
    // warmup alone: 0.9; setup with proxy: 1.1; steady: 0.3 + 0.1 = 0.4.
    requests: { cpu: [1.1, 'init container setup with the sidecars started before it'] },
  },
  {
    title: 'sidecars count in the steady state when init steps are light',
    manifest: pod(
      '  initContainers:',
      ...container('proxy', '{requests: {cpu: 200m}}', ['      restartPolicy: Always']),
      ...container('setup', '{requests: {cpu: 100m}}'),
      '  containers:',
      ...container('web', '{requests: {cpu: 500m}}'),
    ),
    requests: { cpu: [0.7, 'sum of app containers and native sidecars'] },
  },
  {
    title: 'a limit is unbounded when one running container sets none',
    manifest: pod('  containers:', ...container('web', '{limits: {memory: 128Mi}}'), ...container('logger', '{requests: {memory: 32Mi}}')),
    limits: { memory: ['unbounded', 'sum of app containers'] },
  },
  {
    title: 'a request defaults to the limit when only the limit is set',
    manifest: pod('  containers:', ...container('web', '{limits: {cpu: "1", memory: 256Mi}}'), ...container('logger', '{requests: {cpu: 100m}}')),
    requests: { cpu: [1.1, 'sum of app containers'], memory: [256 * 2 ** 20, 'sum of app containers'] },
    limits: { cpu: ['unbounded', 'sum of app containers'], memory: ['unbounded', 'sum of app containers'] },
  },
  {
    title: 'the runtime overhead comes on top',
    manifest: pod('  overhead: {cpu: 250m}', '  containers:', ...container('web', '{requests: {cpu: 500m}, limits: {cpu: "1"}}')),
    requests: { cpu: [0.75, 'sum of app containers, plus the Pod overhead'] },
    limits: { cpu: [1.25, 'sum of app containers, plus the Pod overhead'] },
  },
  {
    title: 'Pod-level resources replace the sum, overhead still on top',
    manifest: pod('  overhead: {cpu: 100m}', '  resources:', '    requests: {cpu: "1"}', '    limits: {memory: 1Gi}', '  containers:', ...container('web', '{requests: {cpu: 200m}}'), ...container('logger', '{requests: {cpu: 100m}}')),
    // memory: a Pod-level limit and no container request for memory: the request defaults to the limit.
    requests: { cpu: [1.1, 'set for the whole Pod (spec.resources), plus the Pod overhead'], memory: [2 ** 30, 'set for the whole Pod (spec.resources)'] },
    limits: { memory: [2 ** 30, 'set for the whole Pod (spec.resources)'] },
  },
  {
    title: 'a Pod-level limit leaves the request to the containers that request the resource',
    manifest: pod('  resources:', '    limits: {memory: 1Gi}', '  containers:', ...container('web', '{limits: {memory: 256Mi}}'), ...container('logger', '{requests: {memory: 64Mi}}')),
    // web's limit is its request (defaulting): 256Mi + 64Mi, within the Pod's 1Gi limit.
    requests: { memory: [320 * 2 ** 20, 'sum of app containers'] },
    limits: { memory: [2 ** 30, 'set for the whole Pod (spec.resources)'] },
  },
  {
    title: 'Pod-level resources cover cpu and memory, not extended resources',
    manifest: pod('  resources:', '    limits: {cpu: "2"}', '  containers:', ...container('web', '{limits: {nvidia.com/gpu: 1}}')),
    requests: { 'nvidia.com/gpu': [1, 'sum of app containers'] },
    limits: { cpu: [2, 'set for the whole Pod (spec.resources)'], 'nvidia.com/gpu': [1, 'sum of app containers'] },
  },
];

describe('pod: effective resources', () => {
  for (const example of examples) {
    it(example.title, () => {
      const effective = effectiveResources(podOf(example.manifest));
      for (const [name, [value, from]] of Object.entries(example.requests ?? {})) {
        const got = effective.requests.get(name);
        assert.ok(got, `a request for ${name}`);
        assert.ok(Math.abs((got.value ?? NaN) - value) < 1e-9, `${name} request ${got.value} ≈ ${value}`);
        assert.equal(got.from, from);
      }
      for (const [name, [value, from]] of Object.entries(example.limits ?? {})) {
        const got = effective.limits.get(name);
        assert.ok(got, `a limit for ${name}`);
        if (value === 'unbounded') assert.equal(got.value, undefined);
        else assert.ok(Math.abs((got.value ?? NaN) - value) < 1e-9, `${name} limit ${got.value} ≈ ${value}`);
        assert.equal(got.from, from);
      }
    });
  }

  it('says which containers run at the moment a figure describes, and which one leaves a limit open', () => {
    const effective = effectiveResources(podOf(pod(
      '  initContainers:',
      ...container('migrate', '{requests: {cpu: "2", memory: 64Mi}}'),
      ...container('proxy', '{requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}', ['      restartPolicy: Always']),
      '  containers:',
      ...container('web', '{requests: {cpu: 500m, memory: 256Mi}, limits: {memory: 512Mi}}'),
      ...container('logger', '{requests: {memory: 32Mi}}'),
    )));
    const names = (r: { containers: readonly { name?: string }[] } | undefined) => r?.containers.map((c) => c.name);
    // cpu: the init step migrate (before proxy starts) is the largest; memory: the running sum is.
    assert.deepEqual(names(effective.requests.get('cpu')), ['migrate']);
    assert.deepEqual(names(effective.requests.get('memory')), ['web', 'logger', 'proxy']);
    assert.deepEqual(effective.limits.get('memory')?.unboundedBy?.map((c) => c.name), ['logger']);
  });
});
