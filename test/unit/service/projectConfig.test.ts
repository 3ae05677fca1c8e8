import assert from 'node:assert/strict';
import packageJson from '../../../package.json';
import { PROJECT_CONFIG_KEYS, readProjectConfig, withProjectConfig } from '../../../server/src/service/projectConfig';
import { normalizeSettings } from '../../../server/src/core/settings';

/** Each problem as [the text it covers, its message], which says exactly where it is. */
function problems(text: string): [string, string][] {
  return readProjectConfig(text).problems.map((p) => [text.slice(p.start, p.end), p.message]);
}

describe('service: .podsmith.yaml', () => {
  it('reads every setting the extension has, in the podsmith settings shape', () => {
    const config = readProjectConfig(
      'kubernetesVersion: "1.31"\nprofile: strict\npodSecurityStandard: baseline\nmaxFileSize: 1000\nvalidate:\n  yamlSyntax: false\nrules:\n  image-tag: off\n  missing-resources: warning\n',
    );
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.values, {
      kubernetesVersion: '1.31',
      profile: 'strict',
      podSecurityStandard: 'baseline',
      maxFileSize: 1000,
      validate: { yamlSyntax: false },
      rules: { 'image-tag': 'off', 'missing-resources': 'warning' },
    });
    const settings = normalizeSettings(config.values);
    assert.equal(settings.kubernetesVersion, '1.31');
    assert.equal(settings.podSecurityStandard, 'baseline');
    assert.deepEqual(settings.rules, { 'image-tag': 'off', 'missing-resources': 'warning' });
  });

  it('accepts a key for every podsmith setting of package.json', () => {
    const settings = Object.keys(packageJson.contributes.configuration.properties).map((k) => k.replace(/^podsmith\./, '').split('.')[0]);
    for (const key of settings) assert.ok(PROJECT_CONFIG_KEYS.includes(key), `${key} is accepted in .podsmith.yaml`);
  });

  it('unknown keys and bad values are problems at their place, with what would be right', () => {
    assert.deepEqual(problems('kubernetesVersion: 1.30\n'), [['1.30', 'kubernetesVersion must be a string such as "1.31": written as a number, 1.30 reads as 1.3. Quote it.']]);
    assert.deepEqual(problems('kubernetesVersion: latest\n'), [['latest', 'kubernetesVersion must be a Kubernetes version written "1.MINOR", such as "1.31".']]);
    assert.deepEqual(problems('profile: recomended\n'), [['recomended', 'profile must be one of api, recommended, strict (did you mean "recommended"?).']]);
    assert.deepEqual(problems('podSecurityStandard: privileged\n'), [['privileged', 'podSecurityStandard must be one of off, baseline, restricted.']]);
    assert.deepEqual(problems('maxFileSize: -3\n'), [['-3', 'maxFileSize must be a whole number of characters above 0, such as 5000000.']]);
    assert.deepEqual(problems('rules:\n  image-tags: off\n  image-tag: loud\n'), [
      ['image-tags', 'Unknown rule "image-tags" (did you mean "image-tag"?); docs/rules.md lists the rules.'],
      ['loud', 'The level of image-tag must be one of off, error, warning, information, hint.'],
    ]);
    assert.deepEqual(problems('rules: [image-tag]\n'), [['[image-tag]', 'rules must be a mapping of rule id to level, such as "image-tag: off".']]);
    assert.deepEqual(problems('validate:\n  yamlSyntax: auto\n  schema: true\n'), [
      ['auto', 'validate.yamlSyntax must be true or false.'],
      ['schema', 'Unknown setting "validate.schema" in .podsmith.yaml; validate accepts yamlSyntax.'],
    ]);
    assert.deepEqual(problems('crds: [crds/, "https://example.com/crds.yaml", 3]\n'), [
      ['"https://example.com/crds.yaml"', 'crds takes paths, not URLs: Podsmith never fetches anything. Download the CRDs into the repository and name the file or folder.'],
      ['3', 'Each entry of crds is a path (a string) to a CRD file or folder.'],
    ]);
    assert.deepEqual(problems('crds: crds/\n'), [['crds/', 'crds must be a list of paths to CRD files or folders, such as [crds/, ../operators/crds.yaml].']]);
    assert.deepEqual(readProjectConfig('crds: [crds/, ../shared/crd.yaml]\n').values, { crds: ['crds/', '../shared/crd.yaml'] });
    assert.deepEqual(problems('kubernetesVersoin: "1.31"\n'), [
      ['kubernetesVersoin', 'Unknown setting "kubernetesVersoin" in .podsmith.yaml (did you mean "kubernetesVersion"?); it accepts kubernetesVersion, profile, podSecurityStandard, maxFileSize, inlayHints, rules, validate, crds.'],
    ]);
    assert.deepEqual(problems('- a\n- b\n'), [['- a\n- b\n', '.podsmith.yaml must be a mapping of settings (kubernetesVersion, profile, podSecurityStandard, maxFileSize, inlayHints, rules, validate, crds).']]);
  });

  it('a YAML syntax error and a second document are problems; an empty file sets nothing', () => {
    const [[, message]] = problems('rules: {image-tag: off\n');
    assert.match(message, /^\.podsmith\.yaml is not valid YAML: /);
    assert.deepEqual(problems('profile: api\n---\nprofile: strict\n'), [['---\nprofile: strict', '.podsmith.yaml holds one YAML document; remove the second one.']]);
    assert.deepEqual(readProjectConfig(''), { values: {}, problems: [] });
    assert.deepEqual(readProjectConfig('# nothing yet\n'), { values: {}, problems: [] });
  });

  it('the values of a file with problems are those it sets right', () => {
    assert.deepEqual(readProjectConfig('profile: strict\nmaxFileSize: no\n').values, { profile: 'strict' });
  });

  it('editor settings override the project file, by rule id for rules; only those the person set when the editor says which', () => {
    const project = { kubernetesVersion: '1.30', rules: { 'image-tag': 'off', 'missing-resources': 'warning' }, validate: { yamlSyntax: false } };
    assert.deepEqual(withProjectConfig(project, { kubernetesVersion: '1.33', rules: { 'image-tag': 'error' } }), {
      kubernetesVersion: '1.33',
      rules: { 'image-tag': 'error', 'missing-resources': 'warning' },
      validate: { yamlSyntax: false },
    });
    // VS Code sends every setting, defaults included, and names the ones the person set.
    const editor = { kubernetesVersion: '1.36', podSecurityStandard: 'restricted', rules: {}, validate: { yamlSyntax: true }, maxFileSize: 5000000, setByUser: ['podSecurityStandard'] };
    assert.deepEqual(withProjectConfig(project, editor), {
      kubernetesVersion: '1.30',
      podSecurityStandard: 'restricted',
      rules: { 'image-tag': 'off', 'missing-resources': 'warning' },
      validate: { yamlSyntax: false },
    });
    assert.deepEqual(withProjectConfig({}, editor).validate, { yamlSyntax: true });
  });
});
