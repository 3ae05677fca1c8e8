import assert from 'node:assert/strict';
import { freeName } from '../../../server/src/codeActions/fix';
import { nameFromImage } from '../../../server/src/codeActions/missingRequired';

describe('codeActions: names a fix writes', () => {
  const images: [string, string | undefined][] = [
    ['nginx:1.27', 'nginx'],
    ['registry.io/team/api:v2', 'api'],
    ['localhost:5000/web', 'web'],
    ['ghcr.io/org/My_App:1.0@sha256:abc', 'my-app'],
    ['quay.io/prometheus/node-exporter', 'node-exporter'],
    ['__', undefined],
  ];
  for (const [image, name] of images) {
    it(`names a container of ${image} ${name ?? '(nothing: the fix falls back to app)'}`, () => assert.equal(nameFromImage(image), name));
  }

  it('finds the first free name-N, within the length limit', () => {
    assert.equal(freeName('web', new Set(['web'])), 'web-2');
    assert.equal(freeName('web', new Set(['web', 'web-2', 'web-3'])), 'web-4');
    assert.equal(freeName('web-2', new Set(['web', 'web-2'])), 'web-3');
    assert.equal(freeName('metrics-port', new Set(['metrics-port']), 15), 'metrics-port-2');
    assert.equal(freeName('metrics-portal', new Set(['metrics-portal']), 15), 'metrics-porta-2');
  });
});
