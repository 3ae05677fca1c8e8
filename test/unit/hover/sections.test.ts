import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/hover/hover';
import { enumValueMeaning } from '../../../server/src/hover/enumValues';
import { formatPath } from '../../../server/src/hover/markdown';
import type { HoverSection } from '../../../server/src/hover/section';
import { HOVER_SECTIONS } from '../../../server/src/hover/sections';
import { trimDescription } from '../../../server/src/hover/sections/descriptionSection';
import { podModelOf } from '../../../server/src/pod/podModel';
import type { FeatureRequest } from '../../../server/src/core/featureRequest';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { sourceOf, withCursor, yaml } from '../support/service';
import { hoverAt } from './support';

/** The sections one by one, on small manifests: each case is the manifest beside what its hover must say. */
const SECTION_CASES: [what: string, manifest: string, says: string[]][] = [
  [
    'network: hostNetwork key lists the Pod ports and says how siblings reach each other',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  host|Network: true', '  containers:', '    - name: a', '      ports: [{containerPort: 80, name: web}]'),
    ["**One network for the Pod:** every container shares the Pod's IP address and port space", '- `80/TCP` `a` (web)'],
  ],
  [
    'network: with hostNetwork a port opens on the node',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  hostNetwork: true', '  containers:', '    - name: a', '      ports: [{containerPo|rt: 80}]'),
    ["With `hostNetwork: true` the Pod uses the node's network: port 80 opens on the node's IP"],
  ],
  [
    'network: a hostPort is forwarded from the node',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      ports: [{containerPort: 80, host|Port: 8080}]'),
    ["`hostPort: 8080` also forwards port 8080 of the node's IP to it"],
  ],
  [
    'network: an init container port is open only during its step',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  initContainers:', '    - name: seed', '      ports: [{containerPort: 9|000}]', '  containers: [{name: a}]'),
    ['so this port is open only while `seed` runs'],
  ],
  [
    'network: a probe names a port the container does not have',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      livenessProbe: {tcpSocket: {port: ad|min}}'),
    ['No port of container `a` is named `admin`'],
  ],
  [
    'storage: a mount of a volume the Pod does not declare',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      volumeMounts: [{name: da|ta, mountPath: /d}]'),
    ['Container `a` mounts `data`, but the Pod declares no volume of that name in spec.volumes'],
  ],
  [
    'storage: a volume that no container mounts, with its configMap source',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: [{name: a}]', '  volumes:', '    - name: cf|g', '      configMap: {name: app-config}'),
    ['Pod volume `cfg`: configMap `app-config`.', 'No container mounts `cfg`: add a volumeMounts entry with `name: cfg`'],
  ],
  [
    'storage: the volumes key lists every volume and who mounts it',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: [{name: a, volumeMounts: [{name: d, mountPath: /d}]}]', '  vol|umes:', '    - {name: d, persistentVolumeClaim: {claimName: data-0}}'),
    ['Volumes of this Pod and the containers that mount them:\n- `d` (persistentVolumeClaim `data-0`) → `a`'],
  ],
  [
    'lifecycle: a Job restartPolicy key says what a Job accepts',
    yaml('apiVersion: batch/v1', 'kind: Job', 'spec:', '  template:', '    spec:', '      restart|Policy: Never', '      containers: [{name: a}]'),
    ["The Pod's restartPolicy, here `Never`", "A Job's Pods must use `OnFailure` or `Never`"],
  ],
  [
    'probe: a livenessProbe timing field gives the whole timing and what the kubelet does after the failures',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      livenessProbe:', '        httpGet: {path: /healthz, port: 80}', '        failureTh|reshold: 6'),
    [
      '**When this livenessProbe checks:** first as soon as the container starts, then every 10 s (default), each check waiting up to 1 s (default) for an answer.',
      'After 6 failed checks in a row, about 60 s, the kubelet restarts this container alone; the Pod keeps its IP and volumes, and its other containers keep running.',
    ],
  ],
  [
    'probe: a readinessProbe waits for the startupProbe, takes the Pod out of Services, restarts nothing',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      startupProbe: {tcpSocket: {port: 80}, failureThreshold: 30, periodSeconds: 2}', '      readinessP|robe: {tcpSocket: {port: 80}, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 5}'),
    [
      '**When this readinessProbe checks:** first 5 s after the container starts, once its startupProbe has passed, then every 5 s, each check waiting up to 5 s for an answer.',
      'After 3 failed checks in a row (default), about 15 s, the Pod counts as not Ready and Services stop sending it traffic, until 1 check passes. Nothing is restarted.',
      '`timeoutSeconds` is not below `periodSeconds`: a slow answer runs into the next check.',
    ],
  ],
  [
    "probe: a startupProbe's budget to start",
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      startupProbe: {tcpSocket: {port: 80}, failureThreshold: 30, periodSe|conds: 2}'),
    ['The container has 30 × 2 s = 60 s to start: its liveness and readiness probes wait until this one passes, and if it has not by then, the kubelet restarts the container.'],
  ],
  [
    'lifecycle: two native sidecars are named in the plural on the Pod restartPolicy',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  restartPol|icy: Always', '  initContainers:', '    - {name: p, restartPolicy: Always}', '    - {name: q, restartPolicy: Always}', '  containers: [{name: a}]'),
    ['The native sidecars `p` and `q` set their own `restartPolicy: Always` and are always restarted, whatever this says.'],
  ],
  [
    'lifecycle: restartPolicy Never on an app container is a per-container override',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      restartPolicy: Nev|er'),
    ['`Never`: Accepted only where the cluster enables container restart rules', 'this container alone is never restarted'],
  ],
  [
    'resources: Pod-level resources show the effective budget',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  reso|urces: {requests: {cpu: "2"}}', '  containers: [{name: a, resources: {requests: {cpu: 1}}}]'),
    ['- 2 CPU (set for the whole Pod (spec.resources))'],
  ],
  [
    'resources: an emptyDir sizeLimit is a number of bytes',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: [{name: a}]', '  volumes: [{name: t, emptyDir: {sizeLimit: 1G|i}}]'),
    ['`1Gi` = 1,073,741,824 bytes (1 GiB)'],
  ],
  [
    'scheduling: tolerations of a CronJob Pod',
    yaml('apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          toler|ations: []', '          containers: [{name: a}]'),
    ['`spec.jobTemplate.spec.template.spec.tolerations` · **Pod-level**', 'the scheduler picks one node for the whole Pod, so this decides where its container `a` runs.'],
  ],
  [
    'workload: a Deployment removed apiVersion is still explained with today\'s schema',
    yaml('apiVersion: extensions/v1beta1', 'kind: Deployment', 'spec:', '  repl|icas: 2'),
    ['`spec.replicas` · **workload-level** · `integer (int32)`'],
  ],
  [
    'summary: the key of a template PodSpec summarises the Pod',
    yaml('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  template:', '    sp|ec:', '      containers: [{name: pg, ports: [{containerPort: 5432}]}]'),
    ['**StatefulSet `db`**: the controller creates Pods from the template at `spec.template`', '`pg`: app container', 'Ports, on one shared Pod IP: `5432/TCP` pg', '`spec.template.spec` · **Pod-level** · `PodSpec`'],
  ],
  [
    'network: a numeric probe port names the container port it reaches',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      ports: [{name: web, containerPort: 80}]', '      readinessProbe: {httpGet: {port: 8|0}}'),
    ["The kubelet probes port 80 on the Pod's IP: container `a`'s port `web` 80/TCP."],
  ],
  [
    'template: a selector label that the template gives',
    yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  selector: {matchLabels: {app: w|eb}}', '  template:', '    metadata: {labels: {app: web, tier: front}}', '    spec: {containers: [{name: a}]}'),
    ['The Deployment owns the Pods labelled `app: web`, and its template gives every new Pod that label (`spec.template.metadata.labels`).'],
  ],
  [
    'template: a selector label that the template lacks',
    yaml('apiVersion: apps/v1', 'kind: DaemonSet', 'spec:', '  selector: {matchLabels: {ap|p: web}}', '  template:', '    metadata: {labels: {app: api}}', '    spec: {containers: [{name: a}]}'),
    ["The template's labels say `app: api`, so the Pods it makes would not match `app: web`: the API server rejects a DaemonSet whose selector does not match its template."],
  ],
  [
    'template: a template label outside the selector',
    yaml('apiVersion: batch/v1', 'kind: CronJob', 'spec:', '  jobTemplate:', '    spec:', '      selector: {matchLabels: {app: web}}', '      template:', '        metadata: {labels: {app: web, ti|er: front}}', '        spec: {containers: [{name: a}]}'),
    ["Not part of the CronJob's selector: the controller does not use `tier` to find its Pods"],
  ],
  [
    'value: a removed apiVersion says what to write instead',
    yaml('apiVersion: extensions/v1be|ta1', 'kind: Deployment', 'spec: {}'),
    ['`extensions/v1beta1` no longer serves Deployment since Kubernetes 1.16: write `apiVersion: apps/v1`.'],
  ],
  [
    'field: a field an ephemeral container cannot have',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: [{name: a}]', '  ephemeralContainers:', '    - name: debug', '      po|rts: []'),
    ['**container-level** · ephemeral container `debug`', '**Not accepted here:** the schema lists `ports`, but the API rejects it on an ephemeral container'],
  ],
  [
    'multi-document: the second document is explained on its own',
    yaml('apiVersion: v1', 'kind: ConfigMap', 'data: {a: b}', '---', 'apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: only', '      ima|ge: nginx'),
    ['`spec.containers[only].image` · **container-level** · app container `only`'],
  ],
];

