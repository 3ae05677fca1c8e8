/**
 * The schema walk at each target version: a field newer than the target is an error naming the version that added
 * it; a field a newer version removed is an error naming what replaced it; a field whose gate is off by default in
 * the target is a warning. Each case is one boundary of the field table or the gate table.
 */
import assert from 'node:assert/strict';
import { lines, ruleTable, unmark } from '../rules/support';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsOf, service, settingsWith, sourceOf } from '../support/service';

/** A Pod with one field of each version from 1.30 to 1.34 (the probe), each marked «…». */
const PROBE = lines(
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: probe}',
  'spec:',
  '  «hostnameOverride»: probe-host',
  '  «resources»:',
  '    limits: {cpu: "1", memory: 1Gi}',
  '  securityContext:',
  '    «appArmorProfile»: {type: RuntimeDefault}',
  '    «supplementalGroupsPolicy»: Strict',
  '    «seLinuxChangePolicy»: Recursive',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      lifecycle:',
  '        «stopSignal»: SIGUSR1',
  '      env:',
  '        - name: TOKEN',
  '          valueFrom:',
  '            «fileKeyRef»: {volumeName: config, path: app.env, key: TOKEN}',
  '      volumeMounts:',
  '        - name: config',
  '          mountPath: /config',
  '          readOnly: true',
  '          «recursiveReadOnly»: Enabled',
  '        - name: tools',
  '          mountPath: /tools',
  '  volumes:',
  '    - name: config',
  '      emptyDir: {}',
  '    - name: tools',
  '      «image»: {reference: "registry.example/tools:v1", pullPolicy: IfNotPresent}',
);

const unmarked = PROBE.replace(/[«»]/g, '');

const POD_HEAD = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: probe}', 'spec:'];
const CONTAINER = ['  containers:', '    - name: app', '      image: nginx:1.27'];

/** One Pod per field of the probe, holding that field alone, marked. */
const SINGLE: Record<string, string> = {
  hostnameOverride: lines(...POD_HEAD, '  «hostnameOverride»: probe-host', ...CONTAINER),
  resources: lines(...POD_HEAD, '  «resources»:', '    limits: {cpu: "1"}', ...CONTAINER),
  appArmorProfile: lines(...POD_HEAD, '  securityContext:', '    «appArmorProfile»: {type: RuntimeDefault}', ...CONTAINER),
  supplementalGroupsPolicy: lines(...POD_HEAD, '  securityContext:', '    «supplementalGroupsPolicy»: Strict', ...CONTAINER),
  seLinuxChangePolicy: lines(...POD_HEAD, '  securityContext:', '    «seLinuxChangePolicy»: Recursive', ...CONTAINER),
  stopSignal: lines(...POD_HEAD, ...CONTAINER, '      lifecycle:', '        «stopSignal»: SIGUSR1'),
  fileKeyRef: lines(
    ...POD_HEAD,
    ...CONTAINER,
    '      env:',
    '        - name: TOKEN',
    '          valueFrom:',
    '            «fileKeyRef»: {volumeName: config, path: app.env, key: TOKEN}',
    '  volumes: [{name: config, emptyDir: {}}]',
  ),
  recursiveReadOnly: lines(
    ...POD_HEAD,
    ...CONTAINER,
    '      volumeMounts:',
    '        - name: config',
    '          mountPath: /config',
    '          readOnly: true',
    '          «recursiveReadOnly»: Enabled',
    '  volumes: [{name: config, emptyDir: {}}]',
  ),
  image: lines(
    ...POD_HEAD,
    ...CONTAINER,
    '      volumeMounts: [{name: tools, mountPath: /tools}]',
    '  volumes:',
    '    - name: tools',
    '      «image»: {reference: "registry.example/tools:v1", pullPolicy: IfNotPresent}',
  ),
};
const plain = (field: string) => SINGLE[field].replace(/[«»]/g, '');

/**
 * Each field of the probe: the version that added it, and its gate's stage in that version and after, as the gate
 * table has it ('off' while the gate is off by default there).
 */
