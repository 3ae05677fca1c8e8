import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { service, settingsWith, withCursor, yaml } from '../support/service';
import { hoverAt } from './support';

/**
 * Hover on securityContext: where each field lives (Pod only, container only, both), the effective value for the
 * container and where it comes from, and on the Pod's field who inherits and who overrides it. The Pod summary
 * names the highest Pod Security Standard the Pod meets.
 */
const shop = (cursor: string) =>
  yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: shop}',
    'spec:',
    '  securityContext:',
    '    runAsUser: 1000',
    '    fsGroup: 2000',
    '    seccompProfile: {type: RuntimeDefault}',
    '  initContainers:',
    '    - name: proxy',
    '      image: envoy:1',
    '      restartPolicy: Always',
    '      securityContext:',
    '        runAsUser: 1337',
    '  containers:',
    '    - name: web',
    '      image: shop:1',
    '      securityContext:',
    '        allowPrivilegeEscalation: false',
    '        readOnlyRootFilesystem: true',
    '    - name: debug',
    '      image: busybox:1.36',
  ).replace(cursor.replace('^', ''), cursor.replace('^', '|'));

const CASES: [what: string, manifest: string, covered: string, says: string[]][] = [
  [
    "the Pod's shared field: who inherits it and who overrides it",
    shop('    runAs^User: 1000'),
    'runAsUser',
    [
      "**Pod and container:** the Pod's value is the default for every container; a container's own value wins.",
      'Inherited by `web`, `debug`: they run with runAsUser 1000.',
      'Overridden by:\n- `proxy`: runAsUser 1337',
    ],
  ],
  [
    "the Pod's seccompProfile type: every container inherits RuntimeDefault",
    shop('{type: Runtime^Default}'),
    'RuntimeDefault',
    ['Inherited by `proxy`, `web`, `debug`: they run with seccompProfile RuntimeDefault.'],
  ],
  [
    'a Pod-only field: applies to every container, and acts on the volumes',
    shop('    fs^Group: 2000'),
    'fsGroup',
    ["**Pod-level only:** this field exists only in the Pod's securityContext", 'Applies to all 3 containers: `proxy`, `web`, `debug`.'],
  ],
  [
    "a container's override names the Pod's value it replaces",
    shop('        runAs^User: 1337'),
    'runAsUser',
    ["Effective for `proxy`: 1337, set in this container, overriding the Pod's 1000."],
  ],
  [
    'a container-only field',
    shop('        readOnlyRoot^Filesystem: true'),
    'readOnlyRootFilesystem',
    ["**Container-level only:** this field exists only in a container's securityContext", 'Effective for `web`: true, set in this container.'],
  ],
  [
    "the container's securityContext key: its effective settings, field by field, with their sources",
    shop('      security^Context:\n        allow'),
    'securityContext',
    [
      '**Effective security settings of `web`** (its own securityContext, over the Pod\'s):',
      '- runAsUser 1000, from the Pod; this container does not override it',
      '- seccompProfile RuntimeDefault, from the Pod; this container does not override it',
      '- allowPrivilegeEscalation false, set in this container',
      '- readOnlyRootFilesystem true, set in this container',
      'From the Pod for every container: fsGroup 2000.',
    ],
  ],
  [
    "the Pod's securityContext key: shared fields with who inherits them, and the Pod-only ones",
    shop('  security^Context:\n    runAsUser'),
    'securityContext',
    ['- runAsUser 1000: inherited by `web`, `debug`; overridden by `proxy`', '- seccompProfile RuntimeDefault: inherited by `proxy`, `web`, `debug`', '- fsGroup 2000: applies to every container'],
  ],
  [
    "a Pod-only field in a container's securityContext: says it belongs to the Pod's",
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: web', '      image: app:1', '      securityContext:', '        fs|Group: 5'),
    'fsGroup',
    // Whichever section answers (this one, or the unknown-field hover), it says where the field belongs.
    ["the Pod's securityContext", 'spec.securityContext'],
  ],
  [
    "a container-only field in the Pod's securityContext: says it belongs to a container's",
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  securityContext:', '    privi|leged: true', '  containers: [{name: web, image: app:1}]'),
    'privileged',
    ["a container's securityContext"],
  ],
  [
    'a shared field nobody sets on the Pod, set by the container without overriding anything',
    yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: web', '      image: app:1', '      securityContext: {runAsNon|Root: true}'),
    'runAsNonRoot',
    ['Effective for `web`: true, set in this container.'],
  ],
  [
    'the Pod summary names the highest Pod Security Standard met, without the failing controls while no level is checked',
    shop('kind: P^od'),
    'Pod',
    ['- Pod Security Standard: meets **baseline**\n'],
  ],
  [
    'the Pod summary of a Pod with hostNetwork: privileged',
    yaml('apiVersion: v1', 'ki|nd: Pod', 'spec:', '  hostNetwork: true', '  containers: [{name: web, image: app:1}]'),
    'kind',
    ['- Pod Security Standard: meets **privileged**\n'],
  ],
];

