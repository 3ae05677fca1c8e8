import assert from 'node:assert/strict';
import { diagnosticsOf, summarize, yaml } from '../support/service';

/**
 * Where the parser could not read a token, the person sees the syntax error alone: the tree it recovered there is
 * a guess, and findings on the guess (an unknown field made of two lines) would point at a mistake no one made.
 */
describe('service: no findings on what the parser only guessed', () => {
  it('a half-typed key (no colon yet) gets the syntax error, not an unknown field joined with the next key', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  containers:',
      '    - name: nginx',
      '      image: nginx:1.27',
      '      imagePu',
      '      ports: [{containerPort: 80}]',
      '      resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 16Mi}}',
    );
    assert.deepEqual(
      summarize(diagnosticsOf(text)).map(([code, range]) => [code, range]),
      [['yaml-syntax', '7:6-8:11']],
    );
  });

  it('other findings of the same document stay', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  restartPolicy: Sometimes',
      '  containers:',
      '    - name: nginx',
      '      image: nginx:1.27',
      '      args: ["a"',
      '      resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 16Mi}}',
    );
    const codes = summarize(diagnosticsOf(text)).map(([code, range]) => `${code} ${range}`);
    assert.ok(codes.includes('yaml-syntax 8:12-8:13'), codes.join('\n'));
    assert.ok(codes.includes('invalid-enum 4:17-4:26'), codes.join('\n'));
  });
});
