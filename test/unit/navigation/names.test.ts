import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, withCursor, yaml } from '../support/service';

/** A three-container Pod: two mount `shared`, one probes a named port. */
const POD = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  initContainers:',
  '    - name: seed',
  '      image: busybox:1.36',
  '      volumeMounts:',
  '        - name: shared',
  '          mountPath: /seed',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      ports:',
  '        - name: http',
  '          containerPort: 80',
  '      readinessProbe:',
  '        httpGet: {path: /, port: http}',
  '      volumeMounts:',
  '        - name: shared',
  '          mountPath: /usr/share/nginx/html',
  '      env:',
  '        - name: LIMIT',
  '          valueFrom:',
  '            resourceFieldRef: {containerName: app, resource: limits.memory}',
  '    - name: logs',
  '      image: fluent/fluent-bit:3.0',
  '  volumes:',
  '    - name: shared',
  '      emptyDir: {}',
);

/** POD with the cursor put at the `n`th occurrence of `needle` (0-based), `offsetIn` characters into it. */
function at(needle: string, n = 0, offsetIn = 1) {
  let index = -1;
  for (let i = 0; i <= n; i++) index = POD.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} #${n} not in the manifest`);
  const marked = POD.slice(0, index + offsetIn) + '|' + POD.slice(index + offsetIn);
  return withCursor(marked);
}

const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const shown = (locations: Location[]) => locations.map((l) => show(l.range));

describe('navigation: the names a Pod links by', () => {
  it('definition on a mount lands on the volume', () => {
    const { source, position } = at('- name: shared', 1, 9);
    assert.deepEqual(shown(service.definition(source, position, DEFAULT_SETTINGS)), ['29:12-29:18']);
  });

  it('definition on a probe port name lands on the container port', () => {
    const { source, position } = at('port: http', 0, 7);
    assert.deepEqual(shown(service.definition(source, position, DEFAULT_SETTINGS)), ['15:16-15:20']);
  });

  it('definition on a resourceFieldRef.containerName lands on the container', () => {
    const { source, position } = at('containerName: app', 0, 16);
    assert.deepEqual(shown(service.definition(source, position, DEFAULT_SETTINGS)), ['12:12-12:15']);
  });

  it('references of a volume list its definition and both mounts', () => {
    const { source, position } = at('- name: shared', 2, 9);
    assert.deepEqual(shown(service.references(source, position, true, DEFAULT_SETTINGS)), ['9:16-9:22', '20:16-20:22', '29:12-29:18']);
    assert.deepEqual(shown(service.references(source, position, false, DEFAULT_SETTINGS)), ['9:16-9:22', '20:16-20:22']);
  });

  it('highlights mark the definition as written and the references as read', () => {
    const { source, position } = at('- name: shared', 0, 9);
    const highlights = service.documentHighlights(source, position, DEFAULT_SETTINGS);
    assert.deepEqual(highlights.map((h) => [show(h.range), h.kind]), [['9:16-9:22', 2], ['20:16-20:22', 2], ['29:12-29:18', 3]]);
  });

  it('renaming a volume renames its two mounts too', () => {
    const { source, position } = at('- name: shared', 2, 9);
    const prepared = service.prepareRename(source, position, DEFAULT_SETTINGS);
    assert.deepEqual(prepared && 'range' in prepared ? [show(prepared.range), prepared.placeholder] : prepared, ['29:12-29:18', 'shared']);
    const edit = service.rename(source, position, 'content', DEFAULT_SETTINGS) as WorkspaceEdit;
    const after = applied(POD, edit.changes!['file:///test.yaml']);
    assert.equal((after.match(/name: content/g) ?? []).length, 3);
    assert.equal(after.includes('shared'), false);
  });

  it('rename keeps quotes of a quoted name', () => {
    const text = POD.replace('    - name: shared\n      emptyDir', '    - name: "shared"\n      emptyDir');
    const offset = text.indexOf('"shared"') + 2;
    const { source, position } = withCursor(text.slice(0, offset) + '|' + text.slice(offset));
    const edit = service.rename(source, position, 'data', DEFAULT_SETTINGS) as WorkspaceEdit;
    const after = applied(text, edit.changes!['file:///test.yaml']);
    assert.ok(after.includes('- name: "data"\n      emptyDir'));
    assert.equal((after.match(/name: data\n/g) ?? []).length, 2);
  });

  it('rename refuses a name the API server rejects, with the rule', () => {
    const { source, position } = at('- name: shared', 2, 9);
    assert.deepEqual(service.rename(source, position, 'Shared_Data', DEFAULT_SETTINGS), {
      refused: 'Cannot rename volume `shared` to "Shared_Data": a volume name must be a DNS-1123 label (at most 63 lowercase letters, digits and \'-\'), but it has uppercase letters; only lowercase letters are allowed.',
    });
  });

  it('rename refuses a port name longer than 15 characters', () => {
    const { source, position } = at('port: http', 0, 7);
    const answer = service.rename(source, position, 'a-very-long-port-name', DEFAULT_SETTINGS);
    assert.match((answer as { refused: string }).refused, /^Cannot rename port `http` of container `app` to "a-very-long-port-name": a port name must be an IANA service name .*it is 21 characters long; a port name has at most 15\.$/);
  });

  it('rename refuses a name another container already has', () => {
    const { source, position } = at('- name: logs', 0, 9);
    assert.deepEqual(service.rename(source, position, 'app', DEFAULT_SETTINGS), {
      refused: 'Cannot rename container `logs` to "app": containers already has a container of that name.',
    });
  });

  it('renaming a container follows its references', () => {
    const { source, position } = at('- name: app', 0, 9);
    const edit = service.rename(source, position, 'server', DEFAULT_SETTINGS) as WorkspaceEdit;
    const after = applied(POD, edit.changes!['file:///test.yaml']);
    assert.ok(after.includes('    - name: server\n'));
    assert.ok(after.includes('{containerName: server, resource: limits.memory}'));
  });

  it('nothing to navigate on a value that is not a name', () => {
    const { source, position } = at('image: nginx', 0, 9);
    assert.deepEqual(service.definition(source, position, DEFAULT_SETTINGS), []);
    assert.equal(service.prepareRename(source, position, DEFAULT_SETTINGS), null);
  });

  it('a claim template of a StatefulSet is the definition of the mounts that name it', () => {
    const text = yaml(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: db}',
      'spec:',
      '  serviceName: db',
      '  selector: {matchLabels: {app: db}}',
      '  template:',
      '    metadata: {labels: {app: db}}',
      '    spec:',
      '      containers:',
      '        - name: db',
      '          image: postgres:16',
      '          volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]',
      '  volumeClaimTemplates:',
      '    - metadata: {name: data}',
      '      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
    );
    const offset = text.indexOf('{name: data,') + 8;
    const { source, position } = withCursor(text.slice(0, offset) + '|' + text.slice(offset));
    assert.deepEqual(shown(service.definition(source, position, DEFAULT_SETTINGS)), ['14:23-14:27']);
  });
});

function applied(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), edits);
}