describe('hover: securityContext', () => {
  for (const [what, manifest, covered, says] of CASES) {
    it(what, () => {
      const seen = hoverAt(manifest);
      assert.ok(seen, 'a hover');
      assert.equal(seen.covered, covered);
      for (const phrase of says) assert.ok(seen.text.includes(phrase), `says ${JSON.stringify(phrase)} in:\n${seen.text}`);
    });
  }

  it('says nothing about securityContext outside it', () => {
    const seen = hoverAt(shop('      ima^ge: shop:1'));
    assert.ok(seen && !/Effective for|Pod and container/.test(seen.text));
  });

  it('with podsmith.podSecurityStandard set, the Pod summary also names the controls that block the next level, on its one line', () => {
    const summary = (level: 'off' | 'baseline' | 'restricted', manifest: string) => {
      const settings = settingsWith({ podSecurityStandard: level });
      const { source, position } = withCursor(manifest, 'file:///test.yaml', settings);
      const text = (service.hover(source, position, settings)?.contents as MarkupContent).value;
      return text.split('\n').filter((line) => line.includes('Pod Security Standard'));
    };
    const hostNetwork = yaml('apiVersion: v1', 'ki|nd: Pod', 'spec:', '  hostNetwork: true', '  containers: [{name: web, image: app:1}]');
    assert.deepEqual(summary('off', shop('kind: P^od')), ['- Pod Security Standard: meets **baseline**']);
    assert.deepEqual(summary('restricted', shop('kind: P^od')), ['- Pod Security Standard: meets **baseline** (restricted fails: Capabilities, Privilege Escalation, Running as Non-root)']);
    assert.deepEqual(summary('baseline', hostNetwork), ['- Pod Security Standard: meets **privileged** (baseline fails: Host Namespaces)']);
    assert.deepEqual(summary('off', hostNetwork), ['- Pod Security Standard: meets **privileged**']);
  });

  it('with podsmith.podSecurityStandard set, a container\'s securityContext key says which controls it fails', () => {
    const at = (level: 'off' | 'baseline' | 'restricted', cursor: string) => {
      const settings = settingsWith({ podSecurityStandard: level });
      const { source, position } = withCursor(shop(cursor), 'file:///test.yaml', settings);
      return (service.hover(source, position, settings)?.contents as MarkupContent).value;
    };
    assert.ok(at('restricted', '      security^Context:\n        runAsUser: 1337').includes('Pod Security Standard restricted: this container fails "Capabilities", "Privilege Escalation", "Running as Non-root"; the diagnostics say how to fix each.'));
    assert.ok(at('baseline', '      security^Context:\n        runAsUser: 1337').includes('Pod Security Standard baseline: nothing in this container fails it.'));
    assert.ok(!at('off', '      security^Context:\n        runAsUser: 1337').includes('Pod Security Standard'));
  });
});
