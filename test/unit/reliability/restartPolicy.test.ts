/**
 * When the server process dies, the client restarts it and says so once per session; when it keeps dying (five
 * times within three minutes) the client stops restarting and says that, once.
 */
import assert from 'node:assert/strict';
import { GAVE_UP_MESSAGE, RESTARTED_MESSAGE, RestartPolicy } from '../../../client/src/restartPolicy';

const MINUTE = 60_000;

describe('reliability: restarting a server that died', () => {
  const cases: [string, number[], [boolean, string | undefined][]][] = [
    // [story, crash times in ms, [restart?, notification] after each crash]
    ['one crash: restart and tell the person', [0], [[true, RESTARTED_MESSAGE]]],
    [
      'crashes spread over a long session: always restart, tell only once',
      [0, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE, 40 * MINUTE, 50 * MINUTE],
      [[true, RESTARTED_MESSAGE], [true, undefined], [true, undefined], [true, undefined], [true, undefined], [true, undefined]],
    ],
    [
      'five crashes within three minutes: stop restarting and say why',
      [0, 1000, 2000, 3000, 4000],
      [[true, RESTARTED_MESSAGE], [true, undefined], [true, undefined], [true, undefined], [false, GAVE_UP_MESSAGE]],
    ],
    [
      'four quick crashes, then a quiet spell: the window slides, restarting continues',
      [0, 1000, 2000, 3000, 4 * MINUTE],
      [[true, RESTARTED_MESSAGE], [true, undefined], [true, undefined], [true, undefined], [true, undefined]],
    ],
  ];
  for (const [story, crashes, expected] of cases) {
    it(story, () => {
      const policy = new RestartPolicy();
      assert.deepEqual(
        crashes.map((at) => {
          const d = policy.onServerClosed(at);
          return [d.restart, d.notify];
        }),
        expected,
      );
    });
  }

  it('treats a few connection errors in a row as transient and more as a broken connection', () => {
    const policy = new RestartPolicy();
    assert.deepEqual([1, 2, 3, 4, undefined].map((n) => policy.onConnectionError(n)), ['continue', 'continue', 'continue', 'shutdown', 'shutdown']);
  });

  it('names the output channel and what to do in its messages', () => {
    assert.match(RESTARTED_MESSAGE, /restarted/);
    assert.match(GAVE_UP_MESSAGE, /stopped 5 times within 3 minutes.*Developer: Reload Window/);
  });
});
