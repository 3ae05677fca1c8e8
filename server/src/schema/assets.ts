import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a build artefact from `dist/schema/` (the generated schema, our compiled annotations).
 *
 * Why a search: the bundle runs from `dist/server.js`, while tests run the sources from `server/src/...`; both
 * find the folder by walking up to the directory that holds the project's `dist/schema`.
 */
export function readSchemaAsset(fileName: string): unknown {
  return JSON.parse(readFileSync(path.join(schemaDir(), fileName), 'utf8'));
}

let cachedDir: string | undefined;

export function schemaDir(): string {
  if (cachedDir) return cachedDir;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    for (const candidate of [path.join(dir, 'schema'), path.join(dir, 'dist', 'schema')]) {
      if (existsSync(path.join(candidate, 'kubernetes.schema.json'))) return (cachedDir = candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('dist/schema/kubernetes.schema.json not found: run `npm run build` first');
}
