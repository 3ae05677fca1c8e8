import assert from 'node:assert/strict';
import { shapeOfDefinition } from '../../../server/src/schema/shapes';
import { yaml } from '../support/service';
import { schemaDiagnostics } from './support';

/**
 * Every field of one level written at the other, generated from the schema definitions: each gets exactly one
 * misplaced-field finding, on its key, naming the level where it belongs with the real path for the kind.
 */
const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';
const CONTAINER = 'io.k8s.api.core.v1.Container';
const POD_SECURITY = 'io.k8s.api.core.v1.PodSecurityContext';
const CONTAINER_SECURITY = 'io.k8s.api.core.v1.SecurityContext';

function fieldsOf(definition: string): string[] {
  const shape = shapeOfDefinition(definition);
  assert.ok(shape, `${definition} is in the generated schema`);
  return [...shape.fieldNames];
}

/** Fields of `a` that `b` does not have (a field of both is valid at either level). */
function only(a: string, b: string): string[] {
  const other = new Set(fieldsOf(b));
  return fieldsOf(a).filter((f) => !other.has(f));
}

/** A Deployment with `podLines` under its PodSpec and `containerLines` in its one container. */
function deployment(podLines: string[], containerLines: string[]): string {
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    ...podLines.map((l) => `      ${l}`),
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    ...containerLines.map((l) => `          ${l}`),
  );
}

function expectOneMisplaced(text: string, field: string, line: number, column: number, label: string, path: string, home: string): void {
  const found = schemaDiagnostics(text);
  assert.equal(found.length, 1, `one finding for ${field}, got ${JSON.stringify(found.map((d) => d.message))}`);
  const [d] = found;
  assert.equal(d.code, 'misplaced-field');
  assert.deepEqual(d.range, { start: { line, character: column }, end: { line, character: column + field.length } });
  assert.ok(String(d.message).startsWith(`\`${field}\` belongs to ${label} (${path}): `), String(d.message));
  assert.equal((d.data as { home: string }).home, home);
}

describe('misplaced fields, generated from the schema', () => {
  const podOnly = only(POD_SPEC, CONTAINER);
  const containerOnly = only(CONTAINER, POD_SPEC);

  it('has the levels it tests', () => {
    assert.ok(podOnly.includes('volumes') && podOnly.includes('nodeSelector') && podOnly.length > 30);
    assert.ok(containerOnly.includes('image') && containerOnly.includes('ports') && containerOnly.length > 15);
  });

  describe('every PodSpec field written inside a container belongs to the Pod', () => {
    for (const field of podOnly) {
      it(field, () => {
        const text = deployment([], [`${field}: {}`]);
        expectOneMisplaced(text, field, 14, 10, 'the Pod', `spec.template.spec.${field}`, 'pod');
      });
    }
  });

  describe('every container field written under the PodSpec belongs to a container', () => {
    for (const field of containerOnly) {
      it(field, () => {
        const text = deployment([`${field}: {}`], []);
        expectOneMisplaced(text, field, 11, 6, 'a container', `spec.template.spec.containers[].${field}`, 'container');
      });
    }
  });

  describe("every container-only securityContext field in the Pod's securityContext", () => {
    for (const field of only(CONTAINER_SECURITY, POD_SECURITY)) {
      it(field, () => {
        const text = deployment(['securityContext:', `  ${field}: {}`], []);
        expectOneMisplaced(text, field, 12, 8, "a container's securityContext", `spec.template.spec.containers[].securityContext.${field}`, 'container');
      });
    }
  });

  describe("every Pod-only securityContext field in a container's securityContext", () => {
    for (const field of only(POD_SECURITY, CONTAINER_SECURITY)) {
      it(field, () => {
        const text = deployment([], ['securityContext:', `  ${field}: {}`]);
        expectOneMisplaced(text, field, 15, 12, "the Pod's securityContext", `spec.template.spec.securityContext.${field}`, 'pod');
      });
    }
  });

  it('names the real PodSpec path of each kind', () => {
    const cases: [string, string, string[], string][] = [
      ['v1', 'Pod', [], 'spec.volumes'],
      ['v1', 'PodTemplate', [], 'template.spec.volumes'],
      ['batch/v1', 'Job', [], 'spec.template.spec.volumes'],
      ['batch/v1', 'CronJob', [], 'spec.jobTemplate.spec.template.spec.volumes'],
    ];
    for (const [apiVersion, kind, , path] of cases) {
      const podSpecPath = path.split('.').slice(0, -1);
      const lines = ['apiVersion: ' + apiVersion, 'kind: ' + kind, 'metadata: {name: x}'];
      if (kind === 'CronJob') lines.push('spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:');
      else podSpecPath.forEach((step, i) => lines.push(`${'  '.repeat(i)}${step}:`));
      const indent = '  '.repeat(podSpecPath.length);
      lines.push(`${indent}containers:`, `${indent}  - name: x`, `${indent}    image: busybox:1.36`, `${indent}    volumes: []`);
      const found = schemaDiagnostics(yaml(...lines));
      assert.equal(found.length, 1, `${kind}: ${JSON.stringify(found.map((d) => d.message))}`);
      assert.ok(String(found[0].message).startsWith(`\`volumes\` belongs to the Pod (${path}): `), String(found[0].message));
    }
  });
});
