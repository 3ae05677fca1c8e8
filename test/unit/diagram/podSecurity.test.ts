import assert from 'node:assert/strict';
import type { DiagramModel } from '../../../shared/diagramTypes';
import { layoutDiagram } from '../../../client/src/webview/layout';
import { service, settingsWith, withCursor, yaml } from '../support/service';

/** The diagram shows the highest Pod Security Standard the Pod meets, whatever podsmith.podSecurityStandard says. */
function diagramAt(marked: string, version = '1.36'): DiagramModel {
  const settings = settingsWith({ kubernetesVersion: version });
  const { source, position } = withCursor(marked, 'file:///test.yaml', settings);
  const model = service.diagram(source, position, settings) as DiagramModel | null;
  assert.ok(model, 'a diagram model');
  return model;
}

const CASES: [what: string, manifest: string, level: string, blockedBy: string[]][] = [
  ['a bare Pod meets baseline', yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: |p}', 'spec:', '  containers: [{name: web, image: app:1}]'), 'baseline', ['Capabilities', 'Privilege Escalation', 'Running as Non-root', 'Seccomp']],
  ['a privileged container: privileged', yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: |p}', 'spec:', '  containers: [{name: web, image: app:1, securityContext: {privileged: true}}]'), 'privileged', ['Privileged Containers']],
  [
    'a hardened Pod: restricted',
    yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: |p}', 'spec:', '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}', '  containers:', '    - name: web', '      image: app:1', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'),
    'restricted',
    [],
  ],
];

describe('diagram: Pod Security Standard', () => {
  for (const [what, manifest, level, blockedBy] of CASES) {
    it(what, () => {
      const model = diagramAt(manifest);
      assert.equal(model.pod.podSecurity?.level, level);
      assert.deepEqual([...(model.pod.podSecurity?.blockedBy ?? [])].sort(), blockedBy);
    });
  }

  it('the Pod header line shows it', () => {
    const layout = layoutDiagram(diagramAt(CASES[0][1]));
    assert.ok(layout.pod.lines.some((l) => l.text.includes('Pod Security Standard: baseline')), layout.pod.lines.map((l) => l.text).join(' | '));
  });
});
