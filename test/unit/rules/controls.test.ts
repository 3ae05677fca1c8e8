import assert from 'node:assert/strict';
import { findings, lines } from './support';

/** The two controls a person has over a rule: settings.rules, and `# podsmith-disable-next-line`. */
const manifest = (comment?: string) =>
  lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: web',
    ...(comment ? [`      ${comment}`] : []),
    '      image: nginx',
    '      resources:',
    '        requests: {cpu: 100m}',
  );

describe('rule controls', () => {
  it('reports image-tag without a control', () => {
    assert.equal(findings(manifest(), 'image-tag').length, 1);
  });

  const cases: [string, string | undefined, Record<string, 'off' | 'error'> | undefined, number, number?][] = [
    ['a comment naming the rule silences it', '# podsmith-disable-next-line image-tag', undefined, 0],
    ['a comment naming several rules, comma-separated', '# podsmith-disable-next-line missing-resources, image-tag', undefined, 0],
    ['a comment without ids silences every rule on the next line', '# podsmith-disable-next-line', undefined, 0],
    ['a comment naming another rule leaves it', '# podsmith-disable-next-line unused-volume', undefined, 1],
    ['settings switch the rule off', undefined, { 'image-tag': 'off' }, 0],
    ['settings raise it to an error', undefined, { 'image-tag': 'error' }, 1, 1],
  ];
  for (const [title, comment, rules, count, severity] of cases) {
    it(title, () => {
      const found = findings(manifest(comment), 'image-tag', rules ? { rules } : {});
      assert.equal(found.length, count);
      if (severity) assert.equal(found[0].severity, severity);
    });
  }

  it('a comment two lines above does not reach', () => {
    const text = manifest('# podsmith-disable-next-line image-tag').replace('      image: nginx', '      imagePullPolicy: Always\n      image: nginx');
    assert.equal(findings(text, 'image-tag').length, 1);
  });
});
