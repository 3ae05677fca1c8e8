import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { diagnosticsOf, service, settingsWith, summarize, withCursor, yaml } from '../support/service';
import { applyCompletion } from './support/snippets';

/**
 * The values of an init container's restartPolicy follow the Kubernetes version: Always (a native sidecar)
 * everywhere; OnFailure and Never only from 1.35, where the ContainerRestartRules gate is beta and on by default.
 */
function itemsAt(marked: string, kubernetesVersion: string): CompletionItem[] {
  const { source, position } = withCursor(marked);
  return service.complete(source, position, settingsWith({ kubernetesVersion })).items;
}

/** Items as an editor lists them: by sortText. */
function sorted(marked: string, version: string): CompletionItem[] {
  return itemsAt(marked, version).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const POD = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines);
const BLOCK = POD('  initContainers:', '    - name: setup', '      image: busybox:1.37', '      restartPolicy: |', '  containers:', '    - name: app', '      image: nginx:1.27');
const FLOW = POD('  initContainers: [{name: setup, image: busybox:1.37, restartPolicy: |}]', '  containers: [{name: app, image: nginx:1.27}]');
const DEPLOYMENT = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      initContainers:',
  '        - name: setup',
  '          image: busybox:1.37',
  '          restartPolicy: |',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
);

const ALWAYS = 'makes this init container a native sidecar';
const ON_FAILURE = 'a failed init step is retried in place (ContainerRestartRules gate)';
const NEVER = 'a failed init step is not retried: the Pod fails (ContainerRestartRules gate)';

describe('completion: the restartPolicy of an init container, by Kubernetes version', () => {
  const table: [string, string, string, [string, string][]][] = [
    ['block, 1.33', BLOCK, '1.33', [['Always', ALWAYS]]],
    ['block, 1.34 (the gate is alpha, off)', BLOCK, '1.34', [['Always', ALWAYS]]],
    ['block, 1.35 (the gate is beta, on)', BLOCK, '1.35', [['Always', ALWAYS], ['OnFailure', ON_FAILURE], ['Never', NEVER]]],
    ['block, 1.36', BLOCK, '1.36', [['Always', ALWAYS], ['OnFailure', ON_FAILURE], ['Never', NEVER]]],
    ['flow, 1.34', FLOW, '1.34', [['Always', ALWAYS]]],
    ['flow, 1.35', FLOW, '1.35', [['Always', ALWAYS], ['OnFailure', ON_FAILURE], ['Never', NEVER]]],
    ['a Deployment template, 1.34', DEPLOYMENT, '1.34', [['Always', ALWAYS]]],
    ['a Deployment template, 1.35', DEPLOYMENT, '1.35', [['Always', ALWAYS], ['OnFailure', ON_FAILURE], ['Never', NEVER]]],
  ];
  for (const [name, marked, version, expected] of table) {
    it(`${name}: ${expected.map(([label]) => label).join(', ')}, Always first`, () => {
      assert.deepEqual(sorted(marked, version).map((i) => [i.label, i.detail]), expected);
    });
  }

  it('each gated value says what it does to the init step and that it relies on the gate', () => {
    const byLabel = new Map(itemsAt(BLOCK, '1.35').map((i) => [i.label, (i.documentation as MarkupContent | string | undefined)]));
    const text = (label: string) => String(typeof byLabel.get(label) === 'string' ? byLabel.get(label) : (byLabel.get(label) as MarkupContent | undefined)?.value);
    assert.match(text('OnFailure'), /restarts this init container until it succeeds; the next init step and the app containers wait for it/);
    assert.match(text('Never'), /not restarted and the Pod fails without starting its app containers/);
    for (const label of ['OnFailure', 'Never']) {
      assert.match(text(label), /Overrides the Pod's restartPolicy for this init step only/);
      assert.match(text(label), /ContainerRestartRules feature gate \(beta, on by default from Kubernetes 1\.35\)/);
    }
    assert.match(text('Always'), /keeps running beside the app containers/);
  });

  it('the container restartPolicy of a regular container is not widened by this (schema values there)', () => {
    const marked = POD('  containers:', '    - name: app', '      image: nginx:1.27', '      restartPolicy: |');
    assert.ok(!itemsAt(marked, '1.35').some((i) => i.detail === ON_FAILURE || i.detail === NEVER));
  });

  // Accepting a value leaves what the rules say of it at that version: no error from 1.35, only the gate's warning.
  for (const label of ['OnFailure', 'Never']) {
    it(`accepting ${label} at 1.35 writes it and leaves only the gate warning`, () => {
      const chosen = itemsAt(BLOCK, '1.35').find((i) => i.label === label)!;
      assert.equal((chosen.textEdit as TextEdit).newText, label);
      const text = applyCompletion(BLOCK.replace('|', ''), chosen);
      assert.match(text, new RegExp(`\\n {6}restartPolicy: ${label}\\n`));
      const found = summarize(diagnosticsOf(text, settingsWith({ kubernetesVersion: '1.35' })));
      assert.deepEqual(found.filter(([, , m]) => /restartPolicy/.test(m)).map(([code, at]) => [code, at]), [['init-container-restart-policy', `8:21-8:${21 + label.length}`]]);
      assert.deepEqual(diagnosticsOf(text, settingsWith({ kubernetesVersion: '1.35' })).filter((d) => d.severity === 1).map((d) => d.code), []);
    });
  }
});
