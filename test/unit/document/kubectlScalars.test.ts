/**
 * Plain scalars read as kubectl reads them (sigs.k8s.io/yaml on go-yaml v2, YAML 1.1), and what that means for
 * manifests: the traps in env values, labels, annotations, file modes and ports.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { kubectlValueOf } from '../../../server/src/document/kubectlScalars';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { coveredText, diagnosticsOf, service, sourceOf, withCursor, yaml } from '../support/service';

describe('kubectl scalars: go-yaml v2 resolution of plain scalars', () => {
  const table: [string, unknown][] = [
    // YAML 1.1 booleans, every spelling go-yaml knows, and what stays a string.
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((w): [string, unknown] => [w, true]),
    ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((w): [string, unknown] => [w, false]),
    ['yEs', 'yEs'],
    ['oN', 'oN'],
    ['nope', 'nope'],
    // Nulls.
    ['~', null],
    ['null', null],
    ['NULL', null],
    ['nULL', 'nULL'],
    // Integers: Go's base prefixes after every `_` is dropped; a leading 0 is octal.
    ['0644', 420],
    ['0755', 493],
    ['0o644', 420],
    ['0x1F', 31],
    ['-0x1F', -31],
    ['+0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['1__0_0', 100],
    ['+12', 12],
    ['0', 0],
    ['00', 0],
    // Not octal, so Go's integer parse fails; the float grammar still reads it.
    ['08', 8],
    ['0x', '0x'],
    // Floats.
    ['1e3', 1000],
    ['.5', 0.5],
    ['+.5', 0.5],
    ['1.', 1],
    ['.5_0', '.5_0'],
    ['1e999', '1e999'],
    ['.inf', Number.POSITIVE_INFINITY],
    ['-.Inf', Number.NEGATIVE_INFINITY],
    // Base 60 is not supported by go-yaml v2 (YAML 1.1 had it): text.
    ['1:30', '1:30'],
    ['190:20:30', '190:20:30'],
    // Timestamps stay the text they are written as when the target is untyped, as in kubectl's conversion to JSON.
    ['2024-01-31', '2024-01-31'],
    ['_1', '_1'],
    ['12abc', '12abc'],
    ['<<', '<<'],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} is ${typeof expected === 'string' ? `the string ${JSON.stringify(expected)}` : String(expected)}`, () => {
      assert.ok(Object.is(kubectlValueOf(text), expected), `got ${String(kubectlValueOf(text))}`);
    });
  }
});

describe('kubectl scalars: YAML 1.1 traps in manifests', () => {
  const pod = (...container: string[]) =>
    yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  labels: {enabled: on, tier: "on"}',
      '  annotations:',
      '    sidecar.istio.io/inject: no',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: busybox:1.36',
      '      resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}',
      ...container,
    );
  const found = (text: string) => diagnosticsOf(text).map((d) => [d.code, d.severity, coveredText(text, d), d.message]);

  it('`value: yes` in an env var, a label `on`, an annotation `no`: errors that say what the API server receives', () => {
    const text = pod('      env:', '        - name: VERBOSE', '          value: yes', '        - name: QUOTED', '          value: "yes"');
    assert.deepEqual(found(text), [
      [
        'wrong-type',
        1,
        'on',
        '`enabled` must be a string, but kubectl reads the unquoted `on` as the boolean true (YAML 1.1 rules; YAML 1.2 tools read the string "on"), and the API server rejects it: quote it ("on").',
      ],
      [
        'wrong-type',
        1,
        'no',
        '`sidecar.istio.io/inject` must be a string, but kubectl reads the unquoted `no` as the boolean false (YAML 1.1 rules; YAML 1.2 tools read the string "no"), and the API server rejects it: quote it ("no").',
      ],
      [
        'wrong-type',
        1,
        'yes',
        '`value` must be a string, but kubectl reads the unquoted `yes` as the boolean true (YAML 1.1 rules; YAML 1.2 tools read the string "yes"), and the API server rejects it: quote it ("yes").',
      ],
    ]);
  });

  it('the quick fix quotes the value, and the error goes away', () => {
    const text = pod('      env:', '        - name: VERBOSE', '          value: Y');
    const source = sourceOf(text);
    const diagnostic = service.validate(source, DEFAULT_SETTINGS).find((d) => d.code === 'wrong-type' && coveredText(text, d) === 'Y')!;
    const [fix] = service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, DEFAULT_SETTINGS);
    assert.equal(fix.title, 'Quote `Y` to make it a string');
    const after = TextDocument.applyEdits(source.textDocument, fix.edit!.changes![source.textDocument.uri]);
    assert.ok(after.includes('          value: "Y"\n'));
    assert.deepEqual(diagnosticsOf(after).filter((d) => coveredText(after, d) === '"Y"'), []);
  });

  it('a YAML 1.1 boolean where a boolean belongs is what kubectl sends: no finding', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: yes', '  containers:', '    - name: app', '      image: busybox:1.36', '      tty: on', '      stdin: n', '      resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}');
    // yes is true to kubectl: the host-network practice sees it as hostNetwork: true, and nothing else is said.
    assert.deepEqual(found(text).filter((f) => f[0] !== 'host-namespaces'), []);
    assert.deepEqual(found(text).map((f) => [f[0], f[2]]), [['host-namespaces', 'yes']]);
  });

  it('file modes: `0644` and `0o644` are 420 (accepted), `755` is decimal (rejected), `0x1ED` is 493', () => {
    const volume = (mode: string) =>
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: busybox:1.36',
        '      resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}',
        '      volumeMounts: [{name: cfg, mountPath: /cfg}]',
        '  volumes:',
        '    - name: cfg',
        '      configMap:',
        '        name: cfg',
        `        defaultMode: ${mode}`,
      );
    for (const mode of ['0644', '0o644', '0x1ED', '1_0']) assert.deepEqual(found(volume(mode)), [], mode);
    assert.deepEqual(found(volume('755')).map(([code, severity, text]) => [code, severity, text]), [['file-mode', 1, '755']]);
  });

  it('ports: `0x1F90` is port 8080 and `8_080` too; `80:80` is a string (base 60 is not a number for kubectl)', () => {
    const text = pod('      ports:', '        - containerPort: 0x1F90', '        - containerPort: 8_081', '        - containerPort: 80:80');
    const ports = diagnosticsOf(text).filter((d) => coveredText(text, d).includes('80'));
    assert.deepEqual(
      ports.map((d) => [d.code, coveredText(text, d)]),
      [['wrong-type', '80:80']],
    );
  });
});

describe('kubectl scalars: hover', () => {
  it('on `defaultMode: 0644` says what the API server receives and what YAML 1.2 tools read', () => {
    const { source, position } = withCursor(
      yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: busybox:1.36}]', '  volumes:', '    - name: v', '      secret: {secretName: s, defaultMode: 06|44}'),
    );
    const hover = service.hover(source, position, DEFAULT_SETTINGS);
    const text = JSON.stringify(hover?.contents);
    assert.ok(text.includes('kubectl reads `0644` as the number 420 (YAML 1.1 rules): that is what the API server receives. YAML 1.2 tools read the number 644.'), text);
  });

  it('says nothing of the kind where both read the same (`420`)', () => {
    const { source, position } = withCursor(
      yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: busybox:1.36}]', '  volumes:', '    - name: v', '      secret: {secretName: s, defaultMode: 4|20}'),
    );
    assert.ok(!JSON.stringify(service.hover(source, position, DEFAULT_SETTINGS)?.contents).includes('kubectl reads'));
  });
});
