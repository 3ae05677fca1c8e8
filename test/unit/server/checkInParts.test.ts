/**
 * The order in which the server checks and publishes a file's documents (server/src/checkInParts.ts): the visible
 * documents first and published at once, the rest in slices with a yield between two (where requests are answered),
 * the complete set last, and a stale pass stopping at its next yield. A fake clock makes every slice one document
 * long (or all of them), so the events' order is exact and no timing is asserted.
 */
import assert from 'node:assert/strict';
import { checkInParts, type FilePass } from '../../../server/src/checkInParts';

interface Recorder extends FilePass {
  readonly events: string[];
}

function recorder(count: number, visible: () => readonly number[], stale: () => boolean = () => false): Recorder {
  const events: string[] = [];
  return {
    events,
    toCheck: Array.from({ length: count }, (_, i) => i),
    visible,
    check: (indices) => events.push(`check ${indices.join(',')}`),
    publishPartial: (checked) => events.push(`partial ${[...checked].sort((a, b) => a - b).join(',')}`),
    publishComplete: () => events.push('complete'),
    stale,
  };
}

/** A clock that moves a whole slice on every reading after the first: one document per slice. */
function oneDocumentPerSlice(events: string[]) {
  let t = 0;
  return { sliceMs: 10, now: () => (t += 10), yieldToRequests: async () => void events.push('yield') };
}

const stoppedClock = (events: string[]) => ({ sliceMs: 10, now: () => 0, yieldToRequests: async () => void events.push('yield') });

