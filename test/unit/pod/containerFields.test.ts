import assert from 'node:assert/strict';
import { fieldsRejectedOn } from '../../../server/src/pod/containerFields';
import type { ContainerList } from '../../../server/src/pod/podModel';

describe('pod: container fields the API rejects by part and version', () => {
  const cases: [list: ContainerList, nativeSidecar: boolean, version: string, rejected: string[]][] = [
    ['initContainers', false, '1.36', ['lifecycle', 'livenessProbe', 'readinessProbe', 'restartPolicyRules', 'startupProbe']],
    ['initContainers', true, '1.36', []],
    ['initContainers', true, '1.35', ['restartPolicyRules']],
    ['containers', false, '1.36', []],
    ['containers', false, '1.35', []],
    ['containers', false, '1.34', ['restartPolicy', 'restartPolicyRules']],
    ['ephemeralContainers', false, '1.34', []],
  ];
  for (const [list, sidecar, version, rejected] of cases) {
    it(`${list}${sidecar ? ' (native sidecar)' : ''} at ${version}: ${rejected.join(', ') || 'nothing'}`, () => {
      assert.deepEqual([...fieldsRejectedOn(list, sidecar, version)].sort(), rejected);
    });
  }
});
