// Measures how loud each profile is on the corpus of real manifests and writes the figures the rule reference
// shows (scripts/noise/corpusNoise.json), then regenerate docs/rules.md with `npm run docs:rules`.
//   npx tsx scripts/noise/measure.ts   (needs the shared corpus beside the repository)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDirectory, corpusFiles, measureNoise } from './corpusNoise';

export const NOISE_FIGURES_PATH = path.join(__dirname, 'corpusNoise.json');

if (require.main === module) {
  const dir = corpusDirectory();
  const files = corpusFiles(dir);
  if (!dir || files.length === 0) {
    console.error('no corpus of real manifests (shared/corpus/real) beside the repository');
    process.exit(1);
  }
  const noise = measureNoise(dir, files);
  writeFileSync(NOISE_FIGURES_PATH, JSON.stringify(noise, null, 2) + '\n');
  for (const p of noise.profiles) console.log(`${p.profile}: ${p.warningsPerFile} warnings per file over ${noise.files} files`);
}
