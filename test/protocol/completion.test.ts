import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { applyCompletion } from '../unit/completion/support/snippets';
import { LspServer } from './support/lspServer';

/**
 * Completion over LSP from the bundled server, one test per context: what an editor receives (labels, exact
 * replace ranges, the text after accepting an item) for keys, values, flow style, streams, empty documents and
 * the multi-container patterns.
 */
describe('protocol: completion', function () {
  let server: LspServer;
  let count = 0;
  before(async () => (server = await LspServer.start()));
  after(async () => server.stop());

  /** Opens `marked` (with one `|`) as a new document and asks for completion at the marker. */
  async function completeAt(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const uri = `file:///completion-${count++}.yaml`;
    await server.open(uri, text);
    const list = (await server.complete(uri, positionAt(text, offset))) as CompletionList;
    server.close(uri);
    return { items: list.items, text };
  }

  async function labelsAt(marked: string): Promise<string[]> {
    return (await completeAt(marked)).items.map((i) => i.label);
  }

  async function accept(marked: string, label: string): Promise<string> {
    const { items, text } = await completeAt(marked);
    const item = items.find((i) => i.label === label);
    assert.ok(item, `${label} among ${items.map((i) => i.label).join(', ')}`);
    return applyCompletion(text, item);
  }

  const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];
  const lines = (...l: string[]) => l.join('\n') + '\n';
  const WEB = lines(
    ...POD,
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    '      ports:',
    '        - name: http',
    '          containerPort: 80',
    '      volumeMounts:',
    '        - name: logs',
    '          mountPath: /var/log/nginx',
    '%HERE%',
    '  volumes:',
    '    - name: logs',
    '      emptyDir: {}',
  );
  const web = (...here: string[]) => WEB.replace('%HERE%\n', here.map((l) => l + '\n').join(''));

  it('container fields inside a container, replacing the typed word', async () => {
    const { items } = await completeAt(lines(...POD, '  containers:', '  - name: app', '    imagePu|'));
    const pull = items.find((i) => i.label === 'imagePullPolicy');
    assert.ok(pull);
    assert.deepEqual((pull.textEdit as TextEdit).range, { start: { line: 7, character: 4 }, end: { line: 7, character: 11 } });
    assert.equal(pull.detail, 'string · container-level · default: Always for an untagged or :latest image, else IfNotPresent');
    assert.ok(!items.some((i) => i.label === 'volumes'), 'no PodSpec fields in a container');
  });

  it('PodSpec fields under spec of a Pod', async () => {
    const labels = await labelsAt(lines(...POD, '  |'));
    for (const field of ['containers', 'volumes', 'initContainers', 'restartPolicy']) assert.ok(labels.includes(field), field);
  });

  it('a Deployment: its spec, then the PodSpec under template.spec', async () => {
    const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:'];
    const spec = await labelsAt(lines(...head, '  |'));
    assert.ok(spec.includes('replicas') && spec.includes('template') && !spec.includes('containers'));
    const podSpec = await labelsAt(lines(...head, '  template:', '    spec:', '      |'));
    assert.ok(podSpec.includes('containers') && !podSpec.includes('replicas'));
  });

  it('a key opens the shape of its value at the right indentation', async () => {
    assert.equal(
      await accept(lines(...POD, '  containers:', '    - name: app', '      resou|'), 'resources'),
      lines(...POD, '  containers:', '    - name: app', '      resources:', '        '),
    );
  });

  it('enum values and booleans', async () => {
    assert.deepEqual(await labelsAt(lines(...POD, '  restartPolicy: |')), ['Always', 'Never', 'OnFailure']);
    assert.deepEqual(await labelsAt(lines(...POD, '  containers:', '  - name: a', '    imagePullPolicy: |')), ['Always', 'IfNotPresent', 'Never']);
    assert.deepEqual(await labelsAt(lines(...POD, '  containers:', '  - name: a', '    ports:', '    - containerPort: 53', '      protocol: |')), ['SCTP', 'TCP', 'UDP']);
    assert.deepEqual(await labelsAt(lines(...POD, '  hostNetwork: |')), ['true', 'false']);
  });

  it('apiVersion and kind that belong together', async () => {
    const { items } = await completeAt(lines('kind: Deployment', 'apiVersion: |'));
    assert.equal(items.find((i) => i.preselect)?.label, 'apps/v1');
    assert.equal(await accept(lines('kind: |'), 'CronJob'), lines('apiVersion: batch/v1', 'kind: CronJob'));
  });

  it("the Pod's volume names in volumeMounts[].name", async () => {
    assert.deepEqual(await labelsAt(web('        - name: |')), ['logs']);
  });

  it("the container's port names and numbers in a probe port", async () => {
    assert.deepEqual(await labelsAt(web('      readinessProbe:', '        httpGet:', '          port: |')), ['http', '80']);
    assert.deepEqual(await labelsAt(web('      readinessProbe:', '        grpc:', '          port: |')), ['80']);
  });

  it('container names in resourceFieldRef.containerName', async () => {
    const text = web('      env:', '        - name: LIMIT', '          valueFrom:', '            resourceFieldRef:', '              resource: limits.memory', '              containerName: |');
    assert.deepEqual(await labelsAt(text), ['app']);
  });

  it('flow style', async () => {
    assert.deepEqual(await labelsAt(lines(...POD, '  containers:', '  - {name: app, imagePullPolicy: |}')), ['Always', 'IfNotPresent', 'Never']);
    const { items } = await completeAt(lines(...POD, '  securityContext: {runAsNonRoot: true, runAsU|}'));
    const user = items.find((i) => i.label === 'runAsUser');
    assert.deepEqual((user!.textEdit as TextEdit).range, { start: { line: 5, character: 40 }, end: { line: 5, character: 46 } });
    assert.ok(!items.some((i) => i.label === 'runAsNonRoot'));
  });

  it('the second document of a multi-document file', async () => {
    const labels = await labelsAt('apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: batch/v1\nkind: Job\nspec:\n  |\n');
    assert.ok(labels.includes('backoffLimit') && !labels.includes('containers'));
  });

  it('an empty document: skeletons of the pod-carrying kinds, apiVersion and kind', async () => {
    const labels = await labelsAt('|');
    for (const label of ['Pod manifest', 'Deployment manifest', 'StatefulSet manifest', 'Job manifest', 'CronJob manifest', 'apiVersion', 'kind']) {
      assert.ok(labels.includes(label), label);
    }
    const text = await accept('|', 'Deployment manifest');
    const diagnostics = await server.open('file:///accepted-skeleton.yaml', text + '\n');
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1), []);
  });

  it('inside containers: sidecar, ambassador and adapter fitted to the Pod', async () => {
    const marked = web('    - |');
    const { items } = await completeAt(marked);
    const shipper = items.find((i) => i.label === 'sidecar: log shipper');
    assert.equal(shipper?.detail, 'shares volume logs with app');
    assert.equal(items.find((i) => i.label === 'adapter: metrics exporter')?.detail, 'scrapes app on localhost:80');
    const text = await accept(marked, 'sidecar: log shipper');
    assert.ok(text.includes('    - name: log-shipper\n'), text);
    assert.ok(text.includes('        - name: logs\n          mountPath: /var/log/nginx\n          readOnly: true\n'), text);
    const diagnostics = await server.open('file:///accepted-sidecar.yaml', text);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1), []);
  });

  it('a volume item brings its mount in the app container', async () => {
    const marked = WEB.replace('%HERE%\n', '').replace('      emptyDir: {}\n', '      emptyDir: {}\n    - |\n');
    const { items } = await completeAt(marked);
    const config = items.find((i) => i.label === 'configMap volume');
    assert.equal(config?.additionalTextEdits?.length, 1);
    const text = await accept(marked, 'configMap volume');
    assert.ok(text.includes('        - name: config\n          mountPath: /etc/config\n          readOnly: true\n'), text);
  });

  it('after typing (an incremental change), on the new text', async () => {
    const uri = 'file:///typing.yaml';
    const base = lines(...POD, '  containers:', '  - name: app', '    image: nginx:1.27', '');
    await server.open(uri, base);
    await server.change(uri, [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: '    livenessP' }]);
    const list = (await server.complete(uri, { line: 8, character: 13 })) as CompletionList;
    const probe = list.items.find((i) => i.label === 'livenessProbe');
    assert.deepEqual((probe!.textEdit as TextEdit).range, { start: { line: 8, character: 4 }, end: { line: 8, character: 13 } });
    server.close(uri);
  });

  it('nothing in a YAML file that is not Kubernetes', async () => {
    assert.deepEqual(await labelsAt(lines('name: ci', 'on: [push]', 'jobs:', '  test:', '    |')), []);
  });
});

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
