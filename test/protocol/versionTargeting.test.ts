import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor } from './support/applyEdits';
import { LspServer } from './support/lspServer';

/**
 * podsmith.kubernetesVersion through the bundled server: a Pod with fields of 1.30 to 1.34 gets one error per field
 * while the setting says 1.29, and none once it says 1.36 (the only finding left is the alpha stopSignal's warning).
 */
describe('protocol: version targeting over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start({ settings: { kubernetesVersion: '1.29' } })));
  after(async () => server.stop());

  const uri = 'file:///versions/probe.yaml';
  const probe = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: probe}',
    'spec:',
    '  hostnameOverride: probe-host',
    '  resources: {limits: {cpu: "1", memory: 1Gi}}',
    '  securityContext: {appArmorProfile: {type: RuntimeDefault}, supplementalGroupsPolicy: Strict, seLinuxChangePolicy: Recursive}',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    '      lifecycle: {stopSignal: SIGUSR1}',
    '      env: [{name: TOKEN, valueFrom: {fileKeyRef: {volumeName: config, path: app.env, key: TOKEN}}}]',
    '      volumeMounts: [{name: config, mountPath: /config, readOnly: true, recursiveReadOnly: Enabled}, {name: tools, mountPath: /tools}]',
    '  volumes: [{name: config, emptyDir: {}}, {name: tools, image: {reference: "registry.example/tools:v1"}}]',
  ].join('\n') + '\n';
  const summary = (diagnostics: Diagnostic[]) =>
    diagnostics
      .filter((d) => d.code === 'field-not-in-version' || d.code === 'feature-gate-off')
      .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${/^`(\w+)`/.exec(String(d.message))?.[1]}`);

  it('at 1.29, one error per field of 1.30 to 1.34, on its key', async () => {
    assert.deepEqual(summary(await server.open(uri, probe)), [
      'field-not-in-version 4:2 hostnameOverride',
      'field-not-in-version 5:2 resources',
      'field-not-in-version 6:20 appArmorProfile',
      'field-not-in-version 6:61 supplementalGroupsPolicy',
      'field-not-in-version 6:95 seLinuxChangePolicy',
      'field-not-in-version 10:18 stopSignal',
      'field-not-in-version 11:38 fileKeyRef',
      'field-not-in-version 12:72 recursiveReadOnly',
      'field-not-in-version 13:56 image',
    ]);
  });

  it('at 1.29, the quick fix removes a field of 1.32 over the wire', async () => {
    const fixUri = 'file:///versions/fix.yaml';
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: probe}', 'spec:', '  resources: {limits: {cpu: "1", memory: 1Gi}}', '  containers:', '    - {name: app, image: "nginx:1.27"}', ''].join('\n');
    const [finding] = (await server.open(fixUri, text)).filter((d) => d.code === 'field-not-in-version');
    const actions = (await server.codeActions(fixUri, finding.range, [finding])) ?? [];
    const remove = actions.find((a) => a.title === 'Remove `resources` (Kubernetes 1.32 and later)');
    assert.ok(remove, actions.map((a) => a.title).join(' | '));
    const after = applyTextEdits(text, editsFor(remove.edit, fixUri));
    assert.equal(after, text.replace('  resources: {limits: {cpu: "1", memory: 1Gi}}\n', ''));
    assert.deepEqual((await server.change(fixUri, [{ text: after }])).map((d) => d.code), ['missing-resources'], 'only the container\'s hint, now that the Pod sets no resources');
    server.close(fixUri);
  });

  it('at 1.36, no error: only the warning that stopSignal is alpha', async () => {
    let diagnostics = (await server.configure({ kubernetesVersion: '1.36' }, uri)) ?? [];
    // A refresh started with the earlier settings may publish once more before this one lands.
    for (let i = 0; i < 5 && diagnostics.some((d) => d.code === 'field-not-in-version'); i++) diagnostics = (await server.nextDiagnostics(uri)).diagnostics;
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code}: ${d.message}`), []);
    assert.deepEqual(summary(diagnostics), ['feature-gate-off 10:18 stopSignal']);
  });
});
