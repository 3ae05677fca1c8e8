/**
 * A helper thread of the language server (started by checkThreads.ts, on its own bundle dist/checkThread.js): checks
 * the documents the server hands it, by their text, and sends back what each keeps once checked (findings, the
 * workspace summaries, outline, folding, lens), as plain data. No connection, no file, no other input: texts and
 * settings in, plain data out.
 */
import { parentPort } from 'node:worker_threads';
import { DEFAULT_SETTINGS } from './core/settings';
import { getLanguageService } from './service/languageService';
import type { CheckThreadMessage, CheckThreadRequest } from './checkThreads';

/** A Pod that takes the main code paths: checked once at start-up (see below). */
const WARM_UP = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: warm-up\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      ports: [{containerPort: 80}]\n';

const port = parentPort;
if (port) {
  const post = (message: CheckThreadMessage) => port.postMessage(message);
  const service = getLanguageService({ log: (line) => post({ log: line }) });
  port.on('message', (request: CheckThreadRequest) => {
    post({ id: request.id, snapshots: service.checkTexts(request.documents, request.settings) });
  });
  // Loading the schema and compiling the checks is the thread's start-up cost: paid on a small Pod before it says it
  // is ready, so that its first batch of a file is as fast as the others.
  service.checkTexts([{ index: 0, text: WARM_UP }], DEFAULT_SETTINGS);
  post({ ready: true });
}
