import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { service, settingsWith, withCursor, yaml } from '../support/service';
import { applyCompletion } from './support/snippets';

/**
 * What completion offers inside a container depends on the part it plays and the targeted Kubernetes version:
 * no probes or hooks on an init step, restart rules only where the API accepts them, the multi-container
 * patterns only in their own list, and imagePullPolicy's default for the image written.
 */
function itemsAt(marked: string, kubernetesVersion = '1.36'): CompletionItem[] {
  const { source, position } = withCursor(marked);
  return service.complete(source, position, settingsWith({ kubernetesVersion })).items;
}

const POD = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines);

const GATED = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe', 'restartPolicy', 'restartPolicyRules'];

/** Which of the gated container fields are offered at the cursor (as keys, or as the first key of a new item). */
function gatedOffered(marked: string, version?: string): string[] {
  return itemsAt(marked, version)
    .map((i) => i.filterText ?? i.label)
    .filter((name) => GATED.includes(name))
    .sort();
}

describe('completion: container fields by the container\'s part and the targeted version', () => {
  const cases: [what: string, manifest: string, version: string, offered: string[]][] = [
    ['an init container (no restartPolicy): no probes, hooks or restart rules', POD('  initContainers:', '    - name: setup', '      image: busybox:1.37', '      |'), '1.36', ['restartPolicy']],
    ['a new item under initContainers, before its dash', POD('  initContainers:', '    |'), '1.36', ['restartPolicy']],
    ['right after the dash of a new init container', POD('  initContainers:', '    - |'), '1.36', ['restartPolicy']],
    ['an init container in flow style', POD('  initContainers: [{name: setup, |}]'), '1.36', ['restartPolicy']],
    [
      'a native sidecar (restartPolicy: Always above): probes and hooks, and restart rules from 1.36',
      POD('  initContainers:', '    - name: proxy', '      restartPolicy: Always', '      |'),
      '1.36',
      ['lifecycle', 'livenessProbe', 'readinessProbe', 'restartPolicyRules', 'startupProbe'],
    ],
    [
      'a native sidecar whose restartPolicy is written below the cursor, quoted and commented',
      POD('  initContainers:', '    - name: proxy', '      |', '      restartPolicy: "Always" # sidecar'),
      '1.36',
      ['lifecycle', 'livenessProbe', 'readinessProbe', 'restartPolicyRules', 'startupProbe'],
    ],
    [
      'a native sidecar at 1.35: restart rules are alpha there, so not offered',
      POD('  initContainers:', '    - name: proxy', '      restartPolicy: Always', '      |'),
      '1.35',
      ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'],
    ],
    ['a native sidecar in flow style', POD('  initContainers: [{name: proxy, restartPolicy: Always, |}]'), '1.36', ['lifecycle', 'livenessProbe', 'readinessProbe', 'restartPolicyRules', 'startupProbe']],
    [
      'an init container with restartPolicy: OnFailure is no sidecar',
      POD('  initContainers:', '    - name: setup', '      restartPolicy: OnFailure', '      |'),
      '1.36',
      [],
    ],
    [
      'a regular container at 1.35: its own restartPolicy and rules are beta, offered',
      POD('  containers:', '    - name: web', '      |'),
      '1.35',
      ['lifecycle', 'livenessProbe', 'readinessProbe', 'restartPolicy', 'restartPolicyRules', 'startupProbe'],
    ],
    [
      'a regular container at 1.34: its own restartPolicy and rules are alpha, not offered',
      POD('  containers:', '    - name: web', '      |'),
      '1.34',
      ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'],
    ],
    ['a new item under containers at 1.34', POD('  containers:', '    |'), '1.34', ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']],
    [
      'in a Deployment\'s template, an init container',
      yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      initContainers:', '        - name: setup', '          |'),
      '1.36',
      ['restartPolicy'],
    ],
  ];
  for (const [what, manifest, version, offered] of cases) {
    it(what, () => assert.deepEqual(gatedOffered(manifest, version), offered));
  }

  it('the Pod\'s own restartPolicy is still offered under spec', () => {
    assert.ok(itemsAt(POD('  |'), '1.34').some((i) => i.label === 'restartPolicy'));
  });
});

describe('completion: multi-container patterns only in their own list', () => {
  const NATIVE = 'native sidecar: log shipper';
  const APP = ['sidecar: log shipper', 'ambassador: local proxy', 'adapter: metrics exporter'];
  const patterns = (marked: string) => itemsAt(marked).filter((i) => i.kind === 15).map((i) => i.label);
  const cases: [what: string, manifest: string, offered: string[]][] = [
    ['under containers:', POD('  containers:', '    |'), [...APP, 'k8s-container']],
    ['a new item after the app containers', POD('  containers:', '  - name: a', '    image: b', '  - |'), [...APP, 'k8s-container']],
    ['under initContainers:', POD('  initContainers:', '    |'), [NATIVE, 'init container: wait for a service']],
    [
      'after the init containers, with containers below',
      POD('  initContainers:', '    - name: a', '      image: b', '    |', '  containers:', '    - name: c'),
      [NATIVE, 'init container: wait for a service'],
    ],
    ['a new item after the init containers (compact)', POD('  initContainers:', '  - name: a', '    image: b', '  - |', '  containers:', '  - name: c'), [NATIVE, 'init container: wait for a service']],
    ['inside a container: no pattern, the probe and resources snippets', POD('  containers:', '    - name: a', '      |'), ['k8s-probe-http', 'k8s-probe-tcp', 'k8s-probe-exec', 'k8s-probe-grpc', 'k8s-resources']],
    ['at the PodSpec: none', POD('  initContainers:', '  - name: a', '    image: b', '  |'), []],
  ];
  for (const [what, manifest, offered] of cases) {
    it(what, () => assert.deepEqual(patterns(manifest), offered));
  }
});

describe('completion: imagePullPolicy names the default for the image', () => {
  const container = (...lines: string[]) => POD('  containers:', '    - name: web', ...lines);
  const keyItem = (marked: string) => itemsAt(marked).find((i) => i.label === 'imagePullPolicy')!;
  const accept = (marked: string) => applyCompletion(marked.replace('|', ''), keyItem(marked));

  const keys: [what: string, manifest: string, detail: string, inserted: string, choices: string][] = [
    [
      'a tagged image: IfNotPresent first',
      container('      image: nginx:1.27', '      imagePu|'),
      'string · container-level · default for this image: IfNotPresent (it names a version)',
      '      imagePullPolicy: IfNotPresent',
      '${1|IfNotPresent,Always,Never|}',
    ],
    [
      'an untagged image: Always first',
      container('      image: nginx', '      imagePu|'),
      'string · container-level · default for this image: Always (untagged or :latest)',
      '      imagePullPolicy: Always',
      '${1|Always,IfNotPresent,Never|}',
    ],
    [
      ':latest, with the image below the cursor: Always first',
      container('      imagePu|', '      image: "registry.local:5000/app:latest"'),
      'string · container-level · default for this image: Always (untagged or :latest)',
      '      imagePullPolicy: Always',
      '${1|Always,IfNotPresent,Never|}',
    ],
    [
      'no image yet: no choice made',
      container('      imagePu|'),
      'string · container-level · default: Always for an untagged or :latest image, else IfNotPresent',
      '      imagePullPolicy: ',
      '',
    ],
  ];
  for (const [what, manifest, detail, inserted, choices] of keys) {
    it(`key, ${what}`, () => {
      const item = keyItem(manifest);
      assert.equal(item.detail, detail);
      assert.equal((item.textEdit as TextEdit).newText, `imagePullPolicy: ${choices || '$0'}`);
      assert.ok(accept(manifest).includes(`\n${inserted}\n`), accept(manifest));
    });
  }

  const values: [what: string, manifest: string, expected: [label: string, preselect: boolean, detail: string | undefined][]][] = [
    [
      'a tagged image: IfNotPresent preselected',
      container('      image: nginx:1.27', '      imagePullPolicy: |'),
      [['Always', false, undefined], ['IfNotPresent', true, 'the default for this image (it names a version)'], ['Never', false, undefined]],
    ],
    [
      'a digest, image written below: IfNotPresent preselected',
      container('      imagePullPolicy: |', '      image: nginx@sha256:0123456789abcdef'),
      [['Always', false, undefined], ['IfNotPresent', true, 'the default for this image (it names a version)'], ['Never', false, undefined]],
    ],
    [
      'an untagged image: Always preselected',
      container('      image: nginx', '      imagePullPolicy: |'),
      [['Always', true, 'the default for this image (untagged or :latest)'], ['IfNotPresent', false, undefined], ['Never', false, undefined]],
    ],
    [
      'no image: nothing preselected, the rule in each detail',
      container('      imagePullPolicy: |'),
      ['Always', 'IfNotPresent', 'Never'].map((v) => [v, false, 'default: Always for an untagged or :latest image, else IfNotPresent']),
    ],
  ];
  for (const [what, manifest, expected] of values) {
    it(`value, ${what}`, () => {
      assert.deepEqual(itemsAt(manifest).map((i) => [i.label, !!i.preselect, i.detail]), expected);
    });
  }
});
