import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

/**
 * Completion in a container over LSP: the fields the API accepts for the container's part and the targeted
 * Kubernetes version (`podsmith.kubernetesVersion` reaches completion), and imagePullPolicy's default preselected.
 */
describe('protocol: completion in a container, by its part and the targeted version', function () {
  let server: LspServer;
  let count = 0;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  async function itemsAt(marked: string): Promise<CompletionItem[]> {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const uri = `file:///container-completion-${count++}.yaml`;
    await server.open(uri, text);
    const before = text.slice(0, offset).split('\n');
    const position: Position = { line: before.length - 1, character: before[before.length - 1].length };
    const list = (await server.complete(uri, position)) as CompletionList;
    server.close(uri);
    return list.items;
  }

  const pod = (...spec: string[]) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec].join('\n') + '\n';
  const has = (items: CompletionItem[], label: string) => items.some((i) => i.label === label);

  it('an init container is offered no probes until it has restartPolicy: Always', async () => {
    const init = await itemsAt(pod('  initContainers:', '    - name: setup', '      image: busybox:1.37', '      |'));
    assert.ok(!has(init, 'readinessProbe') && !has(init, 'livenessProbe') && !has(init, 'startupProbe') && !has(init, 'lifecycle'));
    assert.ok(has(init, 'restartPolicy') && has(init, 'command'));
    const sidecar = await itemsAt(pod('  initContainers:', '    - name: proxy', '      restartPolicy: Always', '      |'));
    assert.ok(has(sidecar, 'readinessProbe') && has(sidecar, 'livenessProbe') && has(sidecar, 'startupProbe') && has(sidecar, 'lifecycle'));
  });

  it('restartPolicyRules on a regular container follows podsmith.kubernetesVersion', async () => {
    const marked = pod('  containers:', '    - name: web', '      |');
    assert.ok(has(await itemsAt(marked), 'restartPolicyRules'), 'offered at the default version');
    // The server pulls the settings after the notification: wait until a document is checked against 1.34.
    const probe = 'file:///container-completion-version.yaml';
    await server.open(probe, pod('  containers:', '    - name: web', '      image: nginx:1.27', '      restartPolicy: Never'));
    let diagnostics = (await server.configure({ kubernetesVersion: '1.34' }, probe)) ?? [];
    for (let i = 0; i < 20 && !diagnostics.some((d) => d.code === 'container-restart-policy' && d.severity === 1); i++) {
      diagnostics = await server.nextDiagnostics(probe).then((p) => p.diagnostics);
    }
    server.close(probe);
    try {
      const at134 = await itemsAt(marked);
      assert.ok(!has(at134, 'restartPolicyRules') && !has(at134, 'restartPolicy'), 'alpha in 1.34: not offered');
      assert.ok(has(at134, 'readinessProbe'));
    } finally {
      await server.configure({});
    }
  });

  it('imagePullPolicy values: the default for a tagged image, IfNotPresent, is preselected', async () => {
    const items = await itemsAt(pod('  containers:', '    - name: web', '      image: nginx:1.27', '      imagePullPolicy: |'));
    assert.deepEqual(items.map((i) => [i.label, !!i.preselect]), [['Always', false], ['IfNotPresent', true], ['Never', false]]);
  });
});
