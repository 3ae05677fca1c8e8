// Where the shared data beside the repository is: `shared/` next to the checkout, or next to a folder above it
// (a git worktree sits deeper than the main checkout). Tests that read it, and scripts that derive facts from it,
// find it here and skip (or stop) where it is absent; the build and the extension never read it.
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');

/** `shared/<parts>` in the nearest folder above the repository that has it; undefined where none does. */
export function sharedDataPath(...parts: string[]): string | undefined {
  for (let dir = path.dirname(REPO_ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', ...parts);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
