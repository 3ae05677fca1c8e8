import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

/** Pod rules through the bundled server: codes, exact ranges, related places, settings and suppressions. */
describe('protocol: Pod rules over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  const lines = (...parts: string[]) => parts.join('\n') + '\n';
  /**
   * Changes the settings and returns the first diagnostics of `uri` that `accept` takes: a refresh started by an
   * earlier settings change may publish once more with the settings of its time before this one lands.
   */
  async function configureUntil(settings: Record<string, unknown>, uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    let diagnostics = (await server.configure(settings, uri)) ?? [];
    for (let i = 0; i < 5 && !accept(diagnostics); i++) diagnostics = (await server.nextDiagnostics(uri)).diagnostics;
    return diagnostics;
  }
  const range = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

  const pod = lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: shop',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: shop:1.4.2',
    '      ports: [{containerPort: 8080}]',
    '      resources: {requests: {cpu: 100m}}',
    '      volumeMounts:',
    '        - {name: config, mountPath: /etc/shop}',
    '    - name: web',
    '      image: envoyproxy/envoy:v1.31.0',
    '      ports: [{containerPort: 8080}]',
    '      resources: {requests: {cpu: 100m}}',
  );

  it('reports a duplicate container name with the first name as related information', async () => {
    const diagnostics = await server.open('file:///rules/pod.yaml', pod);
    const dup = diagnostics.find((d) => d.code === 'duplicate-container-name');
    assert.ok(dup, 'duplicate-container-name published');
    assert.equal(range(dup), '12:12-12:15');
    assert.equal(dup.severity, 1);
    assert.equal(dup.source, 'podsmith');
    assert.deepEqual(dup.relatedInformation?.map((r) => [r.location.uri, range({ range: r.location.range } as Diagnostic), r.message]), [
      ['file:///rules/pod.yaml', '6:12-6:15', '`web` is first used here'],
    ]);
  });

  it('reports a shared port as a warning naming the other container, and a missing volume as an error', async () => {
    const diagnostics = await server.open('file:///rules/pod2.yaml', pod);
    const shared = diagnostics.find((d) => d.code === 'shared-container-port');
    assert.ok(shared);
    assert.equal(shared.severity, 2);
    assert.equal(range(shared), '14:30-14:34');
    assert.match(String(shared.message), /one network namespace/);
    assert.equal(shared.relatedInformation?.[0].location.range.start.line, 8);
    const mount = diagnostics.find((d) => d.code === 'mount-not-found');
    assert.ok(mount);
    assert.equal(range(mount), '11:17-11:23');
  });

  it('tags an unused volume as unnecessary', async () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: web, image: shop:1, resources: {requests: {cpu: 1}}}', '  volumes:', '    - {name: cache, emptyDir: {}}');
    const diagnostics = await server.open('file:///rules/unused.yaml', text);
    const unused = diagnostics.find((d) => d.code === 'unused-volume');
    assert.ok(unused);
    assert.deepEqual(unused.tags, [1]);
    assert.equal(range(unused), '8:13-8:18');
  });

  it('follows settings that switch a rule off, and honours disable-next-line', async () => {
    const uri = 'file:///rules/controls.yaml';
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      # podsmith-disable-next-line image-tag', '      image: shop', '    - name: api', '      image: api');
    const before = await server.open(uri, text);
    assert.deepEqual(before.filter((d) => d.code === 'image-tag').map(range), ['10:13-10:16']);
    assert.equal(before.filter((d) => d.code === 'missing-resources').length, 2);
    const after = await configureUntil({ rules: { 'missing-resources': 'off' } }, uri, (d) => !d.some((x) => x.code === 'missing-resources'));
    assert.equal(after.filter((d) => d.code === 'missing-resources').length, 0);
    await configureUntil({}, uri, (d) => d.some((x) => x.code === 'missing-resources'));
  });

  it('checks against the configured Kubernetes version', async () => {
    const uri = 'file:///rules/version.yaml';
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  initContainers:', '    - {name: proxy, image: envoy:1, restartPolicy: Always}', '  containers:', '    - {name: web, image: shop:1}');
    const current = await server.open(uri, text);
    assert.deepEqual(current.filter((d) => d.code === 'native-sidecar-version'), [], 'the default version has native sidecars');
    const sidecarVersion = (d: Diagnostic[]) => d.filter((x) => x.code === 'native-sidecar-version');
    const old = await configureUntil({ kubernetesVersion: '1.28' }, uri, (d) => sidecarVersion(d).length > 0);
    assert.deepEqual(sidecarVersion(old).map(range), ['6:51-6:57']);
    assert.match(String(sidecarVersion(old)[0].message), /you target 1.28/);
    const newer = await configureUntil({ kubernetesVersion: '1.29' }, uri, (d) => sidecarVersion(d).length === 0);
    assert.deepEqual(sidecarVersion(newer), []);
    await configureUntil({}, uri, () => true);
  });
});
