/**
 * `.podsmith.yaml` in the editor: the server reads it from the root of each workspace folder (never writes it),
 * applies it to that folder's files under the editor's own settings, shows its mistakes as diagnostics in it, and
 * follows it as it is edited or changed on disk.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspServer } from './support/lspServer';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}\n';
/**
 * The first diagnostics of `uri` from now on that `accept` takes (at most five publishes): a refresh the server
 * started earlier (its settings pulled after initialize) may publish once more with the settings of its time.
 */
async function publishedUntil(server: LspServer, uri: string, accept: (d: Diagnostic[]) => boolean, trigger: () => unknown): Promise<Diagnostic[]> {
  let next = server.nextDiagnostics(uri);
  trigger();
  let diagnostics = (await next).diagnostics;
  for (let i = 0; i < 5 && !accept(diagnostics); i++) {
    next = server.nextDiagnostics(uri);
    diagnostics = (await next).diagnostics;
  }
  return diagnostics;
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${['', 'error', 'warning', 'information', 'hint'][d.severity ?? 1]}`);

describe('protocol: .podsmith.yaml in the editor', function () {
  this.timeout(60_000);
  let dir: string;
  let folder: string;
  let server: LspServer | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'podsmith-config-'));
    mkdirSync(path.join(dir, 'project'));
    folder = pathToFileURL(path.join(dir, 'project')).href;
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies to the files of its folder, not to others; an editor setting the person set overrides it', async () => {
    writeFileSync(path.join(dir, 'project', '.podsmith.yaml'), 'rules:\n  image-tag: error\n');
    // The editor's defaults (as VS Code sends them) do not override the file; only what the person set does.
    server = await LspServer.start({ workspaceFolders: [folder], settings: { kubernetesVersion: '1.36', rules: {}, setByUser: [] } });
    assert.deepEqual(summary(await server.open(`${folder}/pod.yaml`, POD)), ['image-tag error']);
    assert.deepEqual(summary(await server.open(pathToFileURL(path.join(dir, 'elsewhere.yaml')).href, POD)), ['image-tag warning']);
    const after = await publishedUntil(server, `${folder}/pod.yaml`, (d) => summary(d).includes('image-tag hint'), () =>
      server!.configure({ rules: { 'image-tag': 'hint' }, setByUser: ['rules'] }),
    );
    assert.deepEqual(summary(after), ['image-tag hint']);
  });

  it("a folder's own editor settings apply to its files (every setting has the scope resource)", async () => {
    mkdirSync(path.join(dir, 'other'));
    const other = pathToFileURL(path.join(dir, 'other')).href;
    server = await LspServer.start({
      workspaceFolders: [folder, other],
      settings: { rules: {}, setByUser: [] },
      folderSettings: { [other]: { rules: { 'image-tag': 'error' }, setByUser: ['rules'] } },
    });
    const inOther = await publishedUntil(server, `${other}/pod.yaml`, (d) => summary(d).includes('image-tag error'), () => server!.open(`${other}/pod.yaml`, POD));
    assert.deepEqual(summary(inOther), ['image-tag error']);
    assert.deepEqual(summary(await server.open(`${folder}/pod.yaml`, POD)), ['image-tag warning']);
  });

  it('its mistakes are errors at their place in it', async () => {
    server = await LspServer.start({ workspaceFolders: [folder] });
    const diagnostics = await server.open(`${folder}/.podsmith.yaml`, 'profile: strict\npodSecurity: baseline\nrules:\n  image-tag: loud\n');
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
      [
        {
          code: 'project-config',
          severity: 1,
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } },
          message: 'Unknown setting "podSecurity" in .podsmith.yaml; it accepts kubernetesVersion, profile, podSecurityStandard, maxFileSize, inlayHints, rules, validate, crds.',
        },
        {
          code: 'project-config',
          severity: 1,
          range: { start: { line: 3, character: 13 }, end: { line: 3, character: 17 } },
          message: 'The level of image-tag must be one of off, error, warning, information, hint.',
        },
      ],
    );
  });

  it('an edit of it in the editor applies to the open files as typed; a change on disk applies when the client reports it', async () => {
    server = await LspServer.start({ workspaceFolders: [folder] });
    const pod = `${folder}/pod.yaml`;
    assert.deepEqual(summary(await server.open(pod, POD)), ['image-tag warning']);
    const config = `${folder}/.podsmith.yaml`;
    const edited = await publishedUntil(server, pod, (d) => d.length === 0, () => server!.open(config, 'rules:\n  image-tag: off\n'));
    assert.deepEqual(summary(edited), []);
    server.close(config);

    writeFileSync(path.join(dir, 'project', '.podsmith.yaml'), 'podSecurityStandard: restricted\nrules:\n  image-tag: off\n');
    const changed = await publishedUntil(server, pod, (d) => d.length > 0, () =>
      server!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] }),
    );
    const codes = summary(changed);
    assert.ok(codes.length > 0 && codes.every((c) => c.startsWith('pss-')), codes.join(', '));
  });
});
