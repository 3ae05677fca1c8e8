// Preloaded into the server process by uncaught.test.ts: when the test sends SIGUSR2 (once the server answered
// initialize, so its log reaches the client), an exception nobody catches and a promise rejection nobody handles, as
// a bug in a timer or a callback would produce. A signal, not a delay: a busy machine must not change what happens.
'use strict';
process.on('SIGUSR2', () => {
  setImmediate(() => {
    Promise.reject(new Error('planted rejection'));
    throw new Error('planted exception');
  });
});
