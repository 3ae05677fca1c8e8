import assert from 'node:assert/strict';
import { ALL_RULES } from '../../../server/src/rules/index';
import { normalizeSettings, profileIncludes, RULE_PROFILES } from '../../../server/src/core/settings';
import { lines } from '../rules/support';
import { diagnosticsOf, settingsWith } from '../support/service';

/** podsmith.profile decides which rules are on; podsmith.rules overrides it both ways. */
describe('profiles', () => {
  // identical-probes is a recommended practice; the duplicate key is an api error.
  const manifest = lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: nginx:1.27',
    '      livenessProbe:',
    '        httpGet: {path: /healthz, port: 80}',
    '      readinessProbe:',
    '        httpGet: {path: /healthz, port: 80}',
  );
  // Only identical-probes is looked at: the other practices this small Pod skips are not the point here.
  const codes = (overrides: Parameters<typeof settingsWith>[0]) =>
    diagnosticsOf(manifest, settingsWith(overrides)).map((d) => String(d.code)).filter((code) => code === 'identical-probes');

  it('every rule names a profile', () => {
    for (const rule of ALL_RULES.values()) assert.ok(RULE_PROFILES.includes(rule.profile), rule.id);
  });

  it('each profile includes the smaller ones', () => {
    assert.deepEqual(
      RULE_PROFILES.map((setting) => RULE_PROFILES.filter((rule) => profileIncludes(setting, rule))),
      [['api'], ['api', 'recommended'], ['api', 'recommended', 'strict']],
    );
  });

  it('recommended (the default) reports a recommended rule; api does not', () => {
    assert.deepEqual(codes({}), ['identical-probes']);
    assert.deepEqual(codes({ profile: 'recommended' }), ['identical-probes']);
    assert.deepEqual(codes({ profile: 'api' }), []);
  });

  it('podsmith.rules switches a rule on outside its profile, at the level it names', () => {
    const found = diagnosticsOf(manifest, settingsWith({ profile: 'api', rules: { 'identical-probes': 'information' } }));
    assert.deepEqual(found.map((d) => [d.code, d.severity]).filter(([code]) => code === 'identical-probes'), [['identical-probes', 3]]);
    assert.deepEqual(found.filter((d) => ALL_RULES.get(String(d.code))?.profile !== 'api' && d.code !== 'identical-probes'), []);
  });

  it('podsmith.rules switches a rule of the profile off', () => {
    assert.deepEqual(codes({ profile: 'strict', rules: { 'identical-probes': 'off' } }), []);
  });

  it('api rules are reported under every profile', () => {
    const broken = manifest.replace('  name: web\n', '  name: Web_1\n');
    for (const profile of RULE_PROFILES) {
      assert.ok(diagnosticsOf(broken, settingsWith({ profile })).some((d) => d.code === 'invalid-metadata-name'), profile);
    }
  });

  it('the setting is read from the configuration, recommended when missing or unknown', () => {
    assert.equal(normalizeSettings({ profile: 'strict' }).profile, 'strict');
    assert.equal(normalizeSettings({ profile: 'api' }).profile, 'api');
    assert.equal(normalizeSettings({ profile: 'everything' }).profile, 'recommended');
    assert.equal(normalizeSettings({}).profile, 'recommended');
  });
});
