import assert from 'node:assert/strict';
import { yaml } from '../support/service';
import { hoverAt } from './support';

/** A Pod with an init container, a native sidecar, an app and a log-shipping sidecar that share an emptyDir. */
const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: shop',
  'spec:',
  '  restartPolicy: Always',
  '  initContainers:',
  '    - name: setup',
  '      image: busybox:1.36',
  '      resources: {requests: {cpu: 500m}}',
  '    - name: proxy',
  '      image: envoyproxy/envoy:v1.31.0',
  '      restartPolicy: Always',
  '      ports: [{containerPort: 15001}]',
  '  containers:',
  '    - name: app',
  '      image: shop:2.4 # pinned',
  '      imagePullPolicy: IfNotPresent',
  '      ports:',
  '        - name: http',
  '          containerPort: 8080',
  '      readinessProbe:',
  '        httpGet: {path: /healthz, port: http}',
  '      volumeMounts:',
  '        - name: logs',
  '          mountPath: /var/log/shop',
  '      resources:',
  '        requests: {cpu: 250m, memory: 128Mi}',
  '    - name: shipper',
  '      image: fluent/fluent-bit:3.1',
  '      ports: [{containerPort: 8080}]',
  '      volumeMounts:',
  '        - {name: logs, mountPath: /logs, readOnly: true}',
  '      resources:',
  '        requests: {cpu: 50m, memory: 32Mi}',
  '  # the volumes are the Pod\'s',
  '  volumes:',
  '    - name: logs',
  '      emptyDir: {}',
  '  nodeSelector:',
  '    disk: ssd',
];

/** POD with the cursor marker put `delta` characters into the `occurrence`-th match of `needle`. */
function podWithCursor(needle: string, delta = 0, occurrence = 0): string {
  const text = yaml(...POD);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  return text.slice(0, at + delta) + '|' + text.slice(at + delta);
}

interface Case {
  readonly what: string;
  readonly at: [needle: string, delta?: number, occurrence?: number];
  /** The text the hover range covers and its range. */
  readonly covers: [text: string, range: string];
  /** Phrases the hover must contain. */
  readonly says: readonly (string | RegExp)[];
  readonly notSays?: readonly (string | RegExp)[];
}

