import assert from 'node:assert/strict';
import type { CodeLens, CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { diagnosticsOf, service, settingsWith, sourceOf, summarize, withCursor, yaml } from '../support/service';

/**
 * Custom resources of known projects with a Pod inside (pod/customPodKinds.ts): the Pod is checked, explained and
 * drawn as a Deployment's is, and the resource's own fields are left to its CRD.
 */

const API = settingsWith({ profile: 'api' });

/** The body every workload below shares from line 2 on: the Pod sits at spec.template.spec, as in a Deployment. */
const BODY = [
  'metadata:', //                                   2
  '  name: shop',
  'spec:',
  '  replicas: 3', //                               5
  '  selector:',
  '    matchLabels: {app: shop}',
  '  template:',
  '    metadata:',
  '      labels: {app: shop}', //                  10
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: shop:1.2',
  '          ports:', //                           15
  '            - containerPort: 70000',
  '          imagePullPolcy: Always',
];

const ROLLOUT_HEAD = ['apiVersion: argoproj.io/v1alpha1', 'kind: Rollout'];
const DEPLOYMENT_HEAD = ['apiVersion: apps/v1', 'kind: Deployment'];

/** A Rollout's canary strategy: fields of Argo's CRD, not of Kubernetes. */
const CANARY = ['  strategy:', '    canary:', '      steps: [{setWeight: 20}, {pause: {duration: 1h}}]', '  analysis: {successfulRunHistoryLimit: 3}'];

describe('custom resources: a Pod inside a known custom resource', () => {
  describe('Argo Rollouts Rollout', () => {
    it('gets the findings a Deployment with the same Pod gets, on the same places', () => {
      const rollout = summarize(diagnosticsOf(yaml(...ROLLOUT_HEAD, ...BODY), API));
      const deployment = summarize(diagnosticsOf(yaml(...DEPLOYMENT_HEAD, ...BODY), API));
      assert.deepEqual(rollout, [
        ['unknown-field', '17:10-17:24', 'Unknown field `imagePullPolcy` in Container at spec.template.spec.containers[0]: did you mean `imagePullPolicy`?'],
        ['port-range', '16:29-16:34', 'containerPort 70000 of container `app` is out of range: a port number is 1..65535. The API server rejects it; use the port the process listens on.'],
      ]);
      assert.deepEqual(rollout, deployment);
    });

    it("leaves the Rollout's own fields (strategy, analysis, a typo among them) to its CRD", () => {
      const text = yaml(...ROLLOUT_HEAD, ...BODY.slice(0, 4), ...CANARY, '  paused: yes please', '  bogus: 1', ...BODY.slice(4, 14), '            - containerPort: 8080');
      assert.deepEqual(summarize(diagnosticsOf(text, API)), []);
    });

    it("checks the Pod template as a whole: a template without its spec is the API server's error on `template`", () => {
      const withoutSpec = (head: string[]) => yaml(...head, ...BODY.slice(0, 7), '    metadata:', '      labels: {app: shop}');
      const expected = [['missing-required', '8:2-8:10', '`template` is missing the required field `spec`: the Pods are made from it, and it holds their containers.']];
      assert.deepEqual(summarize(diagnosticsOf(withoutSpec(ROLLOUT_HEAD), API)), expected);
      assert.deepEqual(summarize(diagnosticsOf(withoutSpec(DEPLOYMENT_HEAD), API)), expected);
    });

    it('is a Rollout only in its own group: another group\'s Rollout is silent', () => {
      const text = yaml('apiVersion: example.com/v1', 'kind: Rollout', ...BODY);
      assert.deepEqual(summarize(diagnosticsOf(text, settingsWith({ profile: 'strict' }))), []);
      assert.equal(hoverAt(text, 'containers', 2), null);
    });
  });

  describe('Knative Serving Service and Configuration', () => {
    const service_ = (kind: string, ...container: string[]) =>
      yaml(
        'apiVersion: serving.knative.dev/v1',
        `kind: ${kind}`,
        'metadata:',
        '  name: hello',
        'spec:',
        '  template:', //                           5
        '    metadata:',
        '      annotations: {autoscaling.knative.dev/target: "10"}',
        '    spec:',
        '      containerConcurrency: 10',
        '      timeoutSeconds: 300', //             10
        '      containers:',
        '        - image: ghcr.io/knative/helloworld-go:1.0',
        '          ports:',
        '            - name: h2c',
        '          readinessProbe:', //              15
        '            httpGet: {path: /healthz}',
        ...container,
        '  traffic:',
        '    - {latestRevision: true, percent: 100}',
      );

    it("accepts what Knative fills in (a container's name, a port's number, a probe's port) and its own RevisionSpec fields", () => {
      assert.deepEqual(summarize(diagnosticsOf(service_('Service'), API)), []);
      assert.deepEqual(summarize(diagnosticsOf(service_('Configuration'), API)), []);
    });

    it('still reports what the Pod gets wrong', () => {
      const text = service_('Service', '          volumeMounts: [{name: cache, mountPath: /cache}]', '          imagePullPolicy: Sometimes');
      assert.deepEqual(summarize(diagnosticsOf(text, API)), [
        ['invalid-enum', '18:27-18:36', '`Sometimes` is not a valid imagePullPolicy: use one of Always, IfNotPresent, Never.'],
        ['mount-not-found', '17:32-17:37', 'Container #1 mounts volume `cache`, but spec.volumes defines no volume of that name. Volumes belong to the Pod and containers mount them by name: define the volume under spec.volumes or correct the name.'],
      ]);
    });
  });

  describe('KEDA ScaledJob', () => {
    const scaledJob = (...jobSpec: string[]) =>
      yaml(
        'apiVersion: keda.sh/v1alpha1',
        'kind: ScaledJob',
        'metadata:',
        '  name: worker',
        'spec:',
        '  pollingInterval: 30', //                 5
        '  jobTargetRef:',
        ...jobSpec,
        '    template:',
        '      spec:',
        '        restartPolicy: Never', //          10 (+ jobSpec lines)
        '        containers:',
        '          - name: worker',
        '            image: worker:1.0',
        '            ports: [{containerPort: 8080}]',
        '  triggers:',
        '    - {type: rabbitmq, metadata: {queueName: jobs}}',
      );

    it('checks the JobSpec KEDA creates Jobs from, with did-you-mean, and nothing of KEDA\'s own fields', () => {
      assert.deepEqual(summarize(diagnosticsOf(scaledJob('    paralelism: 2'), API)), [
        ['unknown-field', '7:4-7:14', 'Unknown field `paralelism` in JobSpec at spec.jobTargetRef: did you mean `parallelism`?'],
      ]);
    });

    it('runs to completion: the practices about serving (readiness probe, replicas) say nothing', () => {
      const ids = diagnosticsOf(scaledJob(), settingsWith({ profile: 'strict' })).map((d) => String(d.code));
      assert.ok(ids.includes('memory-limit-missing'), ids.join());
      assert.ok(!ids.includes('readiness-probe-missing') && !ids.includes('liveness-probe-missing'), ids.join());
    });
  });

  it('leaves Tekton alone: a TaskRun podTemplate is no PodSpec, and a Task step is no Container', () => {
    const text = yaml(
      'apiVersion: tekton.dev/v1',
      'kind: TaskRun',
      'metadata: {name: build}',
      'spec:',
      '  podTemplate:',
      '    env: [{name: A, value: b}]',
      '    containers: nope',
      '  taskSpec:',
      '    steps:',
      '      - {name: build, image: golang:1.22, computeResources: {}}',
    );
    assert.deepEqual(summarize(diagnosticsOf(text, settingsWith({ profile: 'strict' }))), []);
  });
});

/** The hover's Markdown at the `occurrence`-th `needle` of `text`, `delta` characters in. */
function hoverAt(text: string, needle: string, delta = 1, occurrence = 0): string | null {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const { source, position } = withCursor(text.slice(0, at + delta) + '|' + text.slice(at + delta));
  const hover = service.hover(source, position, settingsWith());
  return hover ? (hover.contents as MarkupContent).value : null;
}

describe('custom resources: hover, completion, diagram, lenses and hints on the Pod inside', () => {
  const rollout = yaml(...ROLLOUT_HEAD, ...BODY.slice(0, 4), ...CANARY, ...BODY.slice(4, 14), '            - containerPort: 8080');
  const deployment = yaml(...DEPLOYMENT_HEAD, ...BODY.slice(0, 4), ...CANARY, ...BODY.slice(4, 14), '            - containerPort: 8080');

  it('says Pod or container scope inside the Pod, as for a Deployment', () => {
    const containers = hoverAt(rollout, 'containers', 2);
    assert.ok(containers?.startsWith('`spec.template.spec.containers` · **Pod-level** · `Container[]`'), containers ?? 'no hover');
    const image = hoverAt(rollout, 'image', 2);
    assert.ok(image?.startsWith('`spec.template.spec.containers[app].image` · **container-level** · app container `app` · `string`'), image ?? 'no hover');
    for (const [needle, delta] of [['containers', 2], ['image', 2], ['containerPort', 3], ['labels', 2]] as const) {
      assert.equal(hoverAt(rollout, needle, delta), hoverAt(deployment, needle, delta), needle);
    }
  });

  it("says nothing on the Rollout's own fields, and sums the Pod up on `kind` with the project's name", () => {
    for (const needle of ['replicas', 'strategy', 'setWeight', 'successfulRunHistoryLimit']) assert.equal(hoverAt(rollout, needle), null, needle);
    assert.equal(
      hoverAt(rollout, 'Rollout')?.split('\n\n')[0],
      '**Rollout `shop`** (Argo Rollouts): the controller creates Pods from the template at `spec.template`; each Pod is:',
    );
  });

  it("does not call Knative's RevisionSpec fields unknown", () => {
    const text = yaml('apiVersion: serving.knative.dev/v1', 'kind: Service', 'metadata: {name: hello}', 'spec:', '  template:', '    spec:', '      containerConcurrency: 10', '      containers:', '        - image: hello:1.0');
    const hover = hoverAt(text, 'containerConcurrency', 2);
    assert.ok(!hover?.includes('is not a field'), hover ?? '');
    assert.ok(hoverAt(text, 'image', 2)?.startsWith('`spec.template.spec.containers[0].image` · **container-level**'));
  });

  it('completes the keys of the Pod below the pod spec, as in a Deployment, and nothing among the Rollout\'s own fields', () => {
    const labels = (text: string, needle: string, delta: number): string[] => {
      const at = text.indexOf(needle) + delta;
      const { source, position } = withCursor(text.slice(0, at) + '|' + text.slice(at));
      return service.complete(source, position, settingsWith()).items.map((i: CompletionItem) => i.label);
    };
    const inContainer = (text: string) => text.replace('          image: shop:1.2\n', '          image: shop:1.2\n          imagePu\n');
    assert.deepEqual(labels(inContainer(rollout), 'imagePu', 7), labels(inContainer(deployment), 'imagePu', 7));
    assert.ok(labels(inContainer(rollout), 'imagePu', 7).includes('imagePullPolicy'));
    const inSpec = (text: string) => text.replace('  replicas: 3\n', '  replicas: 3\n  rev\n');
    assert.deepEqual(labels(inSpec(rollout), '  rev', 5), []);
  });

  it('draws the Pod of a Rollout in the diagram, with its kind', () => {
    const { source, position } = withCursor(rollout.replace('- name: app', '- name: a|pp'));
    const model = service.diagram(source, position, settingsWith()) as DiagramModel | null;
    assert.ok(model);
    assert.equal(model.pod.kind, 'Rollout');
    assert.equal(model.pod.name, 'shop');
    assert.deepEqual(model.containers.map((c) => c.name), ['app']);
  });

  it('puts the Pod code lens above the pod spec and the API defaults as inlay hints, as for a Deployment', () => {
    const lenses = (text: string) => service.codeLenses(sourceOf(text), settingsWith()).map((l: CodeLens) => `${l.range.start.line} ${l.command?.title}`);
    assert.deepEqual(lenses(rollout), lenses(deployment));
    assert.equal(lenses(rollout).length, 1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
    const podHints = (text: string) =>
      service.inlayHints(sourceOf(text), whole, settingsWith()).filter((h) => h.position.line > 12).map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`);
    assert.deepEqual(podHints(rollout), podHints(deployment));
    assert.ok(podHints(rollout).length > 0);
  });
});