const BOUNDARIES: Array<{ field: string; since: string; offUntil?: string }> = [
  { field: 'appArmorProfile', since: '1.30' },
  { field: 'recursiveReadOnly', since: '1.30', offUntil: '1.30' },
  { field: 'image', since: '1.31', offUntil: '1.34' },
  { field: 'supplementalGroupsPolicy', since: '1.31', offUntil: '1.32' },
  { field: 'resources', since: '1.32', offUntil: '1.33' },
  { field: 'seLinuxChangePolicy', since: '1.32', offUntil: '1.32' },
  { field: 'stopSignal', since: '1.33', offUntil: '1.36' },
  { field: 'fileKeyRef', since: '1.34', offUntil: '1.34' },
  { field: 'hostnameOverride', since: '1.34', offUntil: '1.34' },
];
const minor = (version: string) => Number(version.split('.')[1]);
const version = (n: number) => `1.${n}`;

/** An indexed Job with the two Job fields of 1.30, marked. */
const JOB = lines(
  'apiVersion: batch/v1',
  'kind: Job',
  'metadata: {name: train}',
  'spec:',
  '  «managedBy»: example.com/queue',
  '  «successPolicy»:',
  '    rules: [{succeededCount: 1}]',
  '  completionMode: Indexed',
  '  completions: 2',
  '  template:',
  '    spec:',
  '      restartPolicy: Never',
  '      containers: [{name: train, image: "train:v1"}]',
);

describe('versions: the schema walk at the target version', () => {
  ruleTable('field-not-in-version', 1, [
    { title: 'targeting 1.29, each of the nine fields of 1.30 to 1.34 is an error', manifest: PROBE, settings: { kubernetesVersion: '1.29' } },
    { title: 'targeting 1.36, none is', manifest: unmarked, settings: { kubernetesVersion: '1.36' } },
    ...BOUNDARIES.flatMap(({ field, since }) => [
      {
        title: `${field}: targeting ${version(minor(since) - 1)}, an error naming ${since}`,
        manifest: SINGLE[field],
        settings: { kubernetesVersion: version(minor(since) - 1) },
        says: new RegExp(`^\`${field}\` exists from Kubernetes ${since.replace('.', '\\.')}; your target podsmith\\.kubernetesVersion is ${version(minor(since) - 1).replace('.', '\\.')}, whose API server does not know it`),
      },
      { title: `${field}: targeting ${since}, no error`, manifest: plain(field), settings: { kubernetesVersion: since } },
    ]),
    {
      title: 'a Job targeting 1.29: successPolicy and managedBy came in 1.30',
      manifest: JOB,
      settings: { kubernetesVersion: '1.29' },
    },
    {
      title: 'a resource claim source: 1.31 removed it, and the message says what replaced it',
      manifest: lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: gpu}',
        'spec:',
        '  resourceClaims:',
        '    - name: gpu',
        '      «source»: {resourceClaimTemplateName: gpu}',
        '  containers: [{name: app, image: "app:v1"}]',
      ),
      settings: { kubernetesVersion: '1.31' },
      says: /^`source` was removed in Kubernetes 1\.31; .* use `resourceClaimName` or `resourceClaimTemplateName` directly on the claim instead\.$/,
    },
    {
      title: 'a resource claim source targeting 1.30 is a field of that version',
      manifest: lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: gpu}',
        'spec:',
        '  resourceClaims:',
        '    - name: gpu',
        '      source: {resourceClaimTemplateName: gpu}',
        '  containers: [{name: app, image: "app:v1"}]',
      ),
      settings: { kubernetesVersion: '1.30' },
    },
    {
      title: "a StatefulSet's claim template targeting 1.28 (whose resources had another definition) stays clean",
      manifest: lines(
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata: {name: db}',
        'spec:',
        '  serviceName: db',
        '  selector: {matchLabels: {app: db}}',
        '  template:',
        '    metadata: {labels: {app: db}}',
        '    spec:',
        '      containers: [{name: db, image: "postgres:16"}]',
        '  volumeClaimTemplates:',
        '    - metadata: {name: data}',
        '      spec:',
        '        accessModes: [ReadWriteOnce]',
        '        resources: {requests: {storage: 1Gi}}',
      ),
      settings: { kubernetesVersion: '1.28' },
    },
  ]);

  ruleTable('feature-gate-off', 2, [
    { title: 'targeting 1.36, only stopSignal of the probe (ContainerStopSignals is still alpha)', manifest: unmarked.replace('stopSignal:', '«stopSignal»:'), settings: { kubernetesVersion: '1.36' }, says: /^`stopSignal` depends on the feature gate ContainerStopSignals, which is alpha and off by default in Kubernetes 1\.36 \(your target podsmith\.kubernetesVersion\): unless your cluster turns the gate on, the API server silently drops the field/ },
    ...BOUNDARIES.flatMap(({ field, since, offUntil }) => {
      const cases = [];
      if (offUntil) {
        cases.push({ title: `${field}: targeting ${since}, its gate is off: a warning`, manifest: SINGLE[field], settings: { kubernetesVersion: since } });
        if (offUntil !== since) cases.push({ title: `${field}: targeting ${offUntil}, still off`, manifest: SINGLE[field], settings: { kubernetesVersion: offUntil } });
      }
      const on = offUntil ? version(minor(offUntil) + 1) : since;
      if (minor(on) <= 36) cases.push({ title: `${field}: targeting ${on}, its gate is on: nothing`, manifest: plain(field), settings: { kubernetesVersion: on } });
      return cases;
    }),
    {
      title: 'a Job targeting 1.30: successPolicy and managedBy are alpha',
      manifest: JOB,
      settings: { kubernetesVersion: '1.30' },
    },
    { title: 'a Job targeting 1.31: successPolicy is beta and on, managedBy still alpha', manifest: JOB.replace('«successPolicy»', 'successPolicy'), settings: { kubernetesVersion: '1.31' } },
    { title: 'a Job targeting 1.32: both on', manifest: JOB.replace(/[«»]/g, ''), settings: { kubernetesVersion: '1.32' } },
  ]);

  it('restartPolicyRules before 1.34 is reported once, by the walk, not also by the lifecycle rule', () => {
    const text = lines(...POD_HEAD, ...CONTAINER, '      restartPolicy: Never', '      restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]');
    const codes = (version: string) => diagnosticsOf(text, settingsWith({ kubernetesVersion: version })).map((d) => `${d.code} ${d.range.start.line}`);
    assert.deepEqual(codes('1.33').filter((c) => c.endsWith(' 8')), ['field-not-in-version 8']);
    assert.deepEqual(codes('1.34').filter((c) => c.endsWith(' 8')), ['container-restart-policy 8']);
  });

  it('targeting 1.36, the probe has no error at all', () => {
    const errors = diagnosticsOf(unmark(PROBE).text, settingsWith({ kubernetesVersion: '1.36' })).filter((d) => d.severity === 1);
    assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), []);
  });
});

