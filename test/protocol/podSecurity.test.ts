import assert from 'node:assert/strict';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

/**
 * podsmith.podSecurityStandard through the bundled server: off by default, switched to baseline and restricted
 * with workspace/didChangeConfiguration, each finding on its exact field and naming the level and the control.
 */
describe('protocol: Pod Security Standards over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  const range = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
  const pss = (ds: Diagnostic[]) => ds.filter((d) => String(d.code).startsWith('pss-')).map((d) => [d.code, range(d)]);
  /** Changes the settings and waits for the publish that reflects them (an earlier refresh may land first). */
  async function configureUntil(settings: Record<string, unknown>, uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    let diagnostics = (await server.configure(settings, uri)) ?? [];
    for (let i = 0; i < 5 && !accept(diagnostics); i++) diagnostics = (await server.nextDiagnostics(uri)).diagnostics;
    return diagnostics;
  }

  const uri = 'file:///pss/pod.yaml';
  const text = [
    'apiVersion: v1', //                                  0
    'kind: Pod',
    'metadata: {name: shop}',
    'spec:',
    '  hostPID: true',
    '  securityContext:', //                               5
    '    runAsNonRoot: true',
    '  containers:',
    '    - name: web',
    '      image: shop:1.4.2',
    '      resources: {requests: {cpu: 100m}}', //         10
    '      securityContext:',
    '        allowPrivilegeEscalation: false',
    '        capabilities: {drop: [ALL]}',
    '        seccompProfile: {type: RuntimeDefault}',
    '',
  ].join('\n');

  it('reports nothing by default, baseline and restricted findings when switched on, and nothing again when off', async () => {
    const initial = await server.open(uri, text);
    assert.deepEqual(pss(initial), []);

    const baseline = await configureUntil({ podSecurityStandard: 'baseline' }, uri, (d) => pss(d).length > 0);
    assert.deepEqual(pss(baseline), [['pss-host-namespaces', '4:11-4:15']]);
    const hostPid = baseline.find((d) => d.code === 'pss-host-namespaces')!;
    assert.equal(hostPid.severity, 1);
    assert.equal(hostPid.source, 'podsmith');
    assert.match(String(hostPid.message), /^Pod Security Standard baseline, control "Host Namespaces": `hostPID: true`/);

    // Restricted adds nothing for `web` (the Pod's runAsNonRoot covers it, its own settings do the rest).
    const restricted = await configureUntil({ podSecurityStandard: 'restricted' }, uri, (d) => /so also restricted/.test(d.map((x) => x.message).join()));
    assert.deepEqual(pss(restricted), [['pss-host-namespaces', '4:11-4:15']]);
    assert.match(String(restricted[0].message), /^Pod Security Standard baseline \(so also restricted\)/);

    const off = await configureUntil({}, uri, (d) => pss(d).length === 0);
    assert.deepEqual(pss(off), []);
  });

  it('at restricted, a container added without its own settings is reported on its name', async () => {
    const other = 'file:///pss/sidecar.yaml';
    await configureUntil({ podSecurityStandard: 'restricted' }, uri, (d) => pss(d).length > 0);
    const withSidecar = text.replace('  containers:', '  initContainers:\n    - {name: proxy, image: envoy:1, restartPolicy: Always, resources: {requests: {cpu: 10m}}}\n  containers:');
    const found = await server.open(other, withSidecar);
    assert.deepEqual(pss(found).filter(([code]) => code !== 'pss-host-namespaces'), [
      ['pss-capabilities', '8:13-8:18'],
      ['pss-privilege-escalation', '8:13-8:18'],
      ['pss-seccomp', '8:13-8:18'],
    ]);
    await configureUntil({}, uri, (d) => pss(d).length === 0);
  });

  it('hover on the Pod names the highest level it meets; the failing controls only while a level is checked', async () => {
    const summaryLine = async () => {
      const hover = await server.hover(uri, { line: 1, character: 7 });
      return (hover?.contents as MarkupContent).value.split('\n').find((line) => line.includes('Pod Security Standard'));
    };
    await configureUntil({}, uri, (d) => pss(d).length === 0);
    assert.equal(await summaryLine(), '- Pod Security Standard: meets **privileged**');
    await configureUntil({ podSecurityStandard: 'baseline' }, uri, (d) => pss(d).length > 0);
    assert.equal(await summaryLine(), '- Pod Security Standard: meets **privileged** (baseline fails: Host Namespaces)');
    await configureUntil({}, uri, (d) => pss(d).length === 0);
  });
});