const CASES: Case[] = [
  {
    what: 'a containerPort key: path with the container name, scope, type, localhost reach and the clash',
    at: ['containerPort: 8080', 2],
    covers: ['containerPort', '20:10-20:23'],
    says: [
      '`spec.containers[app].ports[0].containerPort`',
      '**container-level** · app container `app`',
      '`integer (int32)`',
      'Container `app` listens on **8080/TCP** (named `http`)',
      'Reachable from the other containers of this Pod (`proxy` and `shipper`) as `localhost:8080`',
      '`<pod-ip>:8080`',
      '**Port already in use:** container `shipper` also declares 8080/TCP',
      /Kubernetes: Number of port to expose/,
    ],
  },
  {
    what: 'a containerPort value in flow style',
    at: ['containerPort: 15001', 17],
    covers: ['15001', '13:30-13:35'],
    says: ['**container-level** · native sidecar `proxy` (init step 2)', 'Container `proxy` listens on **15001/TCP**', '`localhost:15001`'],
    notSays: ['Port already in use'],
  },
  {
    what: 'a Pod-level key: nodeSelector is scheduled as a unit',
    at: ['nodeSelector', 3],
    covers: ['nodeSelector', '39:2-39:14'],
    says: [
      '`spec.nodeSelector` · **Pod-level** · `map of string`',
      '_Pod-level: Set once for the whole Pod',
      '**The Pod is scheduled as a unit:**',
      'all 4 containers (`setup`, `proxy`, `app` and `shipper`) together on that node.',
      'effective requests: 500m CPU, memory 160 MiB',
      '[Concept: The Pod is scheduled as a unit](https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/)',
    ],
  },
  {
    what: 'a volume name: who mounts it, where, read-only or not',
    at: ['- name: logs\n      emptyDir', 9],
    covers: ['logs', '37:12-37:16'],
    says: [
      '`spec.volumes[0].name` · **Pod-level**',
      'Pod volume `logs`: emptyDir.',
      '- `app` at `/var/log/shop`, read-write',
      '- `shipper` at `/logs`, read-only',
      'These containers see the same files',
      'An emptyDir starts empty when the Pod starts',
    ],
  },
  {
    what: 'a volumeMount name in flow style: the volume source and who else mounts it',
    at: ['{name: logs', 8],
    covers: ['logs', '32:17-32:21'],
    says: ['**container-level** · sidecar (detected) `shipper`', "Mounts the Pod's volume `logs` (emptyDir) at `/logs`, read-only.", 'Shared with:\n- `app` at `/var/log/shop`, read-write'],
  },
  {
    what: 'a container name: its role, why, image, ports and mounts',
    at: ['name: shipper', 7],
    covers: ['shipper', '28:12-28:19'],
    says: ['**`shipper`** — app container, sidecar pattern (detected)', 'Why sidecar: shares volume logs with app.', 'Image: `fluent/fluent-bit:3.1`', 'Mounts: `logs` at `/logs` (read-only)'],
  },
  {
    what: 'an init container name: its step and what init containers do',
    at: ['name: setup', 7],
    covers: ['setup', '7:12-7:17'],
    says: ['init container, step 1 of 2: runs to completion before the next step', 'They run one at a time, in order'],
  },
  {
    what: 'restartPolicy on an init container: native sidecar',
    at: ['restartPolicy: Always', 0, 1],
    covers: ['restartPolicy', '12:6-12:19'],
    says: ['**container-level** · native sidecar `proxy`', 'is a **native sidecar**'],
  },
  {
    what: 'the value Always of an init container restartPolicy',
    at: ['restartPolicy: Always', 16, 1],
    covers: ['Always', '12:21-12:27'],
    says: ['`Always`: Makes this init container a native sidecar'],
  },
  {
    what: 'the value Always of the Pod restartPolicy',
    at: ['restartPolicy: Always', 16, 0],
    covers: ['Always', '5:17-5:23'],
    says: ['`Always`: The kubelet restarts every app container', '`string`: `Always` | `Never` | `OnFailure`'],
  },
  {
    what: 'the Pod restartPolicy key: what it governs, and the sidecar exception',
    at: ['restartPolicy: Always', 1, 0],
    covers: ['restartPolicy', '5:2-5:15'],
    says: ["The Pod's restartPolicy, here `Always`, covers every app container", 'The native sidecar `proxy` sets its own `restartPolicy: Always` and is always restarted, whatever this says.'],
  },
  {
    what: 'an imagePullPolicy value',
    at: ['IfNotPresent', 2],
    covers: ['IfNotPresent', '17:23-17:35'],
    says: ['`IfNotPresent`: The node pulls the image only when it does not have it yet'],
  },
  {
    what: 'a cpu quantity in flow style: normalised, with the Pod totals',
    at: ['cpu: 250m', 6],
    covers: ['250m', '27:24-27:28'],
    says: ['`250m` = 0.25 CPU (250 millicores)', "**Pod's effective requests**", '500m CPU (init container setup', 'memory 160 MiB (sum of app containers and native sidecars; `app`\'s share 80%)'],
  },
  {
    what: 'a cpu quantity of an app container when an init step decides the Pod cpu: no share in a figure it is not part of',
    at: ['cpu: 250m', 6],
    covers: ['250m', '27:24-27:28'],
    says: ['500m CPU (init container setup; `app` does not run then, so it is not part of it)'],
    notSays: ["`app`'s share 50%"],
  },
  {
    what: 'a memory quantity',
    at: ['memory: 128Mi', 9],
    covers: ['128Mi', '27:38-27:43'],
    says: ['`128Mi` = 134,217,728 bytes (128 MiB)'],
  },
  {
    what: 'the resources key of an app container: its own figures and the Pod effective ones',
    at: ['resources:\n        requests: {cpu: 250m', 2],
    covers: ['resources', '26:6-26:15'],
    says: ['Container `app`: requests 250m CPU, memory 128 MiB; limits none.', 'Requests of the containers that run together are added up'],
  },
  {
    what: 'a named probe port: which port it is',
    at: ['port: http', 7],
    covers: ['http', '22:40-22:44'],
    says: ["`http` is container `app`'s port 8080/TCP"],
  },
  {
    what: 'kind: a summary of the Pod',
    at: ['kind: Pod', 7],
    covers: ['Pod', '1:6-1:9'],
    says: ['**Pod `shop`**', '`setup`: init container, step 1', '`proxy`: native sidecar', '`shipper`: sidecar (detected)', '`logs` (emptyDir) → app, shipper', 'Effective requests: 500m CPU, memory 160 MiB'],
  },
  {
    what: 'the initContainers key: the start order',
    at: ['initContainers', 2],
    covers: ['initContainers', '6:2-6:16'],
    says: ['How this Pod starts:\n- step 1: `setup` runs to completion\n- step 2: `proxy` starts and keeps running (native sidecar)\n- then `app` and `shipper` start together'],
  },
];