describe('versions: the quick fix of a field the target version lacks', () => {
  function fixesOf(text: string, version: string) {
    const settings = settingsWith({ kubernetesVersion: version });
    const source = sourceOf(text, 'file:///test.yaml', settings);
    const [diagnostic] = service.validate(source, settings).filter((d) => d.code === 'field-not-in-version');
    assert.ok(diagnostic, 'a field-not-in-version finding');
    return service
      .codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, settings)
      .filter((a) => !a.title.startsWith('Disable'))
      .map((a) => ({ title: a.title, after: TextDocument.applyEdits(source.textDocument, a.edit!.changes![source.textDocument.uri]) }));
  }

  it('stopSignal targeting 1.32: removes the field; the Pod is then clean for that version', () => {
    const fixes = fixesOf(plain('stopSignal'), '1.32');
    assert.deepEqual(fixes.map((f) => f.title), ['Remove `stopSignal` (Kubernetes 1.33 and later)']);
    assert.equal(fixes[0].after, plain('stopSignal').replace('        stopSignal: SIGUSR1\n', ''));
  });

  it('a removed claim source targeting 1.31: removes it, saying when it went', () => {
    const text = lines(...POD_HEAD, '  resourceClaims:', '    - name: gpu', '      source: {resourceClaimTemplateName: gpu}', ...CONTAINER);
    const fixes = fixesOf(text, '1.31');
    assert.deepEqual(fixes.map((f) => f.title), ['Remove `source` (removed in Kubernetes 1.31)']);
    assert.equal(fixes[0].after, text.replace('      source: {resourceClaimTemplateName: gpu}\n', ''));
  });
});