describe('hover sections', () => {
  for (const [what, marked, says] of SECTION_CASES) {
    it(what, () => {
      const seen = hoverAt(marked);
      assert.ok(seen, 'a hover is shown');
      for (const phrase of says) assert.ok(seen.text.includes(phrase), `says ${JSON.stringify(phrase)}; got:\n${seen.text}`);
    });
  }

  it('a Helm template gets the schema and scope, without the Pod model', () => {
    const seen = hoverAt(yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: {{ .Values.name }}', 'spec:', '  node|Name: n1'));
    assert.ok(seen);
    assert.ok(seen.text.startsWith('`spec.nodeName` · **Pod-level**'), seen.text);
    assert.ok(!seen.text.includes('**The Pod is scheduled as a unit:**'), 'no Pod model, no scheduling section');
  });
});

describe('hover extension point', () => {
  /** A request as the facade builds it, for calling hover() with other sections. */
  function requestAt(marked: string): FeatureRequest {
    const { source, offset } = withCursor(marked);
    const doc = source.file.documents[0];
    return {
      source,
      doc,
      offset: offset - doc.offset,
      settings: DEFAULT_SETTINGS,
      rangeOf: (s, e) => ({ start: source.textDocument.positionAt(doc.offset + s), end: source.textDocument.positionAt(doc.offset + e) }),
      findingsOf: () => [],
    };
  }

  it('a new section (a securityContext one, say) adds its block without touching the others', () => {
    const securityContext: HoverSection = {
      id: 'securityContext',
      render: (ctx) => (ctx.container && ctx.inContainer?.[0] === 'securityContext' ? `effective runAsUser of ${ctx.container.name}: 1000` : undefined),
    };
    const at = yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  securityContext: {runAsUser: 1000}', '  containers:', '    - name: a', '      securityContext: {runAs|NonRoot: true}');
    const sections = [...HOVER_SECTIONS.slice(0, -1), securityContext, HOVER_SECTIONS[HOVER_SECTIONS.length - 1]];
    const text = (hover(requestAt(at), sections)!.contents as MarkupContent).value;
    assert.ok(text.includes('effective runAsUser of a: 1000'), text);
    assert.ok(text.indexOf('effective runAsUser') < text.indexOf('---'), 'placed before the upstream description');
    const without = (hover(requestAt(at))!.contents as MarkupContent).value;
    assert.ok(!without.includes('effective runAsUser'));
  });

  it('lists its sections with unique ids, the description last', () => {
    const ids = HOVER_SECTIONS.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids[ids.length - 1], 'description');
  });
});

