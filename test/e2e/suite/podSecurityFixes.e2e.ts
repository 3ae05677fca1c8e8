import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyCodeAction, closeAllEditors, codeActions, describeDiagnostic, openText, waitFor, waitForDiagnostics, withSetting } from './helpers';

/** Quick fixes of the Pod Security Standard findings inside a real VS Code, with podsmith.podSecurityStandard restricted or baseline. */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const lines = (...parts: string[]) => parts.join('\n') + '\n';

describe('Pod Security Standard quick fixes in VS Code', function () {
  after(closeAllEditors);

  it('adds a securityContext with allowPrivilegeEscalation: false to a container, and the finding goes away', async () => {
    const head = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault'];
    const document = await openText(lines(...head, '  containers:', '    - name: web', '      image: shop:1.4.2'));
    await withSetting('podsmith.podSecurityStandard', 'restricted', async () => {
      const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'pss-privilege-escalation'));
      const escalation = diagnostics.find((x) => codeOf(x) === 'pss-privilege-escalation')!;
      const title = "Set 'allowPrivilegeEscalation: false' in container 'web'";
      const actions = await waitFor(
        () => codeActions(document, escalation.range, vscode.CodeActionKind.QuickFix),
        (list) => list.some((a) => a.title === title),
        `the action "${title}" (diagnostics: ${diagnostics.map(describeDiagnostic).join('; ')})`,
      );
      const action = actions.find((a) => a.title === title)!;
      assert.equal(action.isPreferred, true);
      await applyCodeAction(action);
      assert.equal(
        document.getText(),
        lines(...head, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false'),
      );
      await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x) === 'pss-privilege-escalation'));
    });
  });

  it("removes a container's hostPort (baseline), keeping its containerPort, and the finding goes away", async () => {
    const head = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  containers:', '    - name: web', '      image: shop:1.4.2', '      ports:'];
    const document = await openText(lines(...head, '        - containerPort: 8080', '          hostPort: 8080'));
    await withSetting('podsmith.podSecurityStandard', 'baseline', async () => {
      const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'pss-host-ports'));
      const hostPort = diagnostics.find((x) => codeOf(x) === 'pss-host-ports')!;
      assert.equal(`${hostPort.range.start.line}:${hostPort.range.start.character}`, '10:20');
      const title = "Remove 'hostPort' (keep the containerPort; expose it through a Service)";
      const actions = await waitFor(
        () => codeActions(document, hostPort.range, vscode.CodeActionKind.QuickFix),
        (list) => list.some((a) => a.title === title),
        `the action "${title}" (diagnostics: ${diagnostics.map(describeDiagnostic).join('; ')})`,
      );
      const action = actions.find((a) => a.title === title)!;
      assert.equal(action.isPreferred, true);
      await applyCodeAction(action);
      assert.equal(document.getText(), lines(...head, '        - containerPort: 8080'));
      await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x) === 'pss-host-ports'));
    });
  });
});
