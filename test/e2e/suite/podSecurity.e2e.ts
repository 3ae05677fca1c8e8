import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostic, lineOf, openDocument, positionOf, settledDiagnostics, waitForDiagnostics, waitForHover, withSetting } from './helpers';

/**
 * securityContext in a real VS Code, on examples/security-context.yaml: the hover tells inheritance and override,
 * and podsmith.podSecurityStandard turns the restricted controls on and off.
 */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('security context and Pod Security Standards in VS Code', function () {
  after(closeAllEditors);

  it("hover on the Pod's runAsUser lists who inherits it and who overrides it", async () => {
    const document = await openDocument('security-context.yaml');
    const text = await waitForHover(document, positionOf(document, 'runAsUser: 1000', 2), (t) => t.includes('Inherited by'));
    assert.ok(text.includes('Inherited by `web`: it runs with runAsUser 1000.'), text);
    assert.ok(text.includes('- `proxy`: runAsUser 1337'), text);
  });

  it('is silent by default and reports restricted findings on the exact field when the setting is on', async () => {
    const document = await openDocument('security-context.yaml');
    assert.deepEqual((await settledDiagnostics(document)).filter((d) => codeOf(d).startsWith('pss-')).map(describeDiagnostic), []);
    await withSetting('podsmith.podSecurityStandard', 'restricted', async () => {
      const diagnostics = await waitForDiagnostics(document, (d) => d.some((x) => codeOf(x) === 'pss-run-as-non-root'));
      const nonRoot = diagnostics.find((d) => codeOf(d) === 'pss-run-as-non-root')!;
      const at = positionOf(document, 'runAsNonRoot: false', 'runAsNonRoot: '.length);
      assert.deepEqual([nonRoot.range.start.line, nonRoot.range.start.character, nonRoot.range.end.character], [at.line, at.character, at.character + 'false'.length]);
      assert.match(nonRoot.message, /^Pod Security Standard restricted, control "Running as Non-root": Container 'web' sets runAsNonRoot: false, overriding the Pod's true/);
      // The first Deployment meets restricted: nothing above the second one.
      const second = lineOf(document, 'name: shop-legacy');
      assert.deepEqual(diagnostics.filter((d) => d.range.start.line < second).map(describeDiagnostic), []);
    });
    await waitForDiagnostics(document, (d) => !d.some((x) => codeOf(x).startsWith('pss-')));
  });
});
