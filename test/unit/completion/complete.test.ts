import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { diagnosticsOf, service, settingsWith, summarize, withCursor, yaml } from '../support/service';
import { applyCompletion } from './support/snippets';

/** Completion at the `|` of a manifest, as the service answers an editor. */
function itemsAt(marked: string): CompletionItem[] {
  const { source, position } = withCursor(marked);
  return service.complete(source, position, settingsWith()).items;
}

function labels(marked: string): string[] {
  return itemsAt(marked).map((i) => i.label);
}

/** Labels in the order an editor sorts them (sortText, then label). */
function sortedLabels(marked: string): string[] {
  return itemsAt(marked)
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

function item(marked: string, label: string): CompletionItem {
  const found = itemsAt(marked).find((i) => i.label === label);
  assert.ok(found, `"${label}" offered at the cursor; got ${labels(marked).join(', ')}`);
  return found;
}

/** The text after accepting the item named `label` with its defaults. */
function accept(marked: string, label: string): string {
  return applyCompletion(marked.replace('|', ''), item(marked, label));
}

function range(i: CompletionItem): string {
  const r = (i.textEdit as TextEdit).range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function errorsOf(text: string): [string, string, string][] {
  return summarize(diagnosticsOf(text).filter((d) => d.severity === 1));
}

const POD = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines);

const WEB_POD = (...extra: string[]) =>
  POD(
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    '      ports:',
    '        - name: http',
    '          containerPort: 80',
    '        - name: admin',
    '          containerPort: 9000',
    '      volumeMounts:',
    '        - name: logs',
    '          mountPath: /var/log/nginx',
    ...extra,
    '  volumes:',
    '    - name: logs',
    '      emptyDir: {}',
    '    - name: config',
    '      configMap:',
    '        name: web-config',
  );

describe('completion: keys', () => {
  it('completes a partly typed container key over exactly the typed word', () => {
    const marked = POD('  containers:', '  - name: app', '    image: nginx:1.27', '    imagePu|');
    const pull = item(marked, 'imagePullPolicy');
    assert.equal(range(pull), '8:4-8:11');
    assert.equal(pull.detail, 'string · container-level · default for this image: IfNotPresent (it names a version)');
    assert.equal(accept(marked, 'imagePullPolicy'), POD('  containers:', '  - name: app', '    image: nginx:1.27', '    imagePullPolicy: IfNotPresent'));
  });

  it('offers container fields inside a container, not Pod fields, and not the keys already written', () => {
    const offered = labels(POD('  containers:', '  - name: app', '    |', '    image: nginx'));
    for (const field of ['ports', 'resources', 'readinessProbe', 'volumeMounts', 'env', 'securityContext']) assert.ok(offered.includes(field), field);
    for (const absent of ['name', 'image', 'volumes', 'nodeSelector', 'restartPolicyX']) assert.ok(!offered.includes(absent), absent);
  });

  it('offers PodSpec fields under spec of a Pod, required containers first', () => {
    const sorted = sortedLabels(POD('  |'));
    assert.equal(sorted[0], 'containers');
    for (const field of ['volumes', 'initContainers', 'nodeSelector', 'restartPolicy', 'securityContext']) assert.ok(sorted.includes(field), field);
    assert.ok(!sorted.includes('image'));
  });

  it('explains where a field belongs in its documentation: our words first', () => {
    const volumes = item(POD('  vol|'), 'volumes');
    assert.match(volumes.detail!, /^Volume\[\] · Pod-level$/);
    assert.match(JSON.stringify(volumes.documentation), /Pod-level\.\*\* The Pod's volumes, declared once/);
  });

  it('under a Deployment: the DeploymentSpec, then the PodSpec in template.spec', () => {
    const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web'];
    const deployment = sortedLabels(yaml(...head, 'spec:', '  |'));
    assert.deepEqual(deployment.slice(0, 2), ['selector', 'template']);
    assert.ok(deployment.includes('replicas') && deployment.includes('strategy') && !deployment.includes('containers'));
    assert.equal(item(yaml(...head, 'spec:', '  |'), 'replicas').detail, 'integer (int32) · workload-level');
    const podSpec = labels(yaml(...head, 'spec:', '  template:', '    spec:', '      |'));
    assert.ok(podSpec.includes('containers') && podSpec.includes('volumes') && !podSpec.includes('replicas'));
  });

  const shapes: [string, string, string, string][] = [
    ['a scalar inserts `key: `', POD('  containers:', '  - name: app', '    work|'), 'workingDir', '    workingDir: '],
    ['an object opens a nested block one unit deeper', POD('  containers:', '  - name: app', '    resou|'), 'resources', '    resources:\n      '],
    ['an array opens its first item', POD('  containers:', '    - name: app', '      por|'), 'ports', '      ports:\n        - '],
    ['a boolean offers true first', POD('  hostNet|'), 'hostNetwork', '  hostNetwork: true'],
    [
      'in a 4-space document, nested blocks use 4 spaces',
      yaml('apiVersion: v1', 'kind: Pod', 'spec:', '    containers:', '        -   name: app', '            resou|'),
      'resources',
      '            resources:\n                ',
    ],
    [
      'in a document that nests mappings by 4 and dashes by 2, both are kept',
      yaml('apiVersion: v1', 'kind: Pod', 'spec:', '    containers:', '      - name: app', '        imagePullPolicy: Always', '        por|'),
      'ports',
      '        ports:\n          - ',
    ],
    [
      'in a compact-sequence document, the dash stays at the key column',
      yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - name: app', '    ports:', '    - containerPort: 80', '    volumeMou|'),
      'volumeMounts',
      '    volumeMounts:\n    - ',
    ],
  ];
  for (const [name, marked, label, expectedTail] of shapes) {
    it(`value shape: ${name}`, () => {
      const text = accept(marked, label);
      assert.ok(text.endsWith(expectedTail + '\n'), JSON.stringify(text.slice(-60)));
    });
  }

  it('only the name when a colon already follows the word', () => {
    const marked = POD('  containers:', '  - name: app', '    imagePull|Policy: Always');
    const edit = item(marked, 'imagePullPolicy').textEdit as TextEdit;
    assert.equal(edit.newText, 'imagePullPolicy');
    assert.equal(range(item(marked, 'imagePullPolicy')), '7:4-7:19');
  });

  it('under a sequence key without a dash: the item fields, each starting a new item', () => {
    const marked = POD('  containers:', '    |');
    const name = item(marked, '- name');
    assert.equal((name.textEdit as TextEdit).newText, '- name: $0');
    assert.equal(accept(POD('  containers:', '    |'), '- resources'), POD('  containers:', '    - resources:', '        '));
  });

  it('leaves out what the API server fills in: status, and metadata such as uid', () => {
    assert.deepEqual(labels(yaml('apiVersion: v1', 'kind: Pod', '|')), ['metadata', 'spec']);
    assert.deepEqual(labels(yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  |')).sort(), ['annotations', 'finalizers', 'generateName', 'labels', 'name', 'namespace', 'ownerReferences']);
  });

  it('offers resource names as keys of requests and limits', () => {
    const offered = labels(POD('  containers:', '  - name: app', '    resources:', '      limits:', '        memory: 1Gi', '        |'));
    assert.deepEqual(offered, ['cpu', 'ephemeral-storage']);
  });

  it('works in the second document of a stream, with that document kind', () => {
    const marked = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: batch/v1\nkind: Job\nspec:\n  |\n';
    const offered = labels(marked);
    assert.ok(offered.includes('backoffLimit') && offered.includes('template') && !offered.includes('containers'));
    assert.equal(range(item(marked, 'backoffLimit')), '8:2-8:2');
  });

  it('works with CRLF line ends', () => {
    const marked = 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n    ima|\r\n';
    assert.equal(range(item(marked, 'image')), '5:4-5:7');
    // No image yet, so no pull policy is chosen for the person.
    assert.equal(accept(marked, 'imagePullPolicy'), 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n    imagePullPolicy: \r\n');
  });

  it('offers nothing in a YAML file of another tool', () => {
    assert.deepEqual(labels(yaml('name: ci', 'on: [push]', 'jobs:', '  test:', '    |')), []);
    assert.deepEqual(labels(yaml('name: ci', '|')), []);
  });

  it('offers well-known node labels as nodeSelector keys', () => {
    assert.deepEqual(labels(POD('  nodeSelector:', '    kubernetes.io/os: linux', '    |')), [
      'kubernetes.io/arch', 'kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'topology.kubernetes.io/region', 'node.kubernetes.io/instance-type',
    ]);
  });

  it('waits for the space after a freshly typed dash', () => {
    assert.deepEqual(labels(POD('  containers:', '    -|')), []);
  });

  it('filters dash-less item fields by the field name', () => {
    assert.equal(item(POD('  containers:', '    na|'), '- name').filterText, 'name');
  });

  it('offers nothing in a comment', () => {
    assert.deepEqual(labels(POD('  # containers |')), []);
  });
});

describe('completion: flow style', () => {
  it('offers keys inside a flow mapping, leaving out those written', () => {
    const marked = POD('  securityContext: {runAsNonRoot: true, runAsU|}');
    const user = item(marked, 'runAsUser');
    assert.equal((user.textEdit as TextEdit).newText, 'runAsUser: $0');
    assert.equal(range(user), '5:40-5:46');
    assert.ok(!labels(marked).includes('runAsNonRoot'));
  });

  it('offers resource names in nested flow mappings', () => {
    assert.deepEqual(labels(POD('  containers:', '  - name: app', '    resources: {limits: {memory: 1Gi, |}}')), ['cpu', 'ephemeral-storage']);
  });

  it('offers enum values in a flow mapping', () => {
    assert.deepEqual(labels(POD('  containers:', '  - {name: app, image: nginx, imagePullPolicy: |}')), ['Always', 'IfNotPresent', 'Never']);
  });

  it('an object key in flow style inserts an empty flow mapping', () => {
    assert.equal((item(POD('  containers:', '  - {name: app, resou|}'), 'resources').textEdit as TextEdit).newText, 'resources: {$0}');
  });
});

describe('completion: values', () => {
  const enums: [string, string, string[]][] = [
    ['restartPolicy of the Pod', POD('  restartPolicy: |'), ['Always', 'Never', 'OnFailure']],
    ['imagePullPolicy of a container', POD('  containers:', '  - name: a', '    imagePullPolicy: If|'), ['Always', 'IfNotPresent', 'Never']],
    ['protocol of a port', POD('  containers:', '  - name: a', '    ports:', '    - containerPort: 53', '      protocol: |'), ['SCTP', 'TCP', 'UDP']],
    ['a boolean', POD('  hostNetwork: |'), ['true', 'false']],
    ['dnsPolicy', POD('  dnsPolicy: |'), ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']],
  ];
  for (const [name, marked, expected] of enums) {
    it(`offers the values of ${name}`, () => assert.deepEqual(labels(marked), expected));
  }

  it('offers only the restart policies the workload accepts', () => {
    const template = (kind: string, api: string) => yaml(`apiVersion: ${api}`, `kind: ${kind}`, 'spec:', '  template:', '    spec:', '      restartPolicy: |');
    assert.deepEqual(labels(template('Job', 'batch/v1')), ['Never', 'OnFailure']);
    assert.deepEqual(labels(template('Deployment', 'apps/v1')), ['Always']);
    // An init container's policies depend on the Kubernetes version (initRestartPolicy.test.ts); the default is 1.36.
    assert.deepEqual(labels(POD('  initContainers:', '    - name: shipper', '      restartPolicy: |')), ['Always', 'OnFailure', 'Never']);
    assert.equal(item(POD('  initContainers:', '    - name: shipper', '      restartPolicy: |'), 'Always').detail, 'makes this init container a native sidecar');
  });

  it('replaces the partly typed value', () => {
    const marked = POD('  containers:', '  - name: a', '    imagePullPolicy: If|');
    assert.equal(range(item(marked, 'IfNotPresent')), '7:21-7:23');
    assert.match(accept(marked, 'IfNotPresent'), /imagePullPolicy: IfNotPresent\n$/);
  });

  it('adds the space after a bare colon', () => {
    assert.equal((item(POD('  restartPolicy:|'), 'Never').textEdit as TextEdit).newText, ' Never');
  });

  it('after kind: Deployment, offers apps/v1 first', () => {
    const marked = yaml('kind: Deployment', 'apiVersion: |');
    assert.equal(sortedLabels(marked)[0], 'apps/v1');
    assert.equal(item(marked, 'apps/v1').preselect, true);
    assert.equal(item(marked, 'apps/v1').detail, 'serves Deployment');
  });

  it('after apiVersion: batch/v1, offers Job and CronJob first', () => {
    assert.deepEqual(sortedLabels(yaml('apiVersion: batch/v1', 'kind: |')).slice(0, 2), ['Job', 'CronJob']);
  });

  it('a kind chosen with no apiVersion written adds its apiVersion', () => {
    assert.equal(accept(yaml('kind: |', 'metadata:', '  name: web'), 'StatefulSet'), yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: web'));
  });

  it('offers the Pod volumes in volumeMounts[].name, the unmounted ones first', () => {
    const marked = WEB_POD('        - name: |');
    assert.deepEqual(sortedLabels(marked), ['config', 'logs']);
    assert.equal(item(marked, 'config').detail, 'configMap volume of the Pod');
    assert.equal(item(marked, 'logs').detail, 'emptyDir volume of the Pod (already mounted here)');
  });

  it("offers a StatefulSet's claim templates in volumeMounts[].name", () => {
    const marked = yaml(
      'apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  template:', '    spec:', '      containers:',
      '        - name: db', '          volumeMounts:', '            - name: |',
      '  volumeClaimTemplates:', '    - metadata:', '        name: data', '      spec:', '        accessModes: [ReadWriteOnce]',
    );
    assert.deepEqual(labels(marked), ['data']);
    assert.equal(item(marked, 'data').detail, 'volumeClaimTemplate: one claim per Pod');
  });

  const probePorts: [string, string, string[]][] = [
    ['httpGet', 'httpGet', ['http', 'admin', '80', '9000']],
    ['tcpSocket', 'tcpSocket', ['http', 'admin', '80', '9000']],
    ['grpc (numbers only: the field takes an integer)', 'grpc', ['80', '9000']],
  ];
  for (const [name, handler, expected] of probePorts) {
    it(`offers the container's declared ports in a ${name} probe port`, () => {
      const marked = WEB_POD('      livenessProbe:', `        ${handler}:`, '          port: |');
      assert.deepEqual(sortedLabels(marked), expected);
    });
  }

  it('offers container names in resourceFieldRef.containerName', () => {
    const marked = WEB_POD(
      '      env:',
      '        - name: MEMORY_LIMIT',
      '          valueFrom:',
      '            resourceFieldRef:',
      '              resource: limits.memory',
      '              containerName: |',
    );
    assert.deepEqual(labels(marked), ['app']);
    assert.equal(item(marked, 'app').detail, 'container (this one)');
  });

  it('offers topology labels in topologyKey', () => {
    const marked = POD('  topologySpreadConstraints:', '    - maxSkew: 1', '      whenUnsatisfiable: DoNotSchedule', '      topologyKey: |');
    assert.deepEqual(labels(marked), ['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'topology.kubernetes.io/region', 'node.kubernetes.io/instance-type']);
  });

  it('offers downward API field paths in fieldRef.fieldPath', () => {
    const offered = labels(WEB_POD('      env:', '        - name: POD_IP', '          valueFrom:', '            fieldRef:', '              fieldPath: |'));
    assert.ok(offered.includes('status.podIP') && offered.includes('metadata.name'));
  });
});

describe('completion: empty documents and starters', () => {
  it('offers the pod-carrying kinds as whole skeletons, and apiVersion and kind', () => {
    const offered = labels('|');
    for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodTemplate']) {
      assert.ok(offered.includes(`${kind} manifest`), kind);
    }
    assert.ok(offered.includes('apiVersion') && offered.includes('kind'));
  });

  it('a skeleton accepted with its defaults is a manifest without errors', () => {
    for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'Job', 'CronJob']) {
      const text = accept('|', `${kind} manifest`) + '\n';
      assert.deepEqual(errorsOf(text), [], text);
    }
  });

  it('offers skeletons in an empty document after another one', () => {
    assert.ok(labels('apiVersion: v1\nkind: Pod\n---\n|').includes('Deployment manifest'));
  });

  it('offers only the missing one of apiVersion and kind once one is written', () => {
    assert.deepEqual(labels('apiVersion: v1\n|'), ['kind']);
  });
});

describe('completion: multi-container patterns where a container goes', () => {
  const afterDash = WEB_POD().replace('  volumes:\n', '    - |\n  volumes:\n');

  it('offers sidecar, ambassador and adapter after a new dash in containers', () => {
    const offered = labels(afterDash);
    for (const label of ['sidecar: log shipper', 'ambassador: local proxy', 'adapter: metrics exporter']) assert.ok(offered.includes(label), label);
    assert.ok(offered.includes('name') && offered.includes('image'), 'the container fields too');
  });

  it('the log shipper mounts the volume the app writes to, at the same path, read-only', () => {
    const shipper = item(afterDash, 'sidecar: log shipper');
    assert.equal(shipper.detail, 'shares volume logs with app');
    const text = accept(afterDash, 'sidecar: log shipper');
    assert.ok(text.includes(
      ['    - name: log-shipper', '      image: fluent/fluent-bit:3.2', '      args: ["-i", "tail", "-p", "path=/var/log/nginx/*.log", "-o", "stdout"]',
        '      volumeMounts:', '        - name: logs', '          mountPath: /var/log/nginx', '          readOnly: true'].join('\n'),
    ), text);
    assert.deepEqual(errorsOf(text), []);
  });

  it('the ambassador listens on localhost on a port no container of the Pod uses', () => {
    const busy = afterDash.replace('containerPort: 9000', 'containerPort: 5432');
    assert.equal(item(busy, 'ambassador: local proxy').detail, 'app connects to localhost:5433');
    const text = accept(busy, 'ambassador: local proxy');
    assert.match(text, /"TCP-LISTEN:5433,fork,reuseaddr,bind=127\.0\.0\.1"/);
    assert.deepEqual(errorsOf(text), []);
  });

  it("the adapter scrapes the app's port on localhost", () => {
    const text = accept(afterDash, 'adapter: metrics exporter');
    assert.match(text, /--nginx\.scrape-uri=http:\/\/localhost:80\/stub_status/);
    assert.match(text, /- name: metrics\n {10}containerPort: 9113/);
    assert.deepEqual(errorsOf(text), []);
  });

  it('under containers: without a dash, the pattern brings its dash at the cursor column', () => {
    const marked = WEB_POD().replace('  volumes:\n', '    |\n  volumes:\n');
    const text = accept(marked, 'ambassador: local proxy');
    assert.match(text, /\n {4}- name: db-ambassador\n {6}image: alpine\/socat:1\.8\.0\.1\n/);
    assert.deepEqual(errorsOf(text), []);
  });

  it('offers the native sidecar and an init step in initContainers', () => {
    const marked = WEB_POD().replace('  containers:\n', '  initContainers:\n    - |\n  containers:\n');
    assert.ok(labels(marked).includes('init container: wait for a service'));
    const text = accept(marked, 'native sidecar: log shipper');
    assert.match(text, /initContainers:\n {4}- name: log-shipper\n {6}image: fluent\/fluent-bit:3\.2\n {6}restartPolicy: Always\n/);
    assert.deepEqual(errorsOf(text), []);
  });

  it('in a Pod without a shared volume, the log shipper declares an emptyDir and mounts it in the app too', () => {
    const marked = POD('  containers:', '    - name: app', '      image: nginx:1.27', '    - |');
    const shipper = item(marked, 'sidecar: log shipper');
    assert.match(JSON.stringify(shipper.documentation), /also declares the emptyDir volume `logs` and mounts it in app at \/var\/log\/app/);
    const text = accept(marked, 'sidecar: log shipper');
    assert.equal(
      text.split('\n').slice(0, 16).join('\n'),
      [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:',
        '  volumes:', '    - name: logs', '      emptyDir: {}',
        '  containers:', '    - name: app', '      image: nginx:1.27', '      volumeMounts:', '        - name: logs', '          mountPath: /var/log/app',
        '    - name: log-shipper', '      image: fluent/fluent-bit:3.2',
      ].join('\n'),
    );
    assert.deepEqual(errorsOf(text), []);
  });

  it('with volumes but none the app writes to, the native sidecar adds its volume after the last one', () => {
    const marked = POD(
      '  initContainers:', '    - |',
      '  containers:', '    - name: app', '      image: nginx:1.27', '      volumeMounts:', '        - name: config', '          mountPath: /etc/app', '          readOnly: true',
      '  volumes:', '    - name: config', '      configMap:', '        name: app-config',
    );
    const text = accept(marked, 'native sidecar: log shipper');
    assert.ok(text.includes('          readOnly: true\n        - name: logs\n          mountPath: /var/log/app\n'), text);
    assert.ok(text.endsWith('        name: app-config\n    - name: logs\n      emptyDir: {}\n'), text);
    assert.deepEqual(errorsOf(text), []);
  });

  it('offers no pattern once the new container has keys', () => {
    const marked = WEB_POD().replace('  volumes:\n', '    - |\n      image: busybox\n  volumes:\n');
    assert.ok(!labels(marked).includes('sidecar: log shipper'));
  });
});

describe('completion: volumes with their mount', () => {
  const marked = WEB_POD().replace('        name: web-config\n', '        name: web-config\n    - |\n');

  it('a volume item adds the matching mount to the app container', () => {
    const emptyDir = item(marked, 'emptyDir volume');
    assert.equal(emptyDir.detail, 'volume cache, mounted in app at /cache');
    const text = accept(marked, 'secret volume');
    assert.ok(text.includes('    - name: credentials\n      secret:\n        secretName: app-credentials\n'), text);
    assert.ok(text.includes('          mountPath: /var/log/nginx\n        - name: credentials\n          mountPath: /etc/credentials\n          readOnly: true\n'), text);
    assert.deepEqual(errorsOf(text), []);
  });

  it('a container without volumeMounts gets the key', () => {
    const bare = POD('  containers:', '    - name: app', '      image: nginx:1.27', '  volumes:', '    - |');
    const text = accept(bare, 'emptyDir volume');
    assert.equal(text, POD('  containers:', '    - name: app', '      image: nginx:1.27', '      volumeMounts:', '        - name: cache', '          mountPath: /cache', '  volumes:', '    - name: cache', '      emptyDir:', '        sizeLimit: 1Gi'));
    assert.deepEqual(errorsOf(text), []);
  });
});