describe('server: a file is checked in parts, what the person sees first', () => {
  it('checks the visible documents first and publishes them, then the rest slice by slice, then the complete set', async () => {
    const pass = recorder(5, () => [3]);
    assert.equal(await checkInParts(pass, oneDocumentPerSlice(pass.events)), 'complete');
    assert.deepEqual(pass.events, [
      'check 3', 'check 0', 'partial 0,3', 'yield',
      'check 1', 'yield',
      'check 2', 'yield',
      'check 4', 'complete',
    ]);
  });

  it('without visible ranges, the top of the file is published first', async () => {
    const pass = recorder(3, () => []);
    await checkInParts(pass, oneDocumentPerSlice(pass.events));
    assert.deepEqual(pass.events, ['check 0', 'partial 0', 'yield', 'check 1', 'yield', 'check 2', 'complete']);
  });

  it('a document that becomes visible during the pass (a scroll) is checked and published next', async () => {
    let seen: number[] = [];
    const pass = recorder(6, () => seen);
    const timing = oneDocumentPerSlice(pass.events);
    const yieldToRequests = async () => {
      pass.events.push('yield');
      seen = [5];
    };
    await checkInParts(pass, { ...timing, yieldToRequests });
    assert.deepEqual(pass.events.slice(0, 6), ['check 0', 'partial 0', 'yield', 'check 5', 'check 1', 'partial 0,1,5']);
    assert.equal(pass.events.at(-1), 'complete');
    assert.equal(pass.events.filter((e) => e === 'check 5').length, 1, 'checked once');
  });

  it('a pass whose work fits in one slice (a keystroke) publishes once: the complete set', async () => {
    const pass = recorder(400, () => [200]);
    await checkInParts(pass, stoppedClock(pass.events));
    assert.equal(pass.events.filter((e) => e.startsWith('partial')).length, 0);
    assert.equal(pass.events.at(-1), 'complete');
    assert.equal(pass.events[0], 'check 200');
  });

  it('after an edit only the documents it changed are checked: the visible ones that it did not change are not', async () => {
    const pass = { ...recorder(400, () => [0, 1, 250]), toCheck: [250, 251] };
    await checkInParts(pass, oneDocumentPerSlice(pass.events));
    assert.deepEqual(pass.events, ['check 250', 'check 251', 'complete']);
  });

  it('nothing to check (a re-check for new links): the complete set at once', async () => {
    const pass = { ...recorder(400, () => [3]), toCheck: [] };
    await checkInParts(pass, oneDocumentPerSlice(pass.events));
    assert.deepEqual(pass.events, ['complete']);
  });

  it('a stale pass stops at its next yield, with no complete publish', async () => {
    let yields = 0;
    const pass = recorder(10, () => [], () => yields >= 2);
    const timing = oneDocumentPerSlice(pass.events);
    const result = await checkInParts(pass, { ...timing, yieldToRequests: async () => void yields++ });
    assert.equal(result, 'stale');
    assert.deepEqual(pass.events, ['check 0', 'partial 0', 'check 1']);
  });

  describe('with a helper thread', () => {
    /** A helper that takes every batch offered and answers each when the test says (or fails it). */
    function helper(events: string[]) {
      const pending: { batch: readonly number[]; answer: (ok: boolean) => void }[] = [];
      return {
        pending,
        checkElsewhere: (indices: readonly number[]) => {
          events.push(`away ${indices.join(',')}`);
          return new Promise<boolean>((resolve) => pending.push({ batch: indices, answer: resolve }));
        },
      };
    }

    it('hands batches from the end over after the first slice, checks from the top here, and completes once both met', async () => {
      const pass = recorder(12, () => []);
      const thread = helper(pass.events);
      let yields = 0;
      const timing = {
        ...oneDocumentPerSlice(pass.events),
        batchSize: 3,
        yieldToRequests: async () => {
          pass.events.push('yield');
          // The thread answers its first batch after the second yield, the second after the third.
          if (++yields >= 2) thread.pending.shift()?.answer(true);
        },
      };
      assert.equal(await checkInParts({ ...pass, checkElsewhere: thread.checkElsewhere }, timing), 'complete');
      assert.deepEqual(pass.events, [
        'check 0', 'away 9,10,11', 'away 6,7,8', 'partial 0', 'yield',
        'check 1', 'yield',
        'check 2', 'yield',
        'check 3', 'yield',
        'check 4', 'yield',
        'check 5', 'complete',
      ]);
    });

    it('never waits for the thread: with nothing left here, it checks what is still away, the batch handed last first', async () => {
      const pass = recorder(8, () => []);
      const thread = helper(pass.events);
      const result = await checkInParts({ ...pass, checkElsewhere: thread.checkElsewhere }, { ...oneDocumentPerSlice(pass.events), batchSize: 2 });
      assert.equal(result, 'complete');
      assert.deepEqual(pass.events, [
        'check 0', 'away 6,7', 'away 4,5', 'partial 0', 'yield',
        'check 1', 'yield', 'check 2', 'yield', 'check 3', 'yield',
        // The thread answered nothing: its batches are checked here, the one it has not started first.
        'check 4', 'yield', 'check 5', 'yield', 'check 6', 'yield', 'check 7', 'complete',
      ]);
      // Its late answers change nothing.
      for (const { answer } of thread.pending) answer(true);
    });

    it('checks a failed batch here, and takes the answered one as checked', async () => {
      const pass = recorder(8, () => []);
      const thread = helper(pass.events);
      let yields = 0;
      const timing = {
        ...oneDocumentPerSlice(pass.events),
        batchSize: 2,
        yieldToRequests: async () => {
          pass.events.push('yield');
          if (++yields === 1) {
            thread.pending[0].answer(false);
            thread.pending[1].answer(true);
            await new Promise((resolve) => setImmediate(resolve));
          }
        },
      };
      assert.equal(await checkInParts({ ...pass, checkElsewhere: thread.checkElsewhere }, timing), 'complete');
      const checks = pass.events.filter((e) => e.startsWith('check')).map((e) => Number(e.slice(6)));
      assert.deepEqual(checks, [0, 1, 2, 3, 6, 7]);
    });

    it('a pass done in one slice (a keystroke) hands nothing over', async () => {
      const pass = recorder(400, () => [200]);
      const thread = helper(pass.events);
      await checkInParts({ ...pass, checkElsewhere: thread.checkElsewhere }, { ...stoppedClock(pass.events), batchSize: 16 });
      assert.deepEqual(pass.events.filter((e) => e.startsWith('away')), []);
      assert.equal(pass.events.at(-1), 'complete');
    });
  });
});
