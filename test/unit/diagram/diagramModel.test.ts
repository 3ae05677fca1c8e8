import assert from 'node:assert/strict';
import type { DiagramModel, DiagramRange } from '../../../shared/diagramTypes';
import { service, settingsWith, withCursor, yaml } from '../support/service';

/** The diagram model for `marked` at its cursor marker `|`. */
function diagramAt(marked: string): DiagramModel | null {
  const settings = settingsWith();
  const { source, position } = withCursor(marked, 'file:///test.yaml', settings);
  return service.diagram(source, position, settings) as DiagramModel | null;
}

function must(marked: string): DiagramModel {
  const model = diagramAt(marked);
  assert.ok(model, 'a diagram model');
  return model;
}

/** A range as `line:col-line:col`, easy to compare in a table. */
const at = (r: DiagramRange) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** The showcase: an init step, a native sidecar, an app, a log shipper, an ambassador and an adapter. */
const SHOWCASE = yaml(
  'apiVersion: apps/v1', //                       0
  'kind: Deployment',
  'metadata:',
  '  name: shop',
  'spec:',
  '  replicas: 3', //                              5
  '  selector: {matchLabels: {app: shop}}',
  '  template:',
  '    metadata: {labels: {app: shop}}',
  '    spec:',
  '      initContainers:', //                      10
  '        - name: migrate',
  '          image: ghcr.io/example/migrate:1.0',
  '          resources: {requests: {cpu: 500m, memory: 64Mi}}',
  '        - name: mesh-proxy',
  '          image: envoyproxy/envoy:v1.31.0', //  15
  '          restartPolicy: Always',
  '          resources: {requests: {cpu: 50m, memory: 64Mi}}',
  '      containers:',
  '        - name: shop',
  '          image: ghcr.io/example/shop:2.4', //  20
  '          ports: [{name: http, containerPort: 8080}]',
  '          volumeMounts:',
  '            - {name: logs, mountPath: /var/log/shop}',
  '            - {name: config, mountPath: /etc/shop, readOnly: true}',
  '          resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {memory: 512Mi}}', // 25
  '        - name: log-shipper',
  '          image: fluent/fluent-bit:3.1',
  '          volumeMounts:',
  '            - {name: logs, mountPath: /logs, readOnly: true}',
  '          resources: {requests: {cpu: 20m, memory: 32Mi}, limits: {memory: 64Mi}}', // 30
  '        - name: db-proxy',
  '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0',
  '        - name: metrics',
  '          image: nginx/nginx-prometheus-exporter:1.3',
  '          ports: [{name: metrics, containerPort: 9113}]', // 35
  '      volumes:',
  '        - name: logs',
  '          emptyDir: {}',
  '        - name: config',
  '          configMap: {name: shop-config}', //  40
  '        - name: spare',
  '          emptyDir: {medium: Memory}',
);

