import assert from 'node:assert/strict';
import { yaml } from '../support/service';
import { hoverAt } from './support';

/**
 * A key its mapping does not have: the hover says so (and where the field belongs, or the field meant) instead of
 * borrowing the enclosing field's scope and description, which would seem to confirm the mistake.
 */
const DEPLOYMENT = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: shop',
  '  label: {app: shop}',
  'spec:',
  '  selector: {matchLabels: {app: shop}}',
  '  template:',
  '    metadata: {labels: {app: shop}}',
  '    spec:',
  '      replicas: 2',
  '      containers:',
  '        - name: shop',
  '          image: shop:1.4.2',
  '          imagePullPolice: IfNotPresent',
  '          volumes:',
  '            - name: cache',
  '              emptyDir: {}',
);

/** DEPLOYMENT with the cursor marker put `delta` characters into the first match of `needle`. */
function at(needle: string, delta = 1): string {
  const i = DEPLOYMENT.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return DEPLOYMENT.slice(0, i + delta) + '|' + DEPLOYMENT.slice(i + delta);
}

const CASES: { what: string; marked: string; covers: [string, string]; says: string[] }[] = [
  {
    what: 'a workload field inside the Pod template: where it belongs, not "Pod-level"',
    marked: at('replicas: 2'),
    covers: ['replicas', '10:6-10:14'],
    says: [
      '`replicas` is not a field of `PodSpec` (`spec.template.spec`): it has no effect here.\n\n' +
        "It belongs to the Deployment's spec: `spec.replicas`.",
    ],
  },
  {
    what: 'the value of that key: the same',
    marked: at('2\n', 0),
    covers: ['2', '10:16-10:17'],
    says: ['`replicas` is not a field of `PodSpec` (`spec.template.spec`): it has no effect here.'],
  },
  {
    what: 'a typo in a container: the field meant',
    marked: at('imagePullPolice'),
    covers: ['imagePullPolice', '14:10-14:25'],
    says: ['`imagePullPolice` is not a field of `Container` (`spec.template.spec.containers[shop]`): it has no effect here.\n\nDid you mean `imagePullPolicy`?'],
  },
  {
    what: 'a typo in metadata, in flow style',
    marked: at('label:'),
    covers: ['label', '4:2-4:7'],
    says: ['`label` is not a field of `ObjectMeta` (`metadata`): it has no effect here.\n\nDid you mean `labels`?'],
  },
  {
    what: 'a key under a misplaced field: it has no effect either',
    marked: at('name: cache', 7),
    covers: ['cache', '16:20-16:25'],
    says: [
      '`volumes` is not a field of `Container` (`spec.template.spec.containers[shop]`): it has no effect here.',
      'It belongs to the Pod: `spec.template.spec.volumes`.',
      'This is inside `volumes`, so it has no effect either.',
    ],
  },
];

describe('hover: a key its mapping does not have', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const seen = hoverAt(c.marked);
      assert.ok(seen, 'a hover is shown');
      assert.deepEqual([seen.covered, seen.range], c.covers);
      for (const phrase of c.says) assert.ok(seen.text.includes(phrase), `says ${JSON.stringify(phrase)}; got:\n${seen.text}`);
      assert.ok(!/Pod-level|container-level|Kubernetes:/.test(seen.text), `borrows nothing from the enclosing field; got:\n${seen.text}`);
    });
  }

  it('leaves the fields of free-form maps and the valid fields alone', () => {
    for (const marked of [at('app: shop}}', 1), at('image: shop'), at('name: shop\n        ', 7)]) {
      const seen = hoverAt(marked);
      assert.ok(seen && !seen.text.includes('is not a field of'), `no unknown-field hover; got:\n${seen?.text}`);
    }
  });
});
