import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

/** Schema validation through the bundled server over stdio, as an editor receives it. */
const SCHEMA_CODES = new Set(['unknown-field', 'misplaced-field', 'wrong-type', 'invalid-enum', 'missing-required', 'removed-api-version']);

function schemaOnly(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => SCHEMA_CODES.has(String(d.code)));
}

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: "3"',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          imagePullPolice: Always',
  '          volumes:',
  '            - name: data',
  '              emptyDir: {}',
  '',
].join('\n');

describe('protocol: schema validation over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  it('publishes each mistake once, exactly placed, with data for quick fixes', async () => {
    const found = schemaOnly(await server.open('file:///deployment.yaml', DEPLOYMENT));
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      [
        ['wrong-type', 5, 12, 5, 15],
        ['unknown-field', 15, 10, 15, 25],
        ['misplaced-field', 16, 10, 16, 17],
      ],
    );
    const [type, typo, misplaced] = found;
    assert.equal(type.message, '`replicas` must be an integer, but "3" is a quoted string: remove the quotes.');
    assert.equal(type.source, 'podsmith');
    assert.equal(type.severity, 1);
    assert.deepEqual(type.data, { expectedType: 'integer', actualType: 'string', quoted: true, document: 0 });
    assert.match(String(typo.message), /did you mean `imagePullPolicy`\?$/);
    assert.equal((typo.data as { suggestion: string }).suggestion, 'imagePullPolicy');
    assert.match(String(misplaced.message), /^`volumes` belongs to the Pod \(spec\.template\.spec\.volumes\): /);
    assert.deepEqual((misplaced.data as { targetPath: unknown }).targetPath, ['spec', 'template', 'spec', 'volumes']);
  });

  it('reports a removed apiVersion on its value and leaves a Service alone, in one file', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec: {ports: [{port: 80}], selector: {app: web}}',
      '---',
      'apiVersion: batch/v1beta1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      '',
    ].join('\n');
    const found = schemaOnly(await server.open('file:///cron.yaml', text));
    assert.equal(found.length, 1);
    assert.equal(found[0].code, 'removed-api-version');
    assert.deepEqual(found[0].range, { start: { line: 5, character: 12 }, end: { line: 5, character: 25 } });
    assert.equal(found[0].message, 'CronJob is no longer served as batch/v1beta1 (removed in Kubernetes 1.25): use `apiVersion: batch/v1`.');
  });

  it('follows podsmith.rules: a rule turned off disappears, another changes level', async () => {
    const uri = 'file:///deployment.yaml';
    const after = await server.configure({ rules: { 'unknown-field': 'off', 'misplaced-field': 'warning' } }, uri);
    const found = schemaOnly(after ?? []);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [
        ['wrong-type', 1],
        ['misplaced-field', 2],
      ],
    );
    await server.configure({}, uri);
  });

  it('re-checks after an edit that fixes a value', async () => {
    const uri = 'file:///deployment.yaml';
    // Replace `"3"` with `3` on line 5.
    const after = await server.change(uri, [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 15 } }, text: '3' }]);
    assert.deepEqual(
      schemaOnly(after).map((d) => d.code),
      ['unknown-field', 'misplaced-field'],
    );
  });
});
