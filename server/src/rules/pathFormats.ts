/**
 * The path grammars of the API server for paths inside a volume (items, subPath, gitRepo's directory, a seccomp
 * profile): relative and without a `..` step. Each check returns the problem in words, or undefined.
 */

/** True when a `/`-separated step of `path` is `..` (a backslash counts as a separator too, as on Windows nodes). */
export function hasBackstep(path: string): boolean {
  return path.split(/[\\/]/).includes('..');
}

/** A path that must stay inside its volume: relative, with no `..` step. */
export function descendingPathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return 'it is absolute; it must be relative to the volume';
  if (hasBackstep(path)) return "it contains a '..' step; it must stay inside the volume";
  return undefined;
}

/**
 * A file path inside a volume that the kubelet writes (configMap, secret, downwardAPI and projected items): as
 * descendingPathProblem, and it may not start with '..' (the kubelet's own `..data` links live there).
 */
export function itemPathProblem(path: string): string | undefined {
  const problem = descendingPathProblem(path);
  if (problem) return problem;
  if (path.startsWith('..')) return "it starts with '..', which the kubelet keeps for its own files (`..data`)";
  return undefined;
}