describe('hover helpers', () => {
  const MEANINGS: [field: string, value: string, place: Parameters<typeof enumValueMeaning>[2], parent: string | undefined, starts: string | undefined][] = [
    ['restartPolicy', 'Always', 'pod', 'spec', 'The kubelet restarts every app container'],
    ['restartPolicy', 'Always', 'init-container', 'initContainers', 'Makes this init container a native sidecar'],
    ['type', 'Recreate', 'workload', 'strategy', 'All old Pods are stopped before new ones start'],
    ['type', 'OnDelete', 'workload', 'updateStrategy', 'Changing the template replaces no Pod'],
    ['type', 'Recreate', 'other', 'httpGet', undefined],
    ['imagePullPolicy', 'Sometimes', 'app-container', 'containers', undefined],
    ['imagePullPolicy', 'constructor', 'app-container', 'containers', undefined],
  ];
  for (const [field, value, place, parent, starts] of MEANINGS) {
    it(`enum meaning of ${field}: ${value} (${place}, under ${parent})`, () => {
      const meaning = enumValueMeaning(field, value, place, parent);
      if (starts === undefined) assert.equal(meaning, undefined);
      else assert.ok(meaning?.startsWith(starts), meaning);
    });
  }

  it('trims the enum list and long descriptions at a sentence', () => {
    assert.equal(trimDescription('Pull policy.\n\nPossible enum values:\n - `"Always"` x'), 'Pull policy.');
    const long = `${'A sentence of words. '.repeat(40)}`;
    const trimmed = trimDescription(long);
    assert.ok(trimmed.length <= 602 && trimmed.endsWith('. …'), trimmed);
  });

  it('writes paths with container names where the manifest gives them', () => {
    const source = sourceOf(yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers: [{name: web}, {image: x}]'));
    const pod = podModelOf(source.file.documents[0]);
    const base = ['spec', 'template', 'spec', 'containers'];
    assert.equal(formatPath([...base, 0, 'ports', 0, 'containerPort'], pod), 'spec.template.spec.containers[web].ports[0].containerPort');
    assert.equal(formatPath([...base, 1, 'image'], pod), 'spec.template.spec.containers[1].image');
  });
});
