// Preloaded into the server process by uncaught.test.ts: once the server is up, an exception nobody catches and a
// promise rejection nobody handles, as a bug in a timer or a callback would produce.
'use strict';
setTimeout(() => {
  Promise.reject(new Error('planted rejection'));
  throw new Error('planted exception');
}, Number(process.env.PODSMITH_PLANT_DELAY_MS || 300));
