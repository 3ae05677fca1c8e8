/**
 * The schema walk against the YAML parse it follows, on one big file: the walk must cost well under the parse
 * (target: walk ≤ 1x parse). Both are measured in-process, warm, as medians of several runs.
 *
 *   npx tsx bench/schemaWalk.ts [count]     (default: 500 Deployments)
 */
import { parseManifestFile } from '../server/src/document/manifestFile';
import { schemaCheck } from '../server/src/schema/schemaCheck';
import type { CheckContext } from '../server/src/core/rule';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { manyDeployments } from './workloads';

const count = Number(process.argv[2] ?? 500);
const { text, lines } = manyDeployments(count);
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const parses: number[] = [];
const walks: number[] = [];
let findings = 0;
let cold = 0;
for (let i = 0; i < RUNS + 2; i++) {
  let file = parseManifestFile('file:///bench.yaml', i, text);
  const parse = time(() => (file = parseManifestFile('file:///bench.yaml', i, text)));
  let found = 0;
  const walk = time(() => {
    for (const doc of file.documents) {
      const ctx: CheckContext = {
        doc,
        settings: DEFAULT_SETTINGS,
        report: () => void found++,
        isEnabled: () => true,
      };
      schemaCheck.run(ctx);
    }
  });
  // The first runs warm the JIT and compile the shapes.
  if (i === 0) cold = walk;
  if (i < 2) continue;
  parses.push(parse);
  walks.push(walk);
  findings = found;
}
const parse = median(parses);
const walk = median(walks);
console.log(`${count} Deployments, ${lines} lines, ${(text.length / 1e6).toFixed(2)} MB; ${findings} findings`);
console.log(`parse (median of ${RUNS}): ${parse.toFixed(1)} ms`);
console.log(`schema walk, first run (compiles the shapes, cold JIT): ${cold.toFixed(1)} ms`);
console.log(`schema walk (median of ${RUNS}): ${walk.toFixed(1)} ms = ${(walk / parse).toFixed(2)}x the parse`);
