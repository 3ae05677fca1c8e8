import { automountTokenFixes, deprecatedServiceAccountFixes, imagePullPolicyFixes, readOnlyRootFilesystemFixes, writableHostPathFixes } from '../../../../server/src/codeActions/practices';
import { imagePullPolicyRule } from '../../../../server/src/rules/images';
import { writableHostPathRule } from '../../../../server/src/rules/practices/hostAccess';
import { readOnlyRootFilesystemRule } from '../../../../server/src/rules/practices/privileges';
import { automountServiceAccountTokenRule, deprecatedServiceAccountRule } from '../../../../server/src/rules/practices/serviceAccount';
import { fixTable, lines } from '../support/fixTable';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);

fixTable(readOnlyRootFilesystemFixes, [
  {
    title: 'a written false becomes true',
    rule: readOnlyRootFilesystemRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        readOnlyRootFilesystem: «false»'),
    offers: ['Set `readOnlyRootFilesystem: true`'],
    apply: 'Set `readOnlyRootFilesystem: true`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        readOnlyRootFilesystem: true'),
  },
  {
    title: 'a container without securityContext gets one',
    rule: readOnlyRootFilesystemRule,
    manifest: pod('  containers:', '    - name: «web»', '      image: web:1.4.2'),
    apply: 'Set `readOnlyRootFilesystem: true` in container `web`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      securityContext:', '        readOnlyRootFilesystem: true'),
  },
  {
    title: 'a flow container gets a flow securityContext, CRLF kept',
    rule: readOnlyRootFilesystemRule,
    crlf: true,
    manifest: pod('  containers:', '    - {name: «web», image: "web:1.4.2"}'),
    apply: 'Set `readOnlyRootFilesystem: true` in container `web`',
    preferred: true,
    expected: pod('  containers:', '    - {name: web, image: "web:1.4.2", securityContext: {readOnlyRootFilesystem: true}}'),
  },
]);

fixTable(automountTokenFixes, [
  {
    title: 'false added to the Pod spec',
    rule: automountServiceAccountTokenRule,
    manifest: pod('  «serviceAccountName»: web', '  containers:', '    - name: web', '      image: web:1.4.2'),
    apply: 'Set `automountServiceAccountToken: false` (the Pod does not call the API server)',
    preferred: true,
    expected: pod('  serviceAccountName: web', '  containers:', '    - name: web', '      image: web:1.4.2', '  automountServiceAccountToken: false'),
  },
  {
    title: 'a written true becomes false',
    rule: automountServiceAccountTokenRule,
    manifest: pod('  serviceAccountName: web', '  automountServiceAccountToken: «true»', '  containers:', '    - name: web', '      image: web:1.4.2'),
    apply: 'Set `automountServiceAccountToken: false`',
    preferred: true,
    expected: pod('  serviceAccountName: web', '  automountServiceAccountToken: false', '  containers:', '    - name: web', '      image: web:1.4.2'),
  },
]);

fixTable(imagePullPolicyFixes, [
  {
    title: 'IfNotPresent becomes Always',
    rule: imagePullPolicyRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      imagePullPolicy: «IfNotPresent»'),
    apply: 'Set `imagePullPolicy: Always`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      imagePullPolicy: Always'),
  },
  {
    title: 'a container without one gets it',
    rule: imagePullPolicyRule,
    manifest: pod('  containers:', '    - name: web', '      image: «web:1.4.2»'),
    apply: 'Set `imagePullPolicy: Always` in container `web`',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      imagePullPolicy: Always'),
  },
]);

fixTable(writableHostPathFixes, [
  {
    title: 'the mount becomes read-only',
    rule: writableHostPathRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      volumeMounts:', '        - name: logs', '          mountPath: «/logs»', '  volumes:', '    - name: logs', '      hostPath: {path: /var/log}'),
    apply: 'Mount it read-only (`readOnly: true`)',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      volumeMounts:', '        - name: logs', '          mountPath: /logs', '          readOnly: true', '  volumes:', '    - name: logs', '      hostPath: {path: /var/log}'),
  },
  {
    title: 'a flow mount gets readOnly inside its braces',
    rule: writableHostPathRule,
    manifest: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      volumeMounts: [{name: logs, mountPath: «/logs»}]', '  volumes:', '    - name: logs', '      hostPath: {path: /var/log}'),
    apply: 'Mount it read-only (`readOnly: true`)',
    preferred: true,
    expected: pod('  containers:', '    - name: web', '      image: web:1.4.2', '      volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]', '  volumes:', '    - name: logs', '      hostPath: {path: /var/log}'),
  },
]);

fixTable(deprecatedServiceAccountFixes, [
  {
    title: 'renamed to serviceAccountName',
    rule: deprecatedServiceAccountRule,
    manifest: pod('  «serviceAccount»: shop', '  containers:', '    - name: web', '      image: web:1.4.2'),
    apply: 'Rename to `serviceAccountName`',
    preferred: true,
    expected: pod('  serviceAccountName: shop', '  containers:', '    - name: web', '      image: web:1.4.2'),
  },
  {
    title: 'removed where serviceAccountName is set',
    rule: deprecatedServiceAccountRule,
    manifest: pod('  «serviceAccount»: shop', '  serviceAccountName: shop', '  containers:', '    - name: web', '      image: web:1.4.2'),
    apply: 'Remove `serviceAccount` (`serviceAccountName` is set)',
    preferred: true,
    expected: pod('  serviceAccountName: shop', '  containers:', '    - name: web', '      image: web:1.4.2'),
  },
]);
