import * as assert from 'node:assert/strict';
import { closeAllEditors, completionItems, completionLabel, openText, openWithCursor, positionOf, waitFor, waitForHover, withSetting } from './helpers';

/**
 * What a new user met in VS Code and no longer should: probes offered on an init step, imagePullPolicy choosing
 * Always for a tagged image, and a Pod hover listing the failing restricted controls of every simple example.
 */
describe('container offers and the Pod summary in VS Code', function () {
  after(closeAllEditors);

  const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];

  it('an init container is offered no probes until it is a native sidecar', async () => {
    const init = await openWithCursor([...POD, '  initContainers:', '    - name: setup', '      image: busybox:1.37', '      ‸', '  containers:', '    - name: app', '      image: nginx:1.27', ''].join('\n'));
    const initItems = await waitFor(
      () => completionItems(init.document, init.position),
      (list) => list.some((i) => completionLabel(i) === 'command'),
      'init container fields in the completion list',
    );
    const initLabels = initItems.map(completionLabel);
    for (const absent of ['readinessProbe', 'livenessProbe', 'startupProbe', 'lifecycle']) assert.ok(!initLabels.includes(absent), absent);
    const sidecar = await openWithCursor([...POD, '  initContainers:', '    - name: proxy', '      restartPolicy: Always', '      ‸', '  containers:', '    - name: app', '      image: nginx:1.27', ''].join('\n'));
    const sidecarLabels = (await completionItems(sidecar.document, sidecar.position)).map(completionLabel);
    for (const present of ['readinessProbe', 'livenessProbe', 'startupProbe', 'lifecycle']) assert.ok(sidecarLabels.includes(present), present);
  });

  it('imagePullPolicy preselects the default of a tagged image, IfNotPresent', async () => {
    const { document, position } = await openWithCursor([...POD, '  containers:', '    - name: app', '      image: nginx:1.27', '      imagePullPolicy: ‸', ''].join('\n'));
    const items = await waitFor(
      () => completionItems(document, position),
      (list) => list.some((i) => completionLabel(i) === 'IfNotPresent'),
      'pull policies in the completion list',
    );
    const preselected = items.filter((i) => i.preselect).map(completionLabel);
    assert.deepEqual(preselected, ['IfNotPresent']);
  });

  it('the Pod hover names the highest Pod Security Standard met; the failing controls only with the setting on', async () => {
    const text = [...POD, '  containers:', '    - name: app', '      image: nginx:1.27', ''].join('\n');
    const document = await openText(text);
    const at = positionOf(document, 'kind: Pod', 'kind: P'.length);
    const plain = await waitForHover(document, at, (t) => t.includes('Pod Security Standard'));
    assert.ok(plain.includes('Pod Security Standard: meets **baseline**\n'), plain);
    assert.ok(!plain.includes('restricted fails'), plain);
    await withSetting('podsmith.podSecurityStandard', 'restricted', async () => {
      const listed = await waitForHover(document, at, (t) => t.includes('restricted fails'));
      assert.match(listed, /Pod Security Standard: meets \*\*baseline\*\* \(restricted fails: [A-Z]/);
    });
  });
});
