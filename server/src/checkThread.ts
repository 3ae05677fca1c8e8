/**
 * A helper thread of the language server (started by checkThreads.ts, on its own bundle dist/checkThread.js): checks
 * the documents the server hands it, by their text, and sends back what each keeps once checked (findings, the
 * workspace summaries, outline, folding, lens), as plain data. No connection, no file, no other input: texts and
 * settings in, plain data out.
 */
import { parentPort } from 'node:worker_threads';
import { getLanguageService } from './service/languageService';
import type { CheckThreadMessage, CheckThreadRequest } from './checkThreads';

const port = parentPort;
if (port) {
  const post = (message: CheckThreadMessage) => port.postMessage(message);
  const service = getLanguageService({ log: (line) => post({ log: line }) });
  port.on('message', (request: CheckThreadRequest) => {
    post({ id: request.id, snapshots: service.checkTexts(request.documents, request.settings) });
  });
  // Ready once loaded: the first batch pays for loading the schema and compiling the checks, which a warm-up would
  // only have paid earlier while the server waited for it.
  post({ ready: true });
}
