/**
 * The server's helper thread (server/src/checkThreads.ts), with stand-in threads: what it hands over, what comes
 * back, and that a thread that fails, never starts or gets stuck costs the pass nothing but the wait (its documents
 * are then checked on the server's thread, checkInParts.ts). The real thread's answers are tested in
 * test/unit/service/threadedCheck.test.ts and test/protocol/checkThread.test.ts.
 */
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { CheckThread } from '../../../server/src/checkThreads';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';

/** A stand-in thread from source text (CommonJS, with `parentPort` in scope). */
const standIn = (source: string) => () => new Worker(`const { parentPort } = require('node:worker_threads');\n${source}`, { eval: true });

const ECHO = `parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, snapshots: m.documents.map((d) => ({ identity: { kind: 'K' + d.index }, isTemplate: false, entries: [['text', d.text]] })) }));
parentPort.postMessage({ ready: true });`;

const documents = [
  { index: 3, text: 'kind: A\n' },
  { index: 4, text: 'kind: B\n' },
];

describe('server: the helper thread', function () {
  this.timeout(20_000);
  let thread: CheckThread | undefined;
  afterEach(async () => {
    await thread?.stop();
    thread = undefined;
  });

  it('takes work once ready, at most two requests at a time, and sends back what it found for each document', async () => {
    const log: string[] = [];
    thread = new CheckThread((line) => log.push(line), { startWorker: standIn(ECHO) });
    assert.equal(thread.check(documents, DEFAULT_SETTINGS), undefined, 'not started: nothing handed over');
    thread.start();
    await thread.whenReady();
    const first = thread.check(documents, DEFAULT_SETTINGS);
    const second = thread.check(documents.slice(1), DEFAULT_SETTINGS);
    assert.equal(thread.check(documents, DEFAULT_SETTINGS), undefined, 'a third request waits');
    assert.deepEqual(await first, [
      { identity: { kind: 'K3' }, isTemplate: false, entries: [['text', 'kind: A\n']] },
      { identity: { kind: 'K4' }, isTemplate: false, entries: [['text', 'kind: B\n']] },
    ]);
    assert.equal((await second)?.length, 1);
    assert.equal(thread.documentsChecked, 3);
    assert.deepEqual(log, []);
  });

  it('ends when idle, and starts again for the next large file', async () => {
    let started = 0;
    thread = new CheckThread(() => undefined, { idleMs: 20, startWorker: () => (started++, standIn(ECHO)()) });
    thread.start();
    await thread.whenReady();
    assert.ok(await thread.check(documents, DEFAULT_SETTINGS));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(thread.check(documents, DEFAULT_SETTINGS), undefined, 'ended: nothing handed over');
    thread.start();
    await thread.whenReady();
    assert.ok(await thread.check(documents, DEFAULT_SETTINGS));
    assert.equal(started, 2);
  });

  it('a thread that never answers is ended: the request resolves to nothing, and the log says why', async () => {
    const log: string[] = [];
    thread = new CheckThread((line) => log.push(line), { stuckMs: 100, startWorker: standIn(`parentPort.postMessage({ ready: true }); parentPort.on('message', () => {});`) });
    thread.start();
    await thread.whenReady();
    assert.equal(await thread.check(documents, DEFAULT_SETTINGS), undefined);
    assert.deepEqual(log, ['podsmith: the helper thread answered nothing for 0.1 s; its documents are checked here']);
    assert.equal(thread.check(documents, DEFAULT_SETTINGS), undefined, 'ended');
  });

  it('a thread that fails is ended: its requests resolve to nothing, and the log says why', async () => {
    const log: string[] = [];
    thread = new CheckThread((line) => log.push(line), { startWorker: standIn(`parentPort.postMessage({ ready: true }); parentPort.on('message', () => { throw new Error('broken'); });`) });
    thread.start();
    await thread.whenReady();
    assert.equal(await thread.check(documents, DEFAULT_SETTINGS), undefined);
    assert.equal(log.length, 1);
    assert.match(log[0], /^podsmith: the helper thread failed: Error: broken/);
  });

  it('a thread that cannot start hands nothing over, and waiting for it ends', async () => {
    const log: string[] = [];
    thread = new CheckThread((line) => log.push(line), { startWorker: standIn(`throw new Error('no bundle');`) });
    thread.start();
    await thread.whenReady();
    assert.equal(thread.check(documents, DEFAULT_SETTINGS), undefined);
    assert.match(log[0] ?? '', /no bundle/);
  });

  it('takes work only with four cores or more, while the load leaves two free beside the server', () => {
    assert.equal(CheckThread.coreFree(0.2, 4), true);
    assert.equal(CheckThread.coreFree(1.9, 4), true, 'the server itself busy on one core, another thread on a second');
    assert.equal(CheckThread.coreFree(2.5, 4), false, 'other processes busy too');
    assert.equal(CheckThread.coreFree(5, 8), true);
    assert.equal(CheckThread.coreFree(0, 2), false, 'two cores: the second is the collector\'s (measured)');
    assert.equal(CheckThread.coreFree(0, 1), false, 'one core: never');
  });
});

