import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor } from './support/applyEdits';
import { LspServer } from './support/lspServer';

/**
 * Quick fixes through the bundled server, as an editor applies them: ask the actions of one published diagnostic,
 * apply the chosen action's edit, send the new text, and check the exact text, that the diagnostic is gone and
 * that no diagnostic appeared that was not there before. A smoke test or two per fix family module, that the
 * server offers and applies the fix over the wire (positions of the file, the select command, fix all, source
 * actions); every shape of every fix is in the unit fix table (test/unit/codeActions/fixes/).
 *
 * missing-resources (a hint on every container without resources) is off, so that a renamed or added container
 * does not add a hint that has nothing to do with the fix.
 */
const SETTINGS = { rules: { 'missing-resources': 'off' } };

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const at = (d: { range: { start: { line: number; character: number } } }) => `${d.range.start.line}:${d.range.start.character}`;
const span = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

interface Case {
  readonly name: string;
  readonly text: string;
  /** The diagnostic to fix: its code, and its start `line:col` when the code appears more than once. */
  readonly code: string;
  readonly at?: string;
  /** The exact title of the action to apply. */
  readonly title: string;
  readonly expected: string;
  /** The range the action's command selects afterwards (a placeholder), as `line:col-line:col`. */
  readonly selects?: string;
}

const CASES: Case[] = [
  // ---- misplaced-field
  {
    name: 'moves volumes written in a container to the PodSpec, appending to its volumes list',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: shop',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: shop:1.4.2',
      '      volumeMounts:',
      '        - {name: cache, mountPath: /cache}',
      '        - {name: data, mountPath: /data}',
      '      # scratch space',
      '      volumes:',
      '        - name: data # the shop data',
      '          emptyDir: {}',
      '  volumes:',
      '    - name: cache',
      '      emptyDir: {}',
    ),
    code: 'misplaced-field',
    title: 'Move `volumes` to the Pod (spec)',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: shop',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: shop:1.4.2',
      '      volumeMounts:',
      '        - {name: cache, mountPath: /cache}',
      '        - {name: data, mountPath: /data}',
      '      # scratch space',
      '  volumes:',
      '    - name: cache',
      '      emptyDir: {}',
      '    - name: data # the shop data',
      '      emptyDir: {}',
    ),
  },
  // ---- unknown-field, invalid-enum
  {
    name: 'renames an unknown field to its close match',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      imagePulPolicy: Always'),
    code: 'unknown-field',
    title: 'Rename to `imagePullPolicy`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      imagePullPolicy: Always'),
  },
  // ---- wrong-type
  {
    name: 'unquotes a quoted port number',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: "8080"'),
    code: 'wrong-type',
    title: 'Remove the quotes: `8080`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      ports:', '        - containerPort: 8080'),
  },
  // ---- missing-required
  {
    name: 'adds containers with one container, its image placeholder selected',
    text: lines('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', 'spec:', '  template:', '    spec:', '      restartPolicy: Never'),
    code: 'missing-required',
    title: 'Add `containers` with one container',
    expected: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: j',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '        - name: app',
      '          image: IMAGE',
    ),
    selects: '10:17-10:22',
  },
  // ---- volumes
  {
    name: 'defines the emptyDir volume a mount refers to, creating spec.volumes',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: web', '    image: web:1', '    volumeMounts:', '    - name: scratch', '      mountPath: /tmp'),
    code: 'mount-not-found',
    title: 'Add an emptyDir volume `scratch` to spec.volumes',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: web:1',
      '    volumeMounts:',
      '    - name: scratch',
      '      mountPath: /tmp',
      '  volumes:',
      '  - name: scratch',
      '    emptyDir: {}',
    ),
  },
  // ---- duplicates and port clashes
  {
    name: 'renames a duplicate container name to the first free one',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}', '    - {name: web, image: "web:3"}'),
    code: 'duplicate-container-name',
    title: 'Rename to `web-3`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - {name: web, image: "web:1"}', '    - {name: web-2, image: "web:2"}', '    - {name: web-3, image: "web:3"}'),
  },
  {
    name: 'renames an invalid volume name together with every mount of it',
    text: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: a:1',
      '      volumeMounts: [{name: app_data, mountPath: /a}]',
      '    - name: b',
      '      image: b:1',
      '      volumeMounts:',
      '        - name: "app_data"',
      '          mountPath: /b',
      '  volumes:',
      '    - name: app_data',
      '      emptyDir: {}',
    ),
    code: 'invalid-volume-name',
    title: 'Rename to `app-data` (and its 2 mounts)',
    expected: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: a:1',
      '      volumeMounts: [{name: app-data, mountPath: /a}]',
      '    - name: b',
      '      image: b:1',
      '      volumeMounts:',
      '        - name: "app-data"',
      '          mountPath: /b',
      '  volumes:',
      '    - name: app-data',
      '      emptyDir: {}',
    ),
  },
  // ---- resources
  {
    name: 'raises a limit to the request',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: 512Mi}', '        limits: {memory: 256Mi}'),
    code: 'request-exceeds-limit',
    title: 'Raise the memory limit to `512Mi`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web:1', '      resources:', '        requests: {memory: 512Mi}', '        limits: {memory: 512Mi}'),
  },
  // ---- one value or one field of a Pod rule
  {
    name: "sets a Deployment template's restartPolicy to Always",
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      restartPolicy: OnFailure', '      containers: [{name: a, image: "a:1"}]'),
    code: 'workload-restart-policy',
    title: 'Change to `Always`',
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      restartPolicy: Always', '      containers: [{name: a, image: "a:1"}]'),
  },
  {
    name: "sets the template's label to the value the selector requires",
    text: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: api', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
    code: 'selector-mismatch',
    title: "Set the template's label to `app: web`",
    expected: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers: [{name: a, image: "a:1"}]'),
  },
  // ---- native sidecar
  {
    name: "turns a Job's long-running helper into a native sidecar",
    text: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: migrate',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '        - name: migrate',
      '          image: migrate:3.1',
      '        - name: proxy # reaches the database',
      '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0',
      '          args: ["--port=5432"]',
    ),
    code: 'job-blocking-sidecar',
    title: 'Make `proxy` a native sidecar (initContainers with restartPolicy: Always)',
    expected: lines(
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: migrate',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      initContainers:',
      '        - name: proxy # reaches the database',
      '          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0',
      '          args: ["--port=5432"]',
      '          restartPolicy: Always',
      '      containers:',
      '        - name: migrate',
      '          image: migrate:3.1',
    ),
  },
  // ---- apiVersion
  {
    name: 'replaces a removed apiVersion and adds the selector apps/v1 requires, from the template labels',
    text: lines(
      'apiVersion: extensions/v1beta1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '        tier: "front"',
      '    spec:',
      '      containers:',
      '        - {name: web, image: "web:1"}',
    ),
    code: 'removed-api-version',
    title: 'Use `apiVersion: apps/v1` and add the selector it requires',
    expected: lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '      tier: "front"',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '        tier: "front"',
      '    spec:',
      '      containers:',
      '        - {name: web, image: "web:1"}',
    ),
  },
  // ---- practices
  {
    name: 'renames the deprecated serviceAccount field',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  serviceAccount: shop', '  containers:', '    - {name: web, image: "web:1"}'),
    code: 'deprecated-service-account',
    title: 'Rename to `serviceAccountName`',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  serviceAccountName: shop', '  containers:', '    - {name: web, image: "web:1"}'),
  },
  // ---- disable
  {
    name: 'disables the rule on the line, at its indentation',
    text: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      image: web'),
    code: 'image-tag',
    title: 'Disable `image-tag` for this line',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      # podsmith-disable-next-line image-tag', '      image: web'),
  },
  // ---- multi-document
  {
    name: 'fixes a finding of the second document of a file at its own lines',
    text: lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data: {a: "1"}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '      imagePullPolicy: always',
    ),
    code: 'invalid-enum',
    title: 'Change to `Always`',
    expected: lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data: {a: "1"}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: web:1',
      '      imagePullPolicy: Always',
    ),
  },
];

