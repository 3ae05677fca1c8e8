import * as assert from 'node:assert/strict';
import { closeAllEditors, openDocument, positionOf, waitForHover } from './helpers';

/** Hover inside a real VS Code: the Pod model (scope, localhost reach, shared volume) reaches the person's editor. */
describe('hover in VS Code', function () {
  after(closeAllEditors);

  it('shows the scope and the localhost reach on a containerPort', async () => {
    const document = await openDocument('multi-container-pod.yaml');
    const position = positionOf(document, 'containerPort: 8080', 2);
    const text = await waitForHover(document, position, (t) => t.includes('container-level'));
    assert.ok(text.includes('**container-level** · app container `app`'), text);
    assert.ok(text.includes('`localhost:8080`'), text);
  });

  it('lists the containers that mount a volume on its name', async () => {
    const document = await openDocument('multi-container-pod.yaml');
    const position = positionOf(document, '- name: logs\n      emptyDir', 9);
    const text = await waitForHover(document, position, (t) => t.includes('Pod-level'));
    assert.ok(text.includes('- `log-shipper` at `/logs`, read-only'), text);
  });
});
