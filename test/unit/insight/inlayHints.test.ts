import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint } from 'vscode-languageserver-types';
import { service, settingsWith, sourceOf, yaml } from '../support/service';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

function hintsOf(text: string, level: 'behaviour' | 'all' | 'off' = 'behaviour'): InlayHint[] {
  const settings = settingsWith({ inlayHints: level });
  return service.inlayHints(sourceOf(text, 'file:///test.yaml', settings), WHOLE, settings);
}

const shown = (hints: InlayHint[]) => hints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`);

/** The text after accepting `hint` (applying its edits). */
function accepted(text: string, hint: InlayHint): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), hint.textEdits ?? []);
}

const POD = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  securityContext:',
  '    runAsUser: 1000',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      ports:',
  '        - containerPort: 80',
  '    - name: tools',
  '      image: busybox',
  '      imagePullPolicy: IfNotPresent',
  '      securityContext:',
  '        runAsUser: 0',
  '      ports: [{containerPort: 53, protocol: UDP}, {containerPort: 9090}]',
);

describe('insight: inlay hints for what the API server fills in', () => {
  it('shows the defaulted imagePullPolicy, port protocol, restartPolicy and the inherited runAsUser', () => {
    assert.deepEqual(shown(hintsOf(POD)), [
      '4:5 restartPolicy Always, grace 30s',
      '8:15 from the Pod: runAsUser 1000',
      '9:23 imagePullPolicy: IfNotPresent',
      '11:27 protocol: TCP',
      '17:70 protocol: TCP',
    ]);
  });

  it('an untagged image pulls Always', () => {
    const text = POD.replace('      imagePullPolicy: IfNotPresent\n', '');
    assert.ok(shown(hintsOf(text)).includes('13:20 imagePullPolicy: Always'));
  });

  it('accepting a hint writes the value: a block port gets its protocol line', () => {
    const hint = hintsOf(POD).find((h) => h.label === 'protocol: TCP')!;
    assert.ok(accepted(POD, hint).includes('        - containerPort: 80\n          protocol: TCP\n'));
  });

  it('accepting a hint in a flow mapping writes it inside the braces', () => {
    const hint = hintsOf(POD).filter((h) => h.label === 'protocol: TCP')[1];
    assert.ok(accepted(POD, hint).includes('{containerPort: 9090, protocol: TCP}]'));
  });

  it('accepting the pull-policy hint adds it to the container', () => {
    const hint = hintsOf(POD).find((h) => h.label === 'imagePullPolicy: IfNotPresent')!;
    assert.ok(accepted(POD, hint).includes('        - containerPort: 80\n      imagePullPolicy: IfNotPresent\n    - name: tools'));
  });

  it('accepting an inherited securityContext value creates the container\'s securityContext', () => {
    const hint = hintsOf(POD).find((h) => String(h.label).startsWith('from the Pod'))!;
    assert.ok(accepted(POD, hint).includes('        - containerPort: 80\n      securityContext:\n        runAsUser: 1000\n'));
  });

  it('probe timings, and a Deployment\'s replicas and strategy; a Job gets no restartPolicy default', () => {
    const deployment = yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      restartPolicy: Always',
      '      terminationGracePeriodSeconds: 10',
      '      containers:',
      '        - name: web',
      '          image: web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      '          imagePullPolicy: Always',
      '          livenessProbe:',
      '            httpGet: {path: /healthz, port: 8080}',
      '            periodSeconds: 5',
    );
    assert.deepEqual(shown(hintsOf(deployment)), [
      '3:5 replicas 1, RollingUpdate 25%/25%',
      '14:24 timeout 1s, 3 failures',
    ]);
    const strategy = hintsOf(deployment)[0];
    assert.ok(accepted(deployment, strategy).includes('      periodSeconds: 5\n  replicas: 1\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 25%\n'));
    assert.match(String(strategy.tooltip), /^replicas: 1\. Filled in by the API server when left out\. One Pod/);
    const job = yaml(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: once}',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      terminationGracePeriodSeconds: 5',
      '      containers: [{name: once, image: "once:1", imagePullPolicy: IfNotPresent}]',
    );
    assert.deepEqual(shown(hintsOf(job)), ['3:5 backoffLimit 6']);
  });

  it('a native sidecar shows its start step', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  restartPolicy: Always',
      '  terminationGracePeriodSeconds: 5',
      '  initContainers:',
      '    - {name: migrate, image: "m:1", imagePullPolicy: IfNotPresent}',
      '    - {name: proxy, image: "p:1", imagePullPolicy: IfNotPresent, restartPolicy: Always}',
      '  containers: [{name: web, image: "w:1", imagePullPolicy: IfNotPresent}]',
    );
    assert.deepEqual(shown(hintsOf(text)), ['8:18 native sidecar: starts at init step 2, then runs beside the app containers']);
  });

  it('`all` adds dnsPolicy; `off` shows nothing', () => {
    assert.equal(shown(hintsOf(POD, 'all'))[0], '4:5 restartPolicy Always, grace 30s, dnsPolicy ClusterFirst');
    assert.equal(shown(hintsOf(POD))[0], '4:5 restartPolicy Always, grace 30s');
    assert.deepEqual(hintsOf(POD, 'off'), []);
  });

  it('only hints inside the requested range', () => {
    const settings = settingsWith();
    const hints = service.inlayHints(sourceOf(POD), { start: { line: 9, character: 0 }, end: { line: 11, character: 30 } }, settings);
    assert.deepEqual(shown(hints), ['9:23 imagePullPolicy: IfNotPresent', '11:27 protocol: TCP']);
  });
});

describe('insight: a code lens above each PodSpec', () => {
  it('says what the Pod asks of its node and the Pod Security level, and opens the diagram', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx:1.27',
      '      resources:',
      '        requests: {cpu: 250m, memory: 64Mi}',
      '        limits: {memory: 128Mi}',
      '    - name: log',
      '      image: fluent-bit:3',
      '      resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {memory: 64Mi}}',
    );
    const lenses = service.codeLenses(sourceOf(text), settingsWith());
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]), [
      [3, 'Pod: requests 300m CPU, memory 96 MiB · limits memory 192 MiB · Pod Security: baseline', 'podsmith.showDiagram', ['file:///test.yaml', { line: 3, character: 0 }]],
    ]);
  });
});