describe('protocol: quick fixes over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start({ settings: SETTINGS })));
  after(async () => server.stop());

  let counter = 0;
  async function fix(c: Case): Promise<{ action: CodeAction; after: string; diagnostics: Diagnostic[]; fixed: Diagnostic; before: Diagnostic[] }> {
    const uri = `file:///quickfix/${++counter}.yaml`;
    const before = await server.open(uri, c.text);
    const candidates = before.filter((d) => d.code === c.code && (!c.at || at(d) === c.at));
    assert.equal(candidates.length, 1, `one ${c.code} diagnostic${c.at ? ` at ${c.at}` : ''}, got: ${before.map((d) => `${d.code}@${at(d)}`).join(', ')}`);
    const fixed = candidates[0];
    const actions = (await server.codeActions(uri, fixed.range, [fixed])) ?? [];
    const action = actions.find((a) => a.title === c.title);
    assert.ok(action, `action "${c.title}" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics?.map((d) => d.code), [c.code]);
    const after = applyTextEdits(c.text, editsFor(action.edit, uri));
    const diagnostics = await server.change(uri, [{ text: after }]);
    server.close(uri);
    return { action, after, diagnostics, fixed, before };
  }

  for (const c of CASES) {
    it(c.name, async () => {
      const { action, after, diagnostics, fixed, before } = await fix(c);
      assert.equal(after, c.expected);
      const key = (d: Diagnostic) => `${d.code}: ${d.message}`;
      assert.ok(!diagnostics.some((d) => key(d) === key(fixed)), `still reported: ${key(fixed)}`);
      const known = new Set(before.map(key));
      assert.deepEqual(diagnostics.filter((d) => !known.has(key(d))).map(key), [], 'no new diagnostic');
      if (c.selects) {
        assert.equal(action.command?.command, 'podsmith.selectRange');
        const [, range] = action.command!.arguments as [string, Parameters<typeof span>[0]];
        assert.equal(span(range), c.selects);
        const selected = after.split('\n')[range.start.line].slice(range.start.character, range.end.character);
        assert.equal(selected, 'IMAGE');
      } else {
        assert.equal(action.command, undefined);
      }
    });
  }

  const twoDocuments = lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    '  labels: {version: 2}',
    'spec:',
    '  restartPolicy: never',
    '  containers:',
    '    - name: web',
    '      image: web:1',
    '      ports: [{containerPort: "80"}]',
    '---',
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: agent',
    'spec:',
    '  selector: {matchLabels: {app: agent}}',
    '  template:',
    '    metadata: {labels: {app: agent}}',
    '    spec:',
    '      containers:',
    '        - name: agent',
    '          image: agent:1',
    '          imagePullPolicy: never',
    '          env: [{name: PORT, value: 9100}]',
    '---',
    'apiVersion: apps/v1beta2',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    '  serviceName: db',
    '  template:',
    '    metadata: {labels: {app: db}}',
    '    spec:',
    '      containers:',
    '        - name: db',
    '          image: postgres:17',
  );

  it('fixes all findings of one kind in the file with one quick fix, when there are several', async () => {
    const uri = 'file:///quickfix/fix-all-kind.yaml';
    const before = await server.open(uri, twoDocuments);
    const enums = before.filter((d) => d.code === 'invalid-enum');
    assert.deepEqual(enums.map(at), ['6:17', '24:27']);
    const actions = (await server.codeActions(uri, enums[0].range, [enums[0]])) ?? [];
    const all = actions.find((a) => a.title === 'Fix all invalid-enum problems in the file');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(all.kind, 'quickfix');
    assert.equal(all.diagnostics?.length, 2);
    const after = applyTextEdits(twoDocuments, editsFor(all.edit, uri));
    assert.match(after, /restartPolicy: Never\n/);
    assert.match(after, /imagePullPolicy: Never\n/);
    const diagnostics = await server.change(uri, [{ text: after }]);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'invalid-enum'), []);
    server.close(uri);
  });

  it('answers a source.fixAll request with one action that fixes every safe finding of the file', async () => {
    const uri = 'file:///quickfix/fix-all-source.yaml';
    const before = await server.open(uri, twoDocuments);
    const actions = (await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable Podsmith problems', 'source.fixAll.podsmith']]);
    const after = applyTextEdits(twoDocuments, editsFor(actions[0].edit, uri));
    assert.equal(
      after,
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: p',
        '  labels: {version: "2"}',
        'spec:',
        '  restartPolicy: Never',
        '  containers:',
        '    - name: web',
        '      image: web:1',
        '      ports: [{containerPort: 80}]',
        '---',
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata:',
        '  name: agent',
        'spec:',
        '  selector: {matchLabels: {app: agent}}',
        '  template:',
        '    metadata: {labels: {app: agent}}',
        '    spec:',
        '      containers:',
        '        - name: agent',
        '          image: agent:1',
        '          imagePullPolicy: Never',
        '          env: [{name: PORT, value: "9100"}]',
        '---',
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: db',
        'spec:',
        '  serviceName: db',
        '  selector:',
        '    matchLabels:',
        '      app: db',
        '  template:',
        '    metadata: {labels: {app: db}}',
        '    spec:',
        '      containers:',
        '        - name: db',
        '          image: postgres:17',
      ),
    );
    assert.deepEqual(before.map((d) => d.code), ['wrong-type', 'invalid-enum', 'wrong-type', 'invalid-enum', 'wrong-type', 'removed-api-version']);
    assert.deepEqual(await server.change(uri, [{ text: after }]), []);
    server.close(uri);
  });

  it('returns only quick fixes when asked for quick fixes, and nothing for a clean line', async () => {
    const uri = 'file:///quickfix/only.yaml';
    await server.open(uri, twoDocuments);
    const quick = (await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, [], ['quickfix'])) ?? [];
    assert.deepEqual(quick, []);
    const onEnum = (await server.codeActions(uri, { start: { line: 6, character: 17 }, end: { line: 6, character: 17 } }, [], ['quickfix'])) ?? [];
    assert.deepEqual(onEnum.map((a) => [a.title, a.kind]), [
      ['Change to `Never`', 'quickfix'],
      ['Change to `Always`', 'quickfix'],
      ['Change to `OnFailure`', 'quickfix'],
      ['Fix all invalid-enum problems in the file', 'quickfix'],
      ['Disable `invalid-enum` for this line', 'quickfix'],
    ]);
    server.close(uri);
  });

});
