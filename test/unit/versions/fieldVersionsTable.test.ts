import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FIELD_VERSIONS_PATH,
  GENERATED_SCHEMA_PATH,
  REPO_ROOT,
  deriveTable,
  findReferenceDir,
  renderTable,
} from '../../../scripts/field-versions';
import {
  TABLE_VERSIONS,
  definitionExistsIn,
  fieldAlwaysThere,
  fieldExistsIn,
  fieldRemovedIn,
  fieldSince,
} from '../../../server/src/versions/fieldVersions';
import { schemaVersion } from '../../../server/src/schema/kubernetesSchema';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { NEWEST_VERSION, SUPPORTED_VERSIONS } from '../../../server/src/versions/kubernetesVersion';

const CORE = 'io.k8s.api.core.v1.';

describe('versions: the committed field table (schemas/generated/field-versions.json)', () => {
  it('is what scripts/field-versions.ts derives from the upstream OpenAPI documents and the generated schema', function () {
    this.timeout(60_000);
    const reference = findReferenceDir();
    if (!reference) {
      console.log('    (skipped: no shared/reference beside the repository)');
      return this.skip();
    }
    if (!existsSync(GENERATED_SCHEMA_PATH)) {
      console.log(`    (skipped: ${path.relative(REPO_ROOT, GENERATED_SCHEMA_PATH)} is not built)`);
      return this.skip();
    }
    assert.equal(readFileSync(FIELD_VERSIONS_PATH, 'utf8'), renderTable(deriveTable(reference, GENERATED_SCHEMA_PATH)));
  });

  it('covers exactly the versions the setting offers', () => {
    assert.deepEqual(TABLE_VERSIONS, SUPPORTED_VERSIONS);
  });

  it('the newest version is the default target and the version of the generated schema', () => {
    assert.equal(NEWEST_VERSION, '1.36');
    assert.equal(DEFAULT_SETTINGS.kubernetesVersion, NEWEST_VERSION);
    assert.equal(schemaVersion(), NEWEST_VERSION);
  });

  it('holds facts only: every entry is a list of version ranges, no prose', () => {
    const table = JSON.parse(readFileSync(FIELD_VERSIONS_PATH, 'utf8')) as { definitions: Record<string, Record<string, string>> };
    for (const [definition, fields] of Object.entries(table.definitions)) {
      assert.match(definition, /^io\.k8s\.[a-z0-9.]+\.[A-Za-z0-9]+$/);
      for (const [field, ranges] of Object.entries(fields)) {
        assert.match(field, /^[A-Za-z0-9$_-]+$/, `${definition}.${field}`);
        assert.match(ranges, /^1\.\d+(\+|-1\.\d+)(,1\.\d+(\+|-1\.\d+))*$/, `${definition}.${field}: ${ranges}`);
      }
    }
  });

  // The fields of the probe, each at the boundary where it appears.
  const added: Array<[string, string, string]> = [
    [`${CORE}PodSecurityContext`, 'appArmorProfile', '1.30'],
    [`${CORE}SecurityContext`, 'appArmorProfile', '1.30'],
    [`${CORE}VolumeMount`, 'recursiveReadOnly', '1.30'],
    [`${CORE}Volume`, 'image', '1.31'],
    [`${CORE}PodSecurityContext`, 'supplementalGroupsPolicy', '1.31'],
    [`${CORE}PodSpec`, 'resources', '1.32'],
    [`${CORE}PodSecurityContext`, 'seLinuxChangePolicy', '1.32'],
    [`${CORE}Lifecycle`, 'stopSignal', '1.33'],
    [`${CORE}EnvVarSource`, 'fileKeyRef', '1.34'],
    [`${CORE}PodSpec`, 'hostnameOverride', '1.34'],
    [`${CORE}Container`, 'restartPolicyRules', '1.34'],
    [`${CORE}LifecycleHandler`, 'sleep', '1.29'],
    [`${CORE}PodAffinityTerm`, 'matchLabelKeys', '1.29'],
    ['io.k8s.api.batch.v1.JobSpec', 'successPolicy', '1.30'],
    ['io.k8s.api.batch.v1.JobSpec', 'managedBy', '1.30'],
    [`${CORE}PodSpec`, 'schedulingGroup', '1.36'],
  ];
  for (const [definition, field, since] of added) {
    it(`${definition.slice(definition.lastIndexOf('.') + 1)}.${field} exists from ${since}, not before`, () => {
      assert.equal(fieldSince(definition, field), since);
      const before = `1.${Number(since.split('.')[1]) - 1}`;
      assert.equal(fieldExistsIn(definition, field, before), false);
      assert.equal(fieldExistsIn(definition, field, since), true);
      assert.equal(fieldExistsIn(definition, field, '1.36'), true);
      assert.equal(fieldAlwaysThere(definition, field), false);
    });
  }

  it('workloadRef exists in 1.35 only; 1.36 removed it', () => {
    assert.equal(fieldExistsIn(`${CORE}PodSpec`, 'workloadRef', '1.34'), false);
    assert.equal(fieldExistsIn(`${CORE}PodSpec`, 'workloadRef', '1.35'), true);
    assert.equal(fieldExistsIn(`${CORE}PodSpec`, 'workloadRef', '1.36'), false);
    assert.equal(fieldRemovedIn(`${CORE}PodSpec`, 'workloadRef'), '1.36');
  });

  it('a resource claim source exists up to 1.30; 1.31 removed it', () => {
    assert.equal(fieldExistsIn(`${CORE}PodResourceClaim`, 'source', '1.30'), true);
    assert.equal(fieldRemovedIn(`${CORE}PodResourceClaim`, 'source'), '1.31');
    assert.equal(fieldSince(`${CORE}PodResourceClaim`, 'resourceClaimName'), '1.31');
  });

  it('a field of every version is there from the oldest on and never removed', () => {
    assert.equal(fieldAlwaysThere(`${CORE}Container`, 'image'), true);
    assert.equal(fieldSince(`${CORE}Container`, 'image'), '1.28');
    assert.equal(fieldRemovedIn(`${CORE}Container`, 'image'), undefined);
    assert.equal(fieldExistsIn(`${CORE}Container`, 'imagee', '1.36'), undefined);
  });

  it('a definition exists only in the versions that have one of its fields', () => {
    assert.equal(definitionExistsIn(`${CORE}VolumeResourceRequirements`, '1.28'), false);
    assert.equal(definitionExistsIn(`${CORE}VolumeResourceRequirements`, '1.29'), true);
    assert.equal(definitionExistsIn(`${CORE}PodSpec`, '1.28'), true);
  });
});
