/**
 * Template detection by structure: a Go template directive makes a document a template only where it stands in
 * place of YAML structure; inside quotes, block scalars, comments and plain words it is text, and every check runs.
 */
import assert from 'node:assert/strict';
import { maskTemplateDirectives } from '../../../server/src/document/templateMasking';
import { coveredText, diagnosticsOf, yaml } from '../support/service';

const RESOURCES = '      resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}';

/** A Pod whose second container repeats the first one's name: a finding that shows the Pod checks ran. */
function podWith(...lines: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    ...lines,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: busybox:1.36',
    RESOURCES,
    '    - name: app',
    '      image: busybox:1.36',
    RESOURCES,
  );
}

function found(text: string): string[] {
  return diagnosticsOf(text).map((d) => `${d.code} ${coveredText(text, d)}`);
}

describe('templates: directives that are text', () => {
  it('`args: ["{{ x"]` (valid YAML) has no syntax error', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: app', '      image: busybox:1.36', '      args: ["{{ x"]', RESOURCES);
    assert.deepEqual(found(text), []);
  });

  it('a Go template in quoted args does not switch off the checks', () => {
    const text = podWith().replace('      image: busybox:1.36\n', '      image: busybox:1.36\n      args: ["--format={{.Name}}"]\n');
    assert.deepEqual(found(text), ['duplicate-container-name app']);
  });

  it('a Go template in a plain word of args is text too', () => {
    const text = podWith().replace('      image: busybox:1.36\n', '      image: busybox:1.36\n      args:\n        - --format={{.Name}}\n');
    assert.deepEqual(found(text), ['duplicate-container-name app']);
  });

  it('a Prometheus alert template in a quoted annotation and in a block scalar', () => {
    const text = podWith(
      '  annotations:',
      '    summary: "Instance {{ $labels.instance }} down"',
      '    description: |',
      '      {{ $labels.job }} has been down for more than 5 minutes.',
      '      {{- if $value }} (value {{ $value }}){{ end }}',
    );
    assert.deepEqual(found(text), ['duplicate-container-name app']);
  });

  it('`{{` in a comment', () => {
    assert.deepEqual(found(podWith('  # rendered by {{ .Release.Name }}')), ['duplicate-container-name app']);
  });

  it('envsubst `${VAR}` is plain text: the checks run, the placeholder is not judged', () => {
    const text = podWith('  labels:', '    app: ${APP}');
    assert.deepEqual(found(text), ['duplicate-container-name app']);
    assert.equal(maskTemplateDirectives(text).masked, false);
  });
});

describe('templates: directives where YAML structure is', () => {
  it('a whole line of `{{- if }}` makes a template: syntax checks only, no Pod checks', () => {
    const text = podWith('  {{- if .Values.labels }}', '  labels: {app: x}', '  {{- end }}');
    assert.deepEqual(found(text), []);
  });

  it('a directive at the start of a value, in a flow list, or holding its own quotes is structure', () => {
    for (const line of ['  namespace: {{ .Release.Namespace }}', '  finalizers: [a, {{ .Values.f }}]', '  namespace: "{{ include "ns" . }}"']) {
      const result = maskTemplateDirectives(podWith(line));
      assert.equal(result.masked, true, line);
      assert.equal(result.text.length, podWith(line).length);
    }
  });

  it('an unclosed `{{` masks to the end of its line only: the next line is still read', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: {{ .Values.name', '  labels: [a', 'spec: {}');
    const masked = maskTemplateDirectives(text);
    assert.equal(masked.masked, true);
    assert.ok(masked.text.includes('  labels: [a\n'));
    assert.deepEqual(diagnosticsOf(text).map((d) => `${d.code} ${coveredText(text, d)}`), ['yaml-syntax [']);
  });
});
