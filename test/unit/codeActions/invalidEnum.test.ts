import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { service, sourceOf, yaml } from '../support/service';

/** A value outside an enum gets a fix for the close match (preferred) and one for each allowed value. */
describe('quick fixes: invalid-enum', () => {
  const fixesOf = (text: string) => {
    const source = sourceOf(text);
    const [diagnostic] = service.validate(source, DEFAULT_SETTINGS).filter((d) => d.code === 'invalid-enum');
    const actions = service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, DEFAULT_SETTINGS).filter((a) => !a.title.startsWith('Disable'));
    return actions.map((a) => ({ title: a.title, preferred: !!a.isPreferred, after: TextDocument.applyEdits(source.textDocument, a.edit!.changes!['file:///test.yaml']) }));
  };
  const pod = (policy: string) =>
    yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', `  restartPolicy: ${policy}`, '  containers: [{name: web, image: "nginx:1.27"}]');

  it('without a close match: one fix per allowed value, none preferred, each leaves no error', () => {
    const fixes = fixesOf(pod('Sometimes'));
    assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Change to `Always`', false], ['Change to `Never`', false], ['Change to `OnFailure`', false]]);
    for (const fix of fixes) {
      assert.equal(service.validate(sourceOf(fix.after), DEFAULT_SETTINGS).filter((d) => d.severity === 1).length, 0, fix.title);
    }
    assert.ok(fixes[1].after.includes('  restartPolicy: Never\n'));
  });

  it('with a close match: that one first and preferred, then the others', () => {
    assert.deepEqual(fixesOf(pod('always')).map((f) => [f.title, f.preferred]), [['Change to `Always`', true], ['Change to `Never`', false], ['Change to `OnFailure`', false]]);
  });
});
