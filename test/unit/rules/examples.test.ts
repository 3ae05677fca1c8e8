import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnosticsOf } from '../support/service';

const example = (name: string) => readFileSync(path.resolve(__dirname, '../../../examples', name), 'utf8');

describe('examples of the Pod rules', () => {
  it('pod-rules.yaml has one finding on each line that ends with a comment, and none elsewhere', () => {
    const text = example('pod-rules.yaml');
    const marked = text
      .split('\n')
      .map((line, i) => (/^\s*[^#\s].*\s#\s/.test(line) ? i : -1))
      .filter((i) => i >= 0);
    const found = diagnosticsOf(text).map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(found, marked);
  });

  it('pod-rules.yaml shows the Pod rules, each once', () => {
    const codes = diagnosticsOf(example('pod-rules.yaml')).map((d) => String(d.code)).sort();
    assert.deepEqual(codes, [
      'cron-schedule', 'duplicate-container-name', 'fractional-bytes', 'image-tag', 'init-container-field', 'invalid-label',
      'job-blocking-sidecar', 'mount-not-found', 'probe-named-port', 'request-exceeds-limit', 'selector-mismatch',
      'shared-container-port', 'unused-volume', 'workload-restart-policy',
    ]);
  });

  it('pod-rules-clean.yaml, a multi-container Deployment and a Job with a native sidecar, has no finding at all', () => {
    assert.deepEqual(diagnosticsOf(example('pod-rules-clean.yaml')).map((d) => `${d.code} ${d.range.start.line}`), []);
  });
});
