import assert from 'node:assert/strict';
import { normalizeSettings } from '../../../server/src/core/settings';
import { compareVersions, isSupportedVersion, nextVersion } from '../../../server/src/versions/kubernetesVersion';

describe('versions: the targeted Kubernetes version', () => {
  it('podsmith.kubernetesVersion accepts 1.28 to 1.36', () => {
    for (const v of ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']) {
      assert.equal(normalizeSettings({ kubernetesVersion: v }).kubernetesVersion, v);
    }
  });

  it('anything else falls back to the newest, 1.36: versions without tables, numbers, garbage', () => {
    for (const v of ['1.27', '1.37', '2.0', '1.3', 1.3, '', 'latest', null, undefined]) {
      assert.equal(normalizeSettings({ kubernetesVersion: v }).kubernetesVersion, '1.36', String(v));
    }
    assert.equal(normalizeSettings(undefined).kubernetesVersion, '1.36');
  });

  it('compares versions by number, not as text', () => {
    assert.ok(compareVersions('1.9', '1.10') < 0);
    assert.ok(compareVersions('1.36', '1.28') > 0);
    assert.equal(compareVersions('1.30', '1.30'), 0);
    assert.equal(nextVersion('1.35'), '1.36');
    assert.equal(isSupportedVersion('1.28'), true);
    assert.equal(isSupportedVersion('1.27'), false);
  });
});
