import assert from 'node:assert/strict';
import { defaultPullPolicy } from '../../../server/src/pod/imageReference';

describe('pod: the imagePullPolicy the API fills in for an image', () => {
  const cases: [image: string, policy: 'Always' | 'IfNotPresent'][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['registry.local:5000/team/app:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef', 'IfNotPresent'],
    ['nginx:latest@sha256:0123456789abcdef', 'Always'],
  ];
  for (const [image, policy] of cases) {
    it(`${image}: ${policy}`, () => assert.equal(defaultPullPolicy(image), policy));
  }
});