describe('hover: the Pod model at the cursor', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const seen = hoverAt(podWithCursor(...c.at));
      assert.ok(seen, 'a hover is shown');
      assert.deepEqual([seen.covered, seen.range], c.covers);
      for (const phrase of c.says) {
        if (typeof phrase === 'string') assert.ok(seen.text.includes(phrase), `says ${JSON.stringify(phrase)}; got:\n${seen.text}`);
        else assert.match(seen.text, phrase);
      }
      for (const phrase of c.notSays ?? []) {
        assert.ok(!(typeof phrase === 'string' ? seen.text.includes(phrase) : phrase.test(seen.text)), `does not say ${phrase}; got:\n${seen.text}`);
      }
    });
  }

  const NOTHING: [string, string][] = [
    ['a comment line', podWithCursor("# the volumes", 4)],
    ['a comment after a value', podWithCursor('# pinned', 3)],
    ['blank space after a key in a map', podWithCursor('  initContainers:', 0)],
    ['the dash of a list item', podWithCursor('- name: app', 0)],
    ['a GitHub workflow', 'name: ci\non: [push]\njobs:\n  test:\n    runs-|on: ubuntu-latest\n'],
    ['a Service (no Pod) anywhere but kind', 'apiVersion: v1\nkind: Service\nspec:\n  sel|ector: {app: x}\n'],
  ];
  for (const [what, marked] of NOTHING) {
    it(`shows nothing on ${what}`, () => assert.equal(hoverAt(marked), null));
  }

  it('names the container that leaves the Pod memory limit unbounded, and gives a finished init container no share of the running sum', () => {
    const seen = hoverAt(yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers:',
      '    - {name: setup, image: busybox:1.36, resources: {requests: {memory: 64Mi}}}',
      '  containers:',
      '    - {name: app, image: shop:2.4, resources: {requests: {memory: 128Mi}, limits: {memory: 256Mi}}}',
      '    - {name: shipper, image: fluent/fluent-bit:3.1, resources: {requests: {memory: 32Mi}}}',
    ).replace('memory: 64Mi', 'memory: 6|4Mi'));
    assert.ok(seen);
    assert.equal(seen.covered, '64Mi');
    for (const phrase of [
      'memory 160 MiB (sum of app containers; `setup` does not run then, so it is not part of it)',
      'memory unbounded (container `shipper` sets no memory limit)',
    ]) assert.ok(seen.text.includes(phrase), `says ${JSON.stringify(phrase)}; got:\n${seen.text}`);
  });

  it("names a container's requests that are no quantity instead of saying it requests none", () => {
    const seen = hoverAt(yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: shop:2.4',
      '      resources:',
      '        requests: {cpu: 0.5.1, memory: 128MB}',
      '        limits: {memory: 256Mi}',
    ).replace('resources:', 'resour|ces:'));
    assert.ok(seen);
    const phrase = 'Container `app`: requests cpu `0.5.1` (not a quantity, so not counted), memory `128MB` (not a quantity, so not counted); limits memory 256 MiB.';
    assert.ok(seen.text.includes(phrase), `says ${JSON.stringify(phrase)}; got:\n${seen.text}`);
  });

  it('brackets a map key with dots or slashes in the path, so that it reads as one step', () => {
    const seen = hoverAt(yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  nodeSelector:', '    kubernetes.io/o|s: linux', '  containers: [{name: a, image: "a:1"}]'));
    assert.ok(seen);
    assert.ok(seen.text.startsWith('`spec.nodeSelector["kubernetes.io/os"]` · **Pod-level**'), seen.text);
  });

  it("keeps a probe's timing off its handler's details (the path it asks)", () => {
    const seen = hoverAt(podWithCursor('/healthz', 2));
    assert.ok(seen && seen.covered === '/healthz');
    assert.ok(!seen.text.includes('When this readinessProbe checks'), seen.text);
  });

  it('says in one line on the kind of a Service that it carries no Pod', () => {
    const seen = hoverAt('apiVersion: v1\nkind: Serv|ice\n');
    assert.ok(seen);
    assert.equal(seen.range, '1:6-1:13');
    assert.match(seen.text, /^`Service` carries no Pod: Podsmith explains Pods and the workloads with a Pod template/);
  });
});
