import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor } from './support/applyEdits';
import { LspServer } from './support/lspServer';

/**
 * Quick fixes of the Pod Security Standard findings through the bundled server, with the restricted level on:
 * ask the actions of one published pss-* diagnostic, apply the named action's edit, send the new text, and check
 * the exact text, that the finding is gone and that no finding appeared that was not there before. Smoke tests
 * that the server offers and applies them with podsmith.podSecurityStandard set; every fix's shapes are in the
 * unit fix table (test/unit/codeActions/fixes/podSecurity.test.ts).
 */
const SETTINGS = { podSecurityStandard: 'restricted', rules: { 'missing-resources': 'off' } };

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;

interface Case {
  readonly name: string;
  readonly text: string;
  /** The diagnostic to fix: its code and its start `line:col`. */
  readonly code: string;
  readonly at: string;
  /** The exact title of the action to apply, and whether it is the preferred one. */
  readonly title: string;
  readonly preferred: boolean;
  readonly expected: string;
}

/** The head of a Pod that meets restricted at the Pod level (runAsNonRoot and seccomp for every container). */
const POD_HEAD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: shop', 'spec:', '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault'];

/** A container's own securityContext that meets restricted (with POD_HEAD). */
const SAFE_CONTAINER = '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}';

const CASES: Case[] = [
  // ---- pss-privilege-escalation
  {
    name: 'a container without securityContext gets one with allowPrivilegeEscalation: false',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2'),
    code: 'pss-privilege-escalation',
    at: '10:12',
    title: 'Set `allowPrivilegeEscalation: false` in container `web`',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', '      securityContext:', '        allowPrivilegeEscalation: false'),
  },
  // ---- pss-seccomp
  {
    name: "no seccomp profile anywhere: a block-style profile in the Pod's securityContext of a Deployment's template",
    text: lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:',
      '      securityContext:', '        runAsNonRoot: true', '      containers:', '      - name: web', '        image: shop:1.4.2', '        securityContext:', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]',
    ),
    code: 'pss-seccomp',
    at: '16:8',
    title: "Set `seccompProfile: {type: RuntimeDefault}` in the Pod's securityContext (every container inherits it)",
    preferred: true,
    expected: lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  selector:', '    matchLabels: {app: shop}', '  template:', '    metadata:', '      labels: {app: shop}', '    spec:',
      '      securityContext:', '        runAsNonRoot: true', '        seccompProfile:', '          type: RuntimeDefault', '      containers:', '      - name: web', '        image: shop:1.4.2', '        securityContext:', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]',
    ),
  },
  // ---- pss-host-ports
  {
    name: 'a hostPort in a flow port is removed with its comma',
    text: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports: [{containerPort: 8080, hostPort: 80}]'),
    code: 'pss-host-ports',
    at: '13:46',
    title: 'Remove `hostPort` (keep the containerPort; expose it through a Service)',
    preferred: true,
    expected: lines(...POD_HEAD, '  containers:', '    - name: web', '      image: shop:1.4.2', SAFE_CONTAINER, '      ports: [{containerPort: 8080}]'),
  },
];

describe('protocol: Pod Security Standard quick fixes over stdio', function () {
  let server: LspServer;
  before(async () => (server = await LspServer.start({ settings: SETTINGS })));
  after(async () => server.stop());

  let counter = 0;
  for (const c of CASES) {
    it(c.name, async () => {
      const uri = `file:///pss-fix/${++counter}.yaml`;
      const before = await server.open(uri, c.text);
      const candidates = before.filter((d) => d.code === c.code && at(d) === c.at);
      assert.equal(candidates.length, 1, `one ${c.code} diagnostic at ${c.at}, got: ${before.map((d) => `${d.code}@${at(d)}`).join(', ')}`);
      const fixed = candidates[0];
      const actions = (await server.codeActions(uri, fixed.range, [fixed])) ?? [];
      const action = actions.find((a) => a.title === c.title);
      assert.ok(action, `action "${c.title}" among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred ?? false, c.preferred);
      assert.deepEqual(action.diagnostics?.map((d) => d.code), [c.code]);
      const after = applyTextEdits(c.text, editsFor(action.edit, uri));
      const diagnostics = await server.change(uri, [{ text: after }]);
      server.close(uri);
      assert.equal(after, c.expected);
      const key = (d: Diagnostic) => `${d.code}: ${d.message}`;
      assert.ok(!diagnostics.some((d) => key(d) === key(fixed)), `still reported: ${key(fixed)}`);
      const known = new Set(before.map(key));
      assert.deepEqual(diagnostics.filter((d) => !known.has(key(d))).map(key), [], 'no new diagnostic');
    });
  }

});
