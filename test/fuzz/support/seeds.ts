/**
 * The manifests the fuzz tests start from: every YAML file under `examples/` (always present) and, when the shared
 * corpus of real-world manifests sits beside the repository (`../shared/corpus/real`), those too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');

export interface Seed {
  /** Path relative to its root, for failure messages. */
  readonly name: string;
  readonly text: string;
}

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
}

function load(dir: string, label: string): Seed[] {
  return yamlFilesUnder(dir).map((f) => ({ name: `${label}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

export function exampleSeeds(): Seed[] {
  return load(path.join(REPO_ROOT, 'examples'), 'examples');
}

/** Real-world manifests; empty (and the caller says it skipped them) when the corpus is absent. */
export function corpusSeeds(): Seed[] {
  return load(CORPUS_DIR, 'corpus');
}
