import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

/**
 * Over LSP, an init container's restartPolicy values follow the podsmith.kubernetesVersion setting: Always only
 * for 1.34; from 1.35 also OnFailure and Never, which rely on the ContainerRestartRules gate.
 */
describe('protocol: completion of an init container restartPolicy by Kubernetes version', function () {
  const uri = 'file:///init-restart-policy.yaml';
  const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', '    - name: setup', '      image: busybox:1.37', '      restartPolicy: ', '  containers:', '    - name: app', '      image: nginx:1.27'].join('\n') + '\n';
  const position: Position = { line: 8, character: 21 };

  const table: [string, [string, string][]][] = [
    ['1.34', [['Always', 'makes this init container a native sidecar']]],
    [
      '1.35',
      [
        ['Always', 'makes this init container a native sidecar'],
        ['OnFailure', 'a failed init step is retried in place (ContainerRestartRules gate)'],
        ['Never', 'a failed init step is not retried: the Pod fails (ContainerRestartRules gate)'],
      ],
    ],
  ];
  for (const [version, expected] of table) {
    it(`at ${version}: ${expected.map(([label]) => label).join(', ')}`, async () => {
      const server = await LspServer.start({ settings: { kubernetesVersion: version } });
      try {
        await server.open(uri, text);
        const list = (await server.complete(uri, position)) as CompletionList;
        const items: CompletionItem[] = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        assert.deepEqual(items.map((i) => [i.label, i.detail]), expected);
        for (const i of items) assert.deepEqual((i.textEdit as { range: unknown }).range, { start: position, end: position });
      } finally {
        await server.stop();
      }
    });
  }
});
