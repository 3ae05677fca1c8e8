/**
 * The Node.js bundles are ASCII (scripts/asciiBundle.mjs): V8 keeps a script's source for the script's lifetime, at
 * two bytes a character as soon as one character is outside Latin-1, which doubled the server bundle's 1.9 MB in
 * the server's memory. The escapes the build writes mean what the characters meant: the CronJob schedule grammar,
 * whose regular expression holds `µs`, reads the same through the built server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/lspServer';
import { serverBundleExists, startTestServer, type TestServer } from '../../fuzz/support/testServer';

const cronJob = (schedule: string) =>
  [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: {name: tick}',
    'spec:',
    `  schedule: "${schedule}"`,
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: OnFailure',
    '          containers: [{name: work, image: "busybox:1.36", resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 16Mi}}}]',
    '',
  ].join('\n');

describe('build: the Node.js bundles are ASCII', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/ is not built; run node scripts/build.mjs)');
      this.skip();
    }
    server = await startTestServer();
  });
  after(async () => server?.lsp.stop());

  for (const bundle of ['server.js', 'checkThread.js', 'cli.js', 'extension.js']) {
    it(`dist/${bundle} holds no character outside ASCII`, () => {
      const source = readFileSync(path.join(REPO_ROOT, 'dist', bundle), 'utf8');
      const first = /[\u0080-\uffff]/.exec(source);
      assert.equal(first && source.slice(Math.max(0, first.index - 60), first.index + 20), null);
    });
  }

  it('an @every schedule in microseconds (µs) is accepted by the built server, and a unit it does not know is not', async () => {
    const codes = async (uri: string, schedule: string) => (await server.lsp.open(uri, cronJob(schedule))).map((d) => [d.code, d.range.start.line]);
    assert.deepEqual(await codes('file:///micro.yaml', '@every 500µs'), []);
    assert.deepEqual(await codes('file:///unknown.yaml', '@every 500xs'), [['cron-schedule', 4]]);
  });
});
