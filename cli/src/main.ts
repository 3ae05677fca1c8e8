/**
 * The `podsmith` command (dist/cli.js). In a worker thread the same bundle serves checks instead (workerPool.ts).
 */
import { availableParallelism } from 'node:os';
import { runCli } from './run';
import { isCheckWorker, serveChecks } from './workerPool';

if (isCheckWorker()) {
  serveChecks();
} else {
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    isTTY: !!process.stdout.isTTY,
    defaultJobs: Math.max(1, Math.min(availableParallelism(), 8)),
  }).then((code) => {
    process.exitCode = code;
  });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