describe('diagram model', () => {
  describe('which document it draws', () => {
    const MULTI = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: settings}',
      'data: {a: b}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: second}',
      'spec:',
      '  containers: [{name: app, image: nginx:1.27}]',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: third}',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers: [{name: run, image: busybox:1.36}]',
    );
    const cases: [cursorBefore: string, expected: [kind: string, name: string, documentIndex: number] | null][] = [
      ['data: {a', null],
      ['containers: [{name: app', ['Pod', 'second', 1]],
      ['restartPolicy: Never', ['Job', 'third', 2]],
    ];
    for (const [needle, expected] of cases) {
      it(`cursor at "${needle}" → ${expected ? expected.join(' ') : 'no diagram'}`, () => {
        const i = MULTI.indexOf(needle);
        const model = diagramAt(MULTI.slice(0, i) + '|' + MULTI.slice(i));
        if (!expected) return assert.equal(model, null);
        assert.ok(model);
        assert.deepEqual([model.pod.kind, model.pod.name, model.documentIndex], expected);
      });
    }

    it('gives no diagram for YAML that is not Kubernetes, nor for an empty file', () => {
      assert.equal(diagramAt('name: |value\n'), null);
      assert.equal(diagramAt('|'), null);
    });

    it('ranges are positions of the file, not of the document: the Pod\'s name in the second document', () => {
      const i = MULTI.indexOf('kind: Pod');
      const model = must(MULTI.slice(0, i) + '|' + MULTI.slice(i));
      assert.equal(at(model.pod.range), '7:17-7:23');
      assert.equal(at(model.containers[0].range), '9:22-9:25');
    });
  });

  describe('the Pod header', () => {
    const cases: [title: string, text: string, replicas: string | undefined, restart: [string, boolean]][] = [
      ['Deployment with replicas', SHOWCASE, '3 replicas', ['Always', true]],
      [
        'Deployment without replicas',
        yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      containers: [{name: a, image: x:1}]'),
        '1 replica (default)',
        ['Always', true],
      ],
      [
        'DaemonSet',
        yaml('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      containers: [{name: a, image: x:1}]'),
        'one Pod on each eligible node',
        ['Always', true],
      ],
      [
        'Job with completions',
        yaml('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  completions: 5', '  parallelism: 2', '  template:', '    spec:', '      restartPolicy: OnFailure', '      containers: [{name: a, image: x:1}]'),
        '5 completions, 2 at a time',
        ['OnFailure', false],
      ],
      [
        'CronJob',
        yaml('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "0 3 * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          restartPolicy: Never', '          containers: [{name: a, image: x:1}]'),
        'a Job on schedule "0 3 * * *", 1 completion, 1 at a time',
        ['Never', false],
      ],
      ['Pod', yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: x:1}]'), undefined, ['Always', true]],
    ];
    for (const [title, text, replicas, [policy, defaulted]] of cases) {
      it(`${title}: ${replicas ?? 'no owner'}, restartPolicy ${policy}${defaulted ? ' (default)' : ''}`, () => {
        const model = must(`|${text}`);
        assert.equal(model.pod.replicas, replicas);
        assert.equal(model.pod.restartPolicy, policy);
        assert.equal(model.pod.restartPolicyDefaulted, defaulted);
      });
    }
  });

  describe('containers: order, roles and steps', () => {
    it('lists init containers in start order, then app containers, each with its role', () => {
      const model = must(`|${SHOWCASE}`);
      assert.deepEqual(
        model.containers.map((c) => [c.name, c.list, c.role, c.step]),
        [
          ['migrate', 'initContainers', 'init', 1],
          ['mesh-proxy', 'initContainers', 'native-sidecar', 2],
          ['shop', 'containers', 'app', undefined],
          ['log-shipper', 'containers', 'sidecar', undefined],
          ['db-proxy', 'containers', 'ambassador', undefined],
          ['metrics', 'containers', 'adapter', undefined],
        ],
      );
    });

    it('says why a pattern role was detected', () => {
      const model = must(`|${SHOWCASE}`);
      const byName = new Map(model.containers.map((c) => [c.name, c]));
      assert.equal(byName.get('log-shipper')?.roleReason, 'shares volume logs with shop');
      assert.match(byName.get('db-proxy')?.roleReason ?? '', /is a proxy: shop reaches the outside world through it on localhost/);
      assert.match(byName.get('metrics')?.roleReason ?? '', /is an exporter serving port 9113/);
      assert.equal(byName.get('mesh-proxy')?.roleLabel, 'native sidecar (init step 2, then runs beside the app)');
    });

    it('reveals a container at its name, exactly', () => {
      const model = must(`|${SHOWCASE}`);
      assert.deepEqual(
        model.containers.map((c) => at(c.range)),
        ['11:16-11:23', '14:16-14:26', '19:16-19:20', '26:16-26:27', '31:16-31:24', '33:16-33:23'],
      );
    });

    it('keeps resources as written, request beside limit', () => {
      const model = must(`|${SHOWCASE}`);
      assert.deepEqual(model.containers.find((c) => c.name === 'shop')?.resources, [
        { resource: 'cpu', request: '250m', limit: undefined },
        { resource: 'memory', request: '256Mi', limit: '512Mi' },
      ]);
    });

    it('names a container without a name by its place, says so, and reveals its first key', () => {
      const model = must(yaml('|apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - image: nginx:1.27'));
      assert.deepEqual([model.containers[0].name, model.containers[0].named, at(model.containers[0].range)], ['containers[0]', false, '5:6-5:11']);
    });
  });

  describe('volumes and mounts', () => {
    it('joins each mount to its volume, with mountPath and read-only', () => {
      const model = must(`|${SHOWCASE}`);
      const names = new Map([...model.containers, ...model.volumes].map((e) => [e.id, e.name]));
      assert.deepEqual(
        model.edges.map((e) => [names.get(e.container), names.get(e.volume), e.mountPath, e.readOnly, at(e.range)]),
        [
          ['shop', 'logs', '/var/log/shop', false, '23:38-23:51'],
          ['shop', 'config', '/etc/shop', true, '24:40-24:49'],
          ['log-shipper', 'logs', '/logs', true, '29:38-29:43'],
        ],
      );
    });

    it('marks a defined volume that nothing mounts as unused, and names its source', () => {
      const model = must(`|${SHOWCASE}`);
      assert.deepEqual(
        model.volumes.map((v) => [v.name, v.source, v.sourceDetail, v.defined, v.used]),
        [
          ['logs', 'emptyDir', undefined, true, true],
          ['config', 'configMap', 'shop-config', true, true],
          ['spare', 'emptyDir', 'in memory', true, false],
        ],
      );
    });

    it('draws a mounted name that spec.volumes does not define as an undefined volume, once', () => {
      const model = must(
        yaml(
          '|apiVersion: v1',
          'kind: Pod',
          'metadata: {name: p}',
          'spec:',
          '  containers:',
          '    - name: a',
          '      image: x:1',
          '      volumeMounts: [{name: cache, mountPath: /cache}]',
          '    - name: b',
          '      image: y:1',
          '      volumeMounts: [{name: cache, mountPath: /c, readOnly: true}]',
        ),
      );
      assert.deepEqual(
        model.volumes.map((v) => [v.id, v.name, v.defined, v.used, at(v.range)]),
        [['volume:undefined:cache', 'cache', false, true, '7:28-7:33']],
      );
      assert.deepEqual(model.edges.map((e) => e.volume), ['volume:undefined:cache', 'volume:undefined:cache']);
    });
  });

  describe('ports on the shared network', () => {
    const pod = (...containers: string[]) =>
      yaml('|apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', ...containers);
    const cases: [title: string, text: string, clashes: [container: string, port: number, clashWith: string | undefined][]][] = [
      [
        'two app containers on the same port clash',
        pod('  containers:', '    - {name: a, image: x:1, ports: [{containerPort: 8080}]}', '    - {name: b, image: y:1, ports: [{containerPort: 8080}]}'),
        [['a', 8080, 'b'], ['b', 8080, 'a']],
      ],
      [
        'the same number over TCP and UDP does not clash',
        pod('  containers:', '    - {name: a, image: x:1, ports: [{containerPort: 53}]}', '    - {name: b, image: y:1, ports: [{containerPort: 53, protocol: UDP}]}'),
        [['a', 53, undefined], ['b', 53, undefined]],
      ],
      [
        'an init container has finished before the app starts: no clash',
        pod('  initContainers:', '    - {name: i, image: x:1, ports: [{containerPort: 8080}]}', '  containers:', '    - {name: a, image: y:1, ports: [{containerPort: 8080}]}'),
        [['i', 8080, undefined], ['a', 8080, undefined]],
      ],
      [
        'a native sidecar runs beside the app: clash',
        pod('  initContainers:', '    - {name: s, image: x:1, restartPolicy: Always, ports: [{containerPort: 8080}]}', '  containers:', '    - {name: a, image: y:1, ports: [{containerPort: 8080}]}'),
        [['s', 8080, 'a'], ['a', 8080, 's']],
      ],
      [
        'an init step after a native sidecar runs beside it: clash; one before it does not',
        pod(
          '  initContainers:',
          '    - {name: before, image: x:1, ports: [{containerPort: 9000}]}',
          '    - {name: s, image: x:1, restartPolicy: Always, ports: [{containerPort: 9000}]}',
          '    - {name: after, image: x:1, ports: [{containerPort: 9000}]}',
          '  containers:',
          '    - {name: a, image: y:1}',
        ),
        [['before', 9000, undefined], ['s', 9000, 'after'], ['after', 9000, 's']],
      ],
    ];
    for (const [title, text, expected] of cases) {
      it(title, () => {
        const model = must(text);
        assert.deepEqual(
          model.containers.flatMap((c) => c.ports.map((p) => [c.name, p.containerPort, p.clashWith])),
          expected,
        );
      });
    }
  });

  describe('where the Pod may run', () => {
    const CASES: [string, string, string | undefined][] = [
      [
        'selector labels, tolerations and affinity kinds, for the whole Pod',
        yaml(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: |api}',
          'spec:',
          '  template:',
          '    spec:',
          '      nodeSelector: {kubernetes.io/os: linux}',
          '      tolerations:',
          '        - {key: dedicated, operator: Equal, value: api, effect: NoSchedule}',
          '        - {operator: Exists}',
          '      affinity: {podAntiAffinity: {}}',
          '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]',
          '      containers: [{name: a, image: "a:1"}]',
        ),
        'Placement, one node for the whole Pod: nodeSelector kubernetes.io/os=linux · tolerates dedicated=api:NoSchedule, every taint · podAntiAffinity · 1 topology spread constraint',
      ],
      ['nothing when the manifest says nothing about placement', yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: |p}', 'spec:', '  containers: [{name: a, image: "a:1"}]'), undefined],
    ];
    for (const [what, text, expected] of CASES) {
      it(what, () => assert.equal(must(text).pod.placement, expected));
    }
  });

  describe("the Pod's effective resources", () => {
    it('takes the larger of the busiest init step and the running containers, and says which', () => {
      const model = must(`|${SHOWCASE}`);
      assert.deepEqual(model.effective.requests, [
        { resource: 'cpu', amount: '500m CPU', from: 'init container migrate' },
        { resource: 'memory', amount: '352 MiB', from: 'sum of app containers and native sidecars' },
      ]);
      assert.deepEqual(model.effective.limits, [
        { resource: 'memory', amount: 'unbounded', from: 'sum of app containers and native sidecars: db-proxy, metrics and mesh-proxy set no limit' },
      ]);
    });

    it('names every running container that sets no limit, not only the first', () => {
      const model = must(yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - {name: web, image: "w:1", resources: {limits: {memory: 64Mi}}}',
        '    - {name: log, image: "l:1", resources: {requests: {memory: 16Mi}}}',
        '    - |{name: cache, image: "c:1", resources: {requests: {memory: 32Mi}}}',
      ));
      assert.deepEqual(model.effective.limits, [{ resource: 'memory', amount: 'unbounded', from: 'sum of app containers: log and cache set no limit' }]);
    });

    it('says once which init container leaves the limit open when its step decides it', () => {
      const model = must(yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  initContainers:',
        '    - {name: migrate, image: m:1, resources: {requests: {memory: 64Mi}}}',
        '  containers:',
        '    - {name: web, image: w:1, resources: {limits: {memory: 128Mi}}}',
      ).replace('name: p', 'name: |p'));
      assert.deepEqual(model.effective.limits, [{ resource: 'memory', amount: 'unbounded', from: 'init container migrate sets no limit' }]);
    });
  });

  describe('problems on the element they are about', () => {
    const TEXT = yaml(
      '|apiVersion: v1', // 0
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  name: q',
      'spec:', //           5
      '  containers:',
      '    - name: a',
      '      image: x:1',
      '      image: x:2',
      '      volumeMounts:', // 10
      '        - name: data',
      '          mountPath: /data',
      '          mountPath: /other',
      '  volumes:',
      '    - name: data', //  15
      '      emptyDir: {}',
      '      emptyDir: {}',
    );
    it('attaches each finding to the innermost element whose node holds it; the rest to the Pod', () => {
      const model = must(TEXT);
      const syntax = (problems: DiagramModel['pod']['problems']) =>
        problems.filter((p) => p.ruleId === 'duplicate-key').map((p) => [p.severity, at(p.range), p.message.slice(0, 40)]);
      assert.deepEqual(syntax(model.pod.problems).map((p) => p[1]), ['4:2-4:6']);
      assert.deepEqual(syntax(model.containers[0].problems).map((p) => p[1]), ['9:6-9:11']);
      assert.deepEqual(syntax(model.edges[0].problems).map((p) => p[1]), ['13:10-13:19']);
      assert.deepEqual(syntax(model.volumes[0].problems).map((p) => p[1]), ['17:6-17:14']);
      assert.match(model.containers[0].problems.find((p) => p.ruleId === 'duplicate-key')!.message, /image/);
    });

    it('counts every problem of the document by severity', () => {
      const model = must(TEXT);
      const all = [model.pod, ...model.containers, ...model.volumes, ...model.edges].flatMap((e) => e.problems);
      const counted = Object.values(model.problemCounts).reduce((a, b) => a + b, 0);
      assert.equal(counted, all.length);
      assert.ok(model.problemCounts.error >= 4, `at least the four duplicate keys: ${JSON.stringify(model.problemCounts)}`);
    });
  });

  describe('malformed input', () => {
    const cases: [string, string][] = [
      ['containers is a string', yaml('|apiVersion: v1', 'kind: Pod', 'spec:', '  containers: oops')],
      ['volumeMounts is a scalar, ports hold strings', yaml('|apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      volumeMounts: 3', '      ports: [{containerPort: "http"}, 7]')],
      ['volumes is a map', yaml('|apiVersion: v1', 'kind: Pod', 'spec:', '  volumes: {a: b}', '  containers: [{name: a, volumeMounts: [{mountPath: /x}]}]')],
      ['no spec at all', yaml('|apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}')],
      ['an unfinished document', '|apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: [a\n'],
    ];
    for (const [title, text] of cases) {
      it(`${title}: a model, no exception`, () => {
        const model = must(text);
        assert.equal(model.schemaVersion, 1);
        assert.doesNotThrow(() => JSON.stringify(model));
      });
    }
  });
});
