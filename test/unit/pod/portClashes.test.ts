/**
 * One answer to "which ports clash", from the Pod model (pod/portClashes.ts), in all three places that show it: the
 * shared-container-port diagnostic, the hover on a port, and the diagram's port chips. A native sidecar keeps
 * running while the later init steps run, so it and a later init step on the same port clash; an init step before
 * the sidecar has finished when the sidecar starts, so it does not.
 */
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { podModelOf } from '../../../server/src/pod/podModel';
import { portClashes } from '../../../server/src/pod/portClashes';
import { runTogether } from '../../../server/src/pod/runTogether';
import { diagnosticsOf, service, sourceOf, withCursor, yaml } from '../support/service';

const MANIFEST = yaml(
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  initContainers:',
  '    - name: before',
  '      image: x:1',
  '      ports: [{containerPort: 9000}]',
  '    - name: proxy',
  '      image: x:1',
  '      restartPolicy: Always',
  '      ports: [{containerPort: 9000}]',
  '    - name: after',
  '      image: x:1',
  '      ports: [{containerPort: 9000}]',
  '  containers:',
  '    - name: app',
  '      image: y:1',
);

/** The offset of the `n`th `containerPort: 9000` value (0-based) in MANIFEST. */
function portValue(n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = MANIFEST.indexOf('containerPort: 9000', at + 1);
  return at + 'containerPort: '.length;
}

function hoverTextAt(offset: number): string {
  const { source, position } = withCursor(`${MANIFEST.slice(0, offset + 1)}|${MANIFEST.slice(offset + 1)}`);
  const hover = service.hover(source, position, DEFAULT_SETTINGS);
  return hover ? (hover.contents as MarkupContent).value : '';
}

describe('pod: port clashes, one answer for diagnostics, hover and diagram', () => {
  it('the Pod model: the sidecar clashes with the later init step only; the earlier step with nothing', () => {
    const pod = podModelOf(sourceOf(MANIFEST).file.documents[0])!;
    const byName = (name: string) => pod.containers.find((c) => c.name === name)!;
    const partners = (name: string) => portClashes(pod).get(byName(name).ports[0])?.partners.map((p) => p.container.name) ?? [];
    assert.deepEqual([partners('before'), partners('proxy'), partners('after')], [[], ['after'], ['proxy']]);
    assert.equal(runTogether(byName('proxy'), byName('after')), true);
    assert.equal(runTogether(byName('before'), byName('proxy')), false);
  });

  it('diagnostics: shared-container-port on the later init step, related to the sidecar, and nothing on the earlier step', () => {
    const found = diagnosticsOf(MANIFEST).filter((d) => d.code === 'shared-container-port');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character, d.message, d.relatedInformation?.map((r) => [r.location.range.start.line, r.message])]),
      [[
        14,
        30,
        'Init container `after` and native sidecar `proxy` both declare containerPort 9000/TCP. Native sidecar `proxy` keeps running while the later init steps run, so it is still listening when init container `after` starts. All containers of a Pod share one network namespace (one IP, one localhost), so only one process can listen on that port: the second one\'s bind fails. Give them different ports.',
        [[11, 'native sidecar `proxy` declares 9000/TCP here']],
      ]],
    );
  });

  it('hover: the later init step and the sidecar each name the other; the earlier step names no one', () => {
    const clash = (other: string) =>
      `**Port already in use:** container \`${other}\` also declares 9000/TCP. The native sidecar keeps running while the later init steps run, so both are up at once. The containers share one port space, so only one process can listen on it.`;
    assert.ok(hoverTextAt(portValue(2)).includes(clash('proxy')), hoverTextAt(portValue(2)));
    assert.ok(hoverTextAt(portValue(1)).includes(clash('after')), hoverTextAt(portValue(1)));
    assert.ok(!hoverTextAt(portValue(0)).includes('Port already in use'), hoverTextAt(portValue(0)));
  });

  it('diagram: the same pairs carry a clash on their port chips', () => {
    const { source, position } = withCursor(`|${MANIFEST}`);
    const model = service.diagram(source, position, DEFAULT_SETTINGS) as DiagramModel;
    assert.deepEqual(
      model.containers.flatMap((c) => c.ports.map((p) => [c.name, p.containerPort, p.clashWith])),
      [['before', 9000, undefined], ['proxy', 9000, 'after'], ['after', 9000, 'proxy']],
    );
  });
});
