import assert from 'node:assert/strict';
import { diagnosticsOf, settingsWith, yaml } from '../../support/service';

/**
 * Malformed securityContexts are normal input: at either level every shape below is checked without an exception
 * (the test service turns one into a failure), and a wrong type is left to the schema check.
 */
const shapes: [string, string[]][] = [
  ['securityContext as a scalar and a list', ['  securityContext: yes', '  containers:', '    - name: web', '      securityContext: [1]']],
  ['profiles as scalars, types as maps', ['  securityContext: {seccompProfile: RuntimeDefault, appArmorProfile: {type: {a: 1}}, seLinuxOptions: 3}', '  containers:', '    - name: web', '      securityContext: {seccompProfile: [1], seLinuxOptions: {type: [x], user: {a: 1}}}']],
  ['capabilities as a scalar, add and drop as maps', ['  containers:', '    - name: web', '      securityContext: {capabilities: ALL}', '    - name: api', '      securityContext: {capabilities: {add: {a: 1}, drop: ALL}}', '    - name: ops', '      securityContext: {capabilities: {add: [null, 1, [x]], drop: [{a: 1}]}}']],
  ['booleans as strings, users as strings', ['  hostNetwork: "true"', '  hostUsers: "false"', '  securityContext: {runAsNonRoot: "true", runAsUser: "0", windowsOptions: {hostProcess: "true"}}', '  containers:', '    - {name: web, securityContext: {privileged: "true", allowPrivilegeEscalation: "false", procMount: [Unmasked]}}']],
  ['sysctls as a mapping and items without names', ['  securityContext: {sysctls: {name: a}}', '  containers: [{name: web}]', '---', 'apiVersion: v1', 'kind: Pod', 'spec:', '  securityContext: {sysctls: [null, {value: 1}, {name: [x]}]}', '  containers: [{name: web}]']],
  ['volumes and ports of odd shapes', ['  volumes: [null, {name: a}, {name: b, hostPath: null}, {name: c, nfs: 1}]', '  containers:', '    - {name: web, ports: [{hostPort: "80"}, {hostPort: [1]}, null], livenessProbe: {httpGet: {host: [1]}}, lifecycle: {preStop: [1]}}']],
  ['containers without names or securityContext keys', ['  containers: [{}, {image: x}, null]', '  initContainers: {}', '  ephemeralContainers: [[]]']],
  ['annotations as a list', ['  containers: [{name: web}]', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {annotations: [container.apparmor.security.beta.kubernetes.io/web]}', 'spec: {containers: [{name: web}]}']],
];

describe('Pod Security Standard checks on malformed shapes', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    for (const [title, spec] of shapes) {
      it(`${level}: ${title}`, () => {
        const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', ...spec);
        assert.ok(Array.isArray(diagnosticsOf(text, settingsWith({ podSecurityStandard: level }))));
      });
    }
  }

  it('reads only well-formed values: a string "true" is no hostNetwork for the policy (the schema reports the type)', () => {
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: "true"', '  containers: [{name: web, image: app:1}]');
    const codes = diagnosticsOf(text, settingsWith({ podSecurityStandard: 'baseline' })).map((d) => String(d.code));
    assert.ok(codes.includes('wrong-type'), codes.join());
    assert.ok(!codes.includes('pss-host-namespaces'), codes.join());
  });
});
