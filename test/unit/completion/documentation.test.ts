import assert from 'node:assert/strict';
import { firstSentence, isDeprecated } from '../../../server/src/completion/documentation';
import { definition } from '../../../server/src/schema/kubernetesSchema';
import { service, settingsWith, withCursor, yaml } from '../support/service';

/** Short documentation for completion items: the first sentence of an upstream description when we have no words of our own. */
describe('completion: documentation of an item', () => {
  const sentences: [string, string | undefined][] = [
    ['Widget count. More info: https://example.invalid/docs', 'Widget count.'],
    ['Sets the e.g. value of x. Then more.', 'Sets the e.g. value of x.'],
    ['The mode, one of A or B.\n\nPossible enum values:\n - `"A"` is first', 'The mode, one of A or B.'],
    ['No full stop at all', 'No full stop at all'],
    ['', undefined],
  ];
  for (const [description, expected] of sentences) {
    it(`first sentence of ${JSON.stringify(description.slice(0, 30))}`, () => assert.equal(firstSentence(description), expected));
  }

  it('knows deprecated fields by their description', () => {
    assert.equal(isDeprecated('Deprecated: use the other field.'), true);
    assert.equal(isDeprecated('DeprecatedServiceAccount is a deprecated alias.'), false);
    assert.equal(isDeprecated('A normal field.'), false);
  });

  it('a field we do not annotate gets the first sentence of its upstream description, without links', () => {
    const marked = yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - name: a', '    ports:', '    - containerPort: 80', '      hostI|');
    const { source, position } = withCursor(marked);
    const hostIP = service.complete(source, position, settingsWith()).items.find((i) => i.label === 'hostIP');
    assert.ok(hostIP);
    const upstream = definition('io.k8s.api.core.v1.ContainerPort')?.properties?.hostIP?.description;
    assert.deepEqual(hostIP.documentation, { kind: 'markdown', value: firstSentence(upstream) });
    assert.doesNotMatch(JSON.stringify(hostIP.documentation), /More info|https?:/);
  });
});
