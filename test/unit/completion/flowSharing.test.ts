import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { diagnosticsOf, service, settingsWith, summarize, withCursor, yaml } from '../support/service';
import { applyCompletion } from './support/snippets';

/**
 * The log-shipper patterns share a volume with the app: accepting one declares the volume and mounts it in the app.
 * When the app container is written in flow style the mount goes into its flow mapping (or its flow list of
 * mounts); where no edit can be made, the documentation says what is left to do instead of claiming it is done.
 */
function item(marked: string, label: string): CompletionItem {
  const { source, position } = withCursor(marked);
  const items = service.complete(source, position, settingsWith()).items;
  const found = items.find((i) => i.label === label);
  assert.ok(found, `"${label}" offered at the cursor; got ${items.map((i) => i.label).join(', ')}`);
  return found;
}

function documentation(i: CompletionItem): string {
  return typeof i.documentation === 'string' ? i.documentation : (i.documentation as MarkupContent).value;
}

/** The mounts of container `name` in the accepted manifest, as `name@mountPath`. */
function mountsOf(text: string, name: string): string[] {
  const spec = parse(text).spec;
  const container = [...(spec.initContainers ?? []), ...spec.containers].find((c: { name: string }) => c.name === name);
  return (container?.volumeMounts ?? []).map((m: { name: string; mountPath: string }) => `${m.name}@${m.mountPath}`);
}

const POD = (...specLines: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines);
const SHIPPER = '{name: log-shipper, image: fluent/fluent-bit:3.2, args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"], volumeMounts: [{name: logs, mountPath: /var/log/app, readOnly: true}], resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {memory: 64Mi}}}';
const NATIVE_SHIPPER = SHIPPER.replace('image: fluent/fluent-bit:3.2, ', 'image: fluent/fluent-bit:3.2, restartPolicy: Always, ');
const VOLUME = ['  volumes:', '    - name: logs', '      emptyDir: {}'];
const CONFIG_VOLUME = ['  volumes:', '    - name: config', '      configMap: {name: app-config}'];
const BOTH_VOLUMES = [...CONFIG_VOLUME, '    - name: logs', '      emptyDir: {}'];

describe('completion: the log shipper mounts its volume in an app written in flow style', () => {
  const table: [string, string, string, string][] = [
    [
      'after the app in a flow list: the mount is added to its mapping',
      POD('  containers: [{name: app, image: nginx:1.27}, |]'),
      'sidecar: log shipper',
      POD(...VOLUME, `  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: logs, mountPath: /var/log/app}]}, ${SHIPPER}]`),
    ],
    [
      'an app with a flow list of read-only mounts: the mount is appended to it',
      POD(
        ...CONFIG_VOLUME,
        '  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}]}, |]',
      ),
      'sidecar: log shipper',
      POD(
        ...BOTH_VOLUMES,
        `  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}, {name: logs, mountPath: /var/log/app}]}, ${SHIPPER}]`,
      ),
    ],
    [
      'an app with an empty flow list of mounts',
      POD('  containers: [{name: app, image: nginx:1.27, volumeMounts: []}, |]'),
      'sidecar: log shipper',
      POD(...VOLUME, `  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: logs, mountPath: /var/log/app}]}, ${SHIPPER}]`),
    ],
    [
      'a trailing comma in the app mapping: the mount follows the last entry, the comma stays last',
      POD('  containers: [{name: app, image: nginx:1.27, }, |]'),
      'sidecar: log shipper',
      POD(...VOLUME, `  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: logs, mountPath: /var/log/app}], }, ${SHIPPER}]`),
    ],
    [
      'a trailing comma in the app’s flow list of mounts: the mount follows the last one, the comma stays last',
      POD(
        ...CONFIG_VOLUME,
        '  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}, ]}, |]',
      ),
      'sidecar: log shipper',
      POD(
        ...BOTH_VOLUMES,
        `  containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}, {name: logs, mountPath: /var/log/app}, ]}, ${SHIPPER}]`,
      ),
    ],
    [
      'a flow app item in a block list, the shipper as a native sidecar in flow initContainers',
      POD('  initContainers: [|]', '  containers:', '    - {name: app, image: nginx:1.27}'),
      'native sidecar: log shipper',
      POD(`  initContainers: [${NATIVE_SHIPPER}]`, ...VOLUME, '  containers:', '    - {name: app, image: nginx:1.27, volumeMounts: [{name: logs, mountPath: /var/log/app}]}'),
    ],
    [
      'a block app whose mounts are a flow list: the mount is appended to it',
      POD('  containers:', '    - name: app', '      image: nginx:1.27', '      volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}]', '    - |', '  volumes:', '    - name: config', '      configMap: {name: app-config}'),
      'sidecar: log shipper',
      POD(
        '  containers:',
        '    - name: app',
        '      image: nginx:1.27',
        '      volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}, {name: logs, mountPath: /var/log/app}]',
        '    - name: log-shipper',
        '      image: fluent/fluent-bit:3.2',
        '      args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"]',
        '      volumeMounts:',
        '        - name: logs',
        '          mountPath: /var/log/app',
        '          readOnly: true',
        '      resources:',
        '        requests:',
        '          cpu: 10m',
        '          memory: 32Mi',
        '        limits:',
        '          memory: 64Mi',
        '  volumes:',
        '    - name: config',
        '      configMap: {name: app-config}',
        '    - name: logs',
        '      emptyDir: {}',
      ),
    ],
  ];
  for (const [name, marked, label, expected] of table) {
    it(name, () => {
      const chosen = item(marked, label);
      const text = applyCompletion(marked.replace('|', ''), chosen);
      assert.equal(text, expected);
      assert.deepEqual(summarize(diagnosticsOf(text).filter((d) => d.severity === 1)), [], 'no error');
      assert.ok(mountsOf(text, 'app').includes('logs@/var/log/app'), `the app mounts the volume: ${mountsOf(text, 'app').join(', ')}`);
      assert.deepEqual(mountsOf(text, 'log-shipper'), ['logs@/var/log/app']);
      assert.match(documentation(chosen), /Accepting it also declares the emptyDir volume `logs` and mounts it in app at \/var\/log\/app: point app's log files there\./);
    });
  }

  it('a Pod spec in flow style gets no edit, and the documentation says what is left to do', () => {
    const marked = yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec: {containers: [{name: app, image: nginx:1.27}, |]}');
    const chosen = item(marked, 'sidecar: log shipper');
    assert.equal(chosen.additionalTextEdits, undefined);
    assert.doesNotMatch(documentation(chosen), /Accepting it also/);
    assert.match(documentation(chosen), /Declare an emptyDir volume `logs` under volumes and mount it in app too\./);
  });
});
