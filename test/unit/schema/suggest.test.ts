import assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../server/src/schema/suggest';

describe('did you mean', () => {
  const container = ['image', 'imagePullPolicy', 'name', 'env', 'envFrom', 'ports', 'volumeMounts', 'volumeDevices', 'resources'];
  const cases: [written: string, expected: string | undefined][] = [
    ['imagePullPolice', 'imagePullPolicy'],
    ['IMAGE', 'image'],
    ['volumeMount', 'volumeMounts'],
    ['evn', 'env'],
    ['port', 'ports'],
    ['nmae', 'name'],
    ['volumes', undefined],
    ['x', undefined],
    ['completelyDifferent', undefined],
  ];
  for (const [written, expected] of cases) {
    it(`${written} → ${expected ?? 'nothing'}`, () => assert.equal(suggest(written, container), expected));
  }

  it('suggests nothing when two names are equally close', () => {
    assert.equal(suggest('cat', ['bat', 'hat']), undefined);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    assert.equal(editDistance('nmae', 'name'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
});
