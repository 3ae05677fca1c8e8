import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../../server/src/rules/index';
import { DEFAULT_SETTINGS, RULE_PROFILES } from '../../../server/src/core/settings';
import { PROJECT_CONFIG_KEYS } from '../../../server/src/service/projectConfig';
import { NEWEST_VERSION, SUPPORTED_VERSIONS } from '../../../server/src/versions/kubernetesVersion';

/** The settings the extension contributes match what the server reads (package.json contributes.configuration). */
const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>;

describe('contributed settings for validation', () => {
  it('podsmith.kubernetesVersion: 1.28 to 1.36, the versions the server has tables for, defaulting to the newest', () => {
    const setting = properties['podsmith.kubernetesVersion'];
    assert.deepEqual(setting.enum, ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
    assert.deepEqual(setting.enum, [...SUPPORTED_VERSIONS]);
    // The default is defined once, by the server (the newest version it has tables for); package.json repeats it.
    assert.equal(setting.default, NEWEST_VERSION);
    assert.equal(setting.default, DEFAULT_SETTINGS.kubernetesVersion);
  });

  it('every setting is per folder (scope resource), as the .podsmith.yaml that can set each of them is', () => {
    const keys = Object.keys(properties).map((name) => name.replace(/^podsmith\./, '').split('.')[0]);
    assert.deepEqual([...new Set(keys)].sort(), [...PROJECT_CONFIG_KEYS].sort());
    for (const [name, setting] of Object.entries(properties)) assert.equal(setting.scope, 'resource', name);
  });

  it('podsmith.profile: api, recommended or strict, defaulting to the server default, each value described', () => {
    const setting = properties['podsmith.profile'];
    assert.deepEqual(setting.enum, [...RULE_PROFILES]);
    assert.equal(setting.default, DEFAULT_SETTINGS.profile);
    assert.equal(setting.default, 'recommended');
    assert.equal((setting.enumDescriptions as string[]).length, 3);
  });

  it('podsmith.rules: an object of rule id to a level', () => {
    const setting = properties['podsmith.rules'];
    assert.equal(setting.type, 'object');
    assert.deepEqual((setting.additionalProperties as { enum: string[] }).enum, ['off', 'error', 'warning', 'information', 'hint']);
    assert.match(String(setting.description), /by rule id/);
    const idPattern = new RegExp((setting.propertyNames as { pattern: string }).pattern);
    for (const id of ALL_RULES.keys()) assert.match(id, idPattern);
  });

  it('podsmith.validate.yamlSyntax: auto, true or false, defaulting to auto', () => {
    const setting = properties['podsmith.validate.yamlSyntax'];
    assert.deepEqual(setting.type, ['boolean', 'string']);
    assert.deepEqual(setting.enum, ['auto', true, false]);
    assert.equal(setting.default, 'auto');
    assert.match(String(setting.description), /Red Hat's YAML extension/);
  });

  it('every schema rule is registered with a rationale', () => {
    for (const id of ['unknown-field', 'misplaced-field', 'wrong-type', 'invalid-enum', 'missing-required', 'invalid-quantity', 'int-or-string', 'removed-api-version', 'unknown-api-version']) {
      const rule = ALL_RULES.get(id);
      assert.ok(rule, `${id} is registered`);
      assert.ok(rule.rationale.length > 20 && !rule.rationale.includes('\n'), `${id} has a one-line rationale`);
    }
  });
});
