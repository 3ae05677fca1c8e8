import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { coveredText, diagnosticsOf, service, settingsWith, sourceOf } from '../support/service';
import { lines } from '../rules/support';

/**
 * Quick fixes of the practice rules, under strict: the preferred fix of one finding gives exactly this text, and
 * the finding is gone afterwards.
 */
const strict = settingsWith({ profile: 'strict' });

function fix(text: string, rule: string, covering: string, title: string): string {
  const diagnostic = diagnosticsOf(text, strict).find((d) => d.code === rule && coveredText(text, d) === covering);
  assert.ok(diagnostic, `a ${rule} finding on ${covering}`);
  const source = sourceOf(text, 'file:///test.yaml', strict);
  const actions = service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, strict).filter((a) => !a.title.startsWith('Disable'));
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `"${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.isPreferred, true, 'preferred');
  const after = TextDocument.applyEdits(source.textDocument, action.edit!.changes![source.textDocument.uri]);
  const still = diagnosticsOf(after, strict).filter((d) => d.code === rule && d.message === diagnostic.message);
  assert.deepEqual(still.map((d) => d.message), [], 'the finding is gone');
  return after;
}

const head = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'];
const pod = (...rest: string[]) => lines(...head, ...rest);

describe('codeActions: practice rules', () => {
  it('read-only-root-filesystem: written false becomes true', () => {
    const text = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        readOnlyRootFilesystem: false');
    assert.equal(fix(text, 'read-only-root-filesystem', 'false', 'Set `readOnlyRootFilesystem: true`'), text.replace('readOnlyRootFilesystem: false', 'readOnlyRootFilesystem: true'));
  });

  it('read-only-root-filesystem: a container without securityContext gets one', () => {
    const text = pod('  containers:', '    - name: web', '      image: web:1.4.2');
    assert.equal(
      fix(text, 'read-only-root-filesystem', 'web', 'Set `readOnlyRootFilesystem: true` in container `web`'),
      pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        readOnlyRootFilesystem: true'),
    );
  });

  it('automount-service-account-token: false added to the Pod spec', () => {
    const text = pod('  serviceAccountName: web', '  containers:', '    - name: web', '      image: web:1.4.2');
    assert.equal(
      fix(text, 'automount-service-account-token', 'serviceAccountName', 'Set `automountServiceAccountToken: false` (the Pod does not call the API server)'),
      pod('  serviceAccountName: web', '  containers:', '    - name: web', '      image: web:1.4.2', '  automountServiceAccountToken: false'),
    );
  });

  it('image-pull-policy: IfNotPresent becomes Always; a container without one gets it', () => {
    const written = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      imagePullPolicy: IfNotPresent');
    assert.equal(fix(written, 'image-pull-policy', 'IfNotPresent', 'Set `imagePullPolicy: Always`'), written.replace('IfNotPresent', 'Always'));
    const missing = pod('  containers:', '    - name: web', '      image: web:1.4.2');
    assert.equal(fix(missing, 'image-pull-policy', 'web:1.4.2', 'Set `imagePullPolicy: Always` in container `web`'), missing + '      imagePullPolicy: Always\n');
  });

  it('writable-host-path: the mount becomes read-only', () => {
    const text = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      volumeMounts:', '        - name: logs', '          mountPath: /logs', '  volumes:', '    - name: logs', '      hostPath: {path: /var/log}');
    assert.equal(fix(text, 'writable-host-path', '/logs', 'Mount it read-only (`readOnly: true`)'), text.replace('          mountPath: /logs\n', '          mountPath: /logs\n          readOnly: true\n'));
  });

  it('deprecated-service-account: renamed, or removed where serviceAccountName is set', () => {
    const alone = pod('  serviceAccount: shop', '  containers:', '    - name: web', '      image: web:1.4.2');
    assert.equal(fix(alone, 'deprecated-service-account', 'serviceAccount', 'Rename to `serviceAccountName`'), alone.replace('serviceAccount:', 'serviceAccountName:'));
    const both = pod('  serviceAccount: shop', '  serviceAccountName: shop', '  containers:', '    - name: web', '      image: web:1.4.2');
    assert.equal(fix(both, 'deprecated-service-account', 'serviceAccount', 'Remove `serviceAccount` (`serviceAccountName` is set)'), both.replace('  serviceAccount: shop\n', ''));
  });

  it('dangerous-capabilities: the capability is removed from add', () => {
    const text = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        capabilities:', '          add: [NET_BIND_SERVICE, SYS_ADMIN]');
    assert.equal(fix(text, 'dangerous-capabilities', 'SYS_ADMIN', 'Remove `SYS_ADMIN` from `capabilities.add`'), text.replace('[NET_BIND_SERVICE, SYS_ADMIN]', '[NET_BIND_SERVICE]'));
  });

  it('net-raw-not-dropped: drop ALL', () => {
    const text = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        capabilities:', '          drop: [CHOWN]');
    assert.equal(fix(text, 'net-raw-not-dropped', 'securityContext', 'Drop `ALL` capabilities in container `web`'), text.replace('[CHOWN]', '[CHOWN, ALL]'));
  });

  it('host-namespaces and privileged-container: the Pod Security fixes', () => {
    const text = pod('  hostNetwork: true', '  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext: {privileged: true}');
    assert.equal(fix(text, 'host-namespaces', 'true', 'Remove `hostNetwork` (the Pod keeps its own namespace)'), text.replace('  hostNetwork: true\n', ''));
    assert.equal(fix(text, 'privileged-container', 'true', 'Set `privileged: false`'), text.replace('privileged: true', 'privileged: false'));
  });

  it('run-as-root: runAsNonRoot: true, but no fix where runAsUser is 0 (the container would not start)', () => {
    const text = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        runAsNonRoot: false');
    assert.equal(fix(text, 'run-as-root', 'false', 'Set `runAsNonRoot: true`'), text.replace('runAsNonRoot: false', 'runAsNonRoot: true'));
    const root = pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        runAsUser: 0');
    const diagnostic = diagnosticsOf(root, strict).find((d) => d.code === 'run-as-root')!;
    const source = sourceOf(root, 'file:///test.yaml', strict);
    assert.deepEqual(service.codeActions(source, diagnostic.range, { diagnostics: [diagnostic] }, strict).map((a) => a.title).filter((t) => !t.startsWith('Disable')), []);
  });
});
