import assert from 'node:assert/strict';
import snippets from '../../../snippets/kubernetes.code-snippets.json';
import manifest from '../../../package.json';
import { diagnosticsOf, summarize, yaml } from '../support/service';
import { expandSnippet } from './support/snippets';

/**
 * The bar for the contributed snippets: each one, expanded with its defaults, gives a manifest without a single
 * error from our own diagnostics. Whole-document snippets stand alone; the others are inserted where they go in
 * a host Pod (a container into `containers`, a probe into a container...), indented as VS Code indents them.
 */
interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const ENTRIES = Object.entries(snippets as Record<string, Snippet>);

/** `%HERE%` marks the line where the snippet goes; its indentation is the snippet's. */
const CONTAINERS_HOST = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: host',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      ports:',
  '        - name: web',
  '          containerPort: 8080',
  '      volumeMounts:',
  '        - name: logs',
  '          mountPath: /var/log/app',
  '      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}',
  '    %HERE%',
  '  volumes:',
  '    - name: logs',
  '      emptyDir: {}',
);

const INIT_HOST = CONTAINERS_HOST.replace('    %HERE%\n', '').replace('  containers:\n', '  initContainers:\n    %HERE%\n  containers:\n');

const CONTAINER_FIELD_HOST = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: host',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      ports:',
  '        - name: http',
  '          containerPort: 8080',
  '      %HERE%',
);

/** A volume the container does not mount yet is no error (an unused volume is at most a warning). */
const VOLUMES_HOST = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: host',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '  volumes:',
  '    %HERE%',
);

const MOUNTS_HOST = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: host',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      volumeMounts:',
  '        %HERE%',
  '  volumes:',
  '    - name: cache',
  '      emptyDir: {}',
);

/** Where each snippet goes, by prefix; a snippet without a host fails the test below. */
function hostOf(prefix: string): string | undefined {
  if (['k8s-container', 'k8s-sidecar', 'k8s-ambassador', 'k8s-adapter'].includes(prefix)) return CONTAINERS_HOST;
  if (['k8s-init-container', 'k8s-native-sidecar'].includes(prefix)) return INIT_HOST;
  if (prefix.startsWith('k8s-probe-') || prefix === 'k8s-resources') return CONTAINER_FIELD_HOST;
  if (prefix === 'k8s-volume-mount') return MOUNTS_HOST;
  if (prefix.startsWith('k8s-volume-')) return VOLUMES_HOST;
  return undefined;
}

/** The host with the snippet at `%HERE%`: each line after the first gets the line's indentation, as in VS Code. */
function insertInto(host: string, body: string): string {
  const at = host.indexOf('%HERE%');
  const lineStart = host.lastIndexOf('\n', at) + 1;
  const indent = host.slice(lineStart, at);
  const indented = body.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
  return host.slice(0, at) + indented + host.slice(at + '%HERE%'.length);
}

function errorsOf(text: string): [string, string, string][] {
  return summarize(diagnosticsOf(text).filter((d) => d.severity === 1));
}

describe('snippets: every snippet expands to a manifest without errors', () => {
  it('are not contributed to VS Code, which would offer them everywhere: the server offers each where it fits', () => {
    const contributed = (manifest as { contributes: { snippets?: unknown } }).contributes.snippets;
    assert.equal(contributed, undefined);
  });

  it('end on their last line of text: no empty or blank line after it', () => {
    for (const [name, snippet] of ENTRIES) {
      const last = snippet.body[snippet.body.length - 1];
      assert.ok(last.replace(/\$0/g, '').trim() !== '', `${name} ends with ${JSON.stringify(last)}`);
    }
  });

  it('use one prefix scheme, k8s-<pattern>, and a one-line description', () => {
    for (const [name, snippet] of ENTRIES) {
      assert.match(snippet.prefix, /^k8s-[a-z0-9-]+$/, name);
      assert.ok(snippet.description.length > 20 && !snippet.description.includes('\n'), name);
    }
    assert.equal(new Set(ENTRIES.map(([, s]) => s.prefix)).size, ENTRIES.length, 'prefixes are unique');
  });

  it('cover the patterns of the issue', () => {
    const prefixes = ENTRIES.map(([, s]) => s.prefix).sort();
    for (const wanted of [
      'k8s-pod', 'k8s-deployment', 'k8s-statefulset', 'k8s-job', 'k8s-cronjob', 'k8s-container', 'k8s-init-container',
      'k8s-native-sidecar', 'k8s-sidecar', 'k8s-ambassador', 'k8s-adapter', 'k8s-probe-http', 'k8s-probe-tcp',
      'k8s-probe-exec', 'k8s-probe-grpc', 'k8s-resources', 'k8s-volume-emptydir', 'k8s-volume-configmap',
      'k8s-volume-secret', 'k8s-volume-pvc', 'k8s-volume-mount',
    ]) {
      assert.ok(prefixes.includes(wanted), `${wanted} in ${prefixes.join(', ')}`);
    }
  });

  for (const [name, snippet] of ENTRIES) {
    it(`${snippet.prefix} (${name})`, () => {
      const body = expandSnippet(snippet.body.join('\n'));
      const isDocument = /^apiVersion: /.test(body);
      const host = hostOf(snippet.prefix);
      assert.ok(isDocument || host, `${snippet.prefix} needs a host manifest in this test`);
      const text = isDocument ? body + '\n' : insertInto(host!, body.replace(/\n$/, ''));
      assert.deepEqual(errorsOf(text), [], text);
    });
  }

  it('a container snippet says which list it goes under (VS Code offers snippets everywhere in YAML)', () => {
    for (const [name, snippet] of ENTRIES) {
      const host = hostOf(snippet.prefix);
      if (host === INIT_HOST) assert.match(snippet.description, /^Under initContainers[:,]/, name);
      else if (host === CONTAINERS_HOST) assert.match(snippet.description, /^Under containers: /, name);
    }
    assert.match((snippets as Record<string, Snippet>)['Native sidecar'].description, /^Under initContainers, not containers: /);
  });

  it('the native sidecar is an init container with restartPolicy Always', () => {
    const body = (snippets as Record<string, Snippet>)['Native sidecar'].body.join('\n');
    assert.match(body, /^ {2}restartPolicy: Always$/m);
  });
});
