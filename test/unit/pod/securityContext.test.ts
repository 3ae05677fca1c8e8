import assert from 'node:assert/strict';
import { highestPodSecurityLevel, podSecurityVerdict } from '../../../server/src/pod/podSecurity';
import { containerSecurity, effectiveSetting, inheritanceOf, podSecurityOf } from '../../../server/src/pod/securityContext';
import { lines, podOf } from './support';

/** The effective security settings of each container, and the highest Pod Security Standard a Pod meets. */
describe('pod: effective security settings', () => {
  const manifest = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: shop}',
    'spec:',
    '  selector: {matchLabels: {app: shop}}',
    '  template:',
    '    metadata: {labels: {app: shop}}',
    '    spec:',
    '      securityContext:',
    '        runAsUser: 1000',
    '        runAsNonRoot: true',
    '        fsGroup: 2000',
    '        seccompProfile: {type: RuntimeDefault}',
    '      initContainers:',
    '        - name: proxy',
    '          image: envoy:1',
    '          restartPolicy: Always',
    '          securityContext:',
    '            runAsUser: 1337',
    '      containers:',
    '        - name: web',
    '          image: shop:1',
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    '            seccompProfile: {type: Localhost, localhostProfile: web.json}',
    '        - name: tools',
    '          image: tools:1',
    '          securityContext:',
    '            runAsUser:',
  );
  const pod = podOf(manifest);
  const security = podSecurityOf(pod);
  const of = (name: string) => containerSecurity(security, pod.containers.find((c) => c.name === name)!)!;

  // [container, field, source, value, overrides]
  const cases: [string, string, string, unknown, unknown][] = [
    ['web', 'runAsUser', 'pod', 1000, undefined],
    ['proxy', 'runAsUser', 'container', 1337, 1000],
    ['web', 'seccompProfile', 'container', { type: 'Localhost', localhostProfile: 'web.json' }, { type: 'RuntimeDefault' }],
    ['proxy', 'seccompProfile', 'pod', { type: 'RuntimeDefault' }, undefined],
    ['web', 'runAsNonRoot', 'pod', true, undefined],
    ['web', 'allowPrivilegeEscalation', 'container', false, undefined],
    ['proxy', 'allowPrivilegeEscalation', 'default', undefined, undefined],
    ['web', 'runAsGroup', 'default', undefined, undefined],
    // An empty value is no value: the Pod's applies.
    ['tools', 'runAsUser', 'pod', 1000, undefined],
    // A Pod-only field is never a container's effective setting of its own.
    ['web', 'fsGroup', 'default', undefined, undefined],
  ];
  for (const [container, field, source, value, overrides] of cases) {
    it(`${container}.${field}: ${source}${value === undefined ? '' : ` ${JSON.stringify(value)}`}`, () => {
      const effective = effectiveSetting(security, of(container), field);
      assert.equal(effective.source, source);
      assert.deepEqual(effective.value, value);
      assert.deepEqual(effective.overrides?.value, overrides);
    });
  }

  it('says which containers inherit a Pod field and which override it', () => {
    const { inherit, override } = inheritanceOf(security, 'runAsUser');
    assert.deepEqual(inherit.map((c) => c.container.name), ['web', 'tools']);
    assert.deepEqual(override.map((c) => c.container.name), ['proxy']);
  });

  it('keeps the nodes: the Pod\'s securityContext key and each written field', () => {
    assert.equal(manifest.slice(security.contextKey!.range![0], security.contextKey!.range![1]), 'securityContext');
    const user = security.own.get('runAsUser')!;
    assert.equal(manifest.slice(user.node.range![0], user.node.range![1]), '1000');
    assert.equal(of('web').own.has('runAsUser'), false);
  });

  it('never throws on malformed securityContexts', () => {
    const odd = podOf(lines('apiVersion: v1', 'kind: Pod', 'spec:', '  securityContext: [1, 2]', '  containers:', '    - name: a', '      securityContext: yes', '    - name: b', '      securityContext: {runAsUser: {x: 1}, capabilities: 7}'));
    const s = podSecurityOf(odd);
    assert.equal(s.own.size, 0);
    assert.equal(effectiveSetting(s, s.containers[0], 'runAsUser').source, 'default');
    assert.deepEqual(effectiveSetting(s, s.containers[1], 'runAsUser').value, { x: 1 });
    assert.equal(highestPodSecurityLevel(odd), 'baseline');
  });
});

describe('pod: highest Pod Security Standard met', () => {
  const restrictedPod = lines(
    'apiVersion: v1',
    'kind: Pod',
    'spec:',
    '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
    '  containers:',
    '    - name: web',
    '      image: app:1',
    '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
  );
  const cases: [string, string, string, string[]][] = [
    ['a Pod that meets every control', restrictedPod, 'restricted', []],
    ['a bare Pod: baseline, and what restricted asks for', lines('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: [{name: web, image: app:1}]'), 'baseline', ['Capabilities', 'Privilege Escalation', 'Running as Non-root', 'Seccomp']],
    ['a container that overrides runAsNonRoot with false', restrictedPod.replace('drop: [ALL]}}', 'drop: [ALL]}, runAsNonRoot: false}'), 'baseline', ['Running as Non-root']],
    ['hostNetwork', restrictedPod.replace('spec:\n', 'spec:\n  hostNetwork: true\n'), 'privileged', ['Host Namespaces']],
    ['a native sidecar without its own hardening', restrictedPod.replace('  containers:', '  initContainers:\n    - {name: proxy, image: envoy:1, restartPolicy: Always}\n  containers:'), 'baseline', ['Capabilities', 'Privilege Escalation']],
  ];
  for (const [title, text, level, blockedBy] of cases) {
    it(`${title}: ${level}`, () => {
      const verdict = podSecurityVerdict(podOf(text));
      assert.equal(verdict.level, level);
      assert.deepEqual([...verdict.blockedBy].sort(), blockedBy);
    });
  }
});
