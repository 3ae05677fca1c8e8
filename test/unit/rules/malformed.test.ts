import assert from 'node:assert/strict';
import { ALL_CHECKS } from '../../../server/src/rules/index';
import { diagnosticsOf, settingsWith } from '../support/service';

/**
 * Malformed shapes are normal input: a wrong type is the schema check's finding, never an exception in a Pod rule.
 * The test service turns any exception a check throws into a failure, so each shape below must simply pass.
 */
const POD_RULE_CHECKS = new Set(['metadata', 'names', 'volumes', 'lifecycle', 'probes', 'resources', 'ports', 'env', 'workloads', 'images']);

const shapes: [string, string][] = [
  ['containers as a mapping', 'spec:\n  containers: {name: web}\n'],
  ['a container as a string', 'spec:\n  containers: [web]\n'],
  ['ports, mounts, env and probes as scalars', 'spec:\n  containers:\n    - name: web\n      ports: 80\n      volumeMounts: yes\n      env: PATH\n      livenessProbe: true\n      readinessProbe: [1]\n'],
  ['names as numbers, lists and null', 'spec:\n  containers:\n    - name: 1\n    - name: [a]\n    - name:\n  volumes:\n    - name: {a: b}\n'],
  ['resources as a list, quantities as maps', 'spec:\n  containers:\n    - name: web\n      resources: [cpu]\n    - name: api\n      resources: {requests: {cpu: {a: 1}}, limits: [1]}\n'],
  ['probe ports of every type', 'spec:\n  containers:\n    - name: web\n      livenessProbe: {httpGet: {port: [80]}, tcpSocket: {port: null}}\n      startupProbe: {grpc: {port: "x"}, successThreshold: "2"}\n'],
  ['env valueFrom as a scalar and a list', 'spec:\n  containers:\n    - name: web\n      env:\n        - {name: A, valueFrom: x}\n        - {name: B, valueFrom: [1], value: 2}\n        - null\n'],
  ['subPath as a number, mountPath as a map', 'spec:\n  containers:\n    - name: web\n      volumeMounts:\n        - {name: a, mountPath: {x: 1}, subPath: 3, subPathExpr: [1]}\n  volumes: [{name: a, emptyDir: {}}]\n'],
  ['an alias loop-free anchor in labels', 'metadata:\n  labels: &l {app: web}\n  annotations: *l\nspec:\n  containers: [{name: web, image: *l}]\n'],
];

describe('Pod rules on malformed shapes', () => {
  it('covers every Pod-rule check', () => {
    assert.equal(ALL_CHECKS.filter((c) => POD_RULE_CHECKS.has(c.name)).length, POD_RULE_CHECKS.size);
  });
  for (const kind of ['v1/Pod', 'apps/v1/Deployment', 'batch/v1/CronJob']) {
    for (const [title, body] of shapes) {
      it(`${kind}: ${title}`, () => {
        const [apiVersion, name] = kind.startsWith('v1/') ? ['v1', kind.slice(3)] : [kind.slice(0, kind.lastIndexOf('/')), kind.slice(kind.lastIndexOf('/') + 1)];
        // Place the Pod body where the kind keeps its PodSpec.
        const indent = (text: string, by: number) => text.replace(/^/gm, ' '.repeat(by)).replace(/ +$/gm, '');
        let doc: string;
        if (name === 'Pod') doc = body;
        else if (name === 'Deployment') doc = `spec:\n  selector: web\n  strategy: [1]\n  template:\n${indent(body.replace(/^spec:/m, 'spec:'), 4)}`;
        else doc = `spec:\n  schedule: 5\n  timeZone: [x]\n  jobTemplate:\n    spec:\n      podFailurePolicy: 1\n      template:\n${indent(body, 8)}`;
        const text = `apiVersion: ${apiVersion}\nkind: ${name}\n${doc}`;
        assert.ok(Array.isArray(diagnosticsOf(text, settingsWith({ kubernetesVersion: '1.28' }))));
      });
    }
  }
});
