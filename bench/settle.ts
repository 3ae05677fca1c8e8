/**
 * Reading a server's publishes after an open as a person sees them: when the problems in view are right, and when
 * the whole file's problems stop changing. Pure, so that it is unit-tested (test/unit/bench/settle.test.ts).
 *
 * A server may publish a file's diagnostics more than once after opening it (the visible documents first, then the
 * rest in chunks). Counting the first publish would reward publishing anything early, even nothing; counting the
 * last would hide that the view was right long before. So both are read against the final state:
 *
 * - **first**: the earliest publish from which on the diagnostics inside the visible lines are those of the final
 *   publish (what the person looks at is right and stays right);
 * - **all**: the earliest publish from which on the whole list is the final one (nothing changes after it).
 */

/** The parts of a diagnostic this reading needs (structurally an LSP Diagnostic). */
export interface PublishedDiagnostic {
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly message: unknown;
  readonly severity?: number;
  readonly code?: unknown;
}

/** One publishDiagnostics of the document, with when it arrived. */
export interface Publish {
  /** Milliseconds since the notification that started the step (didOpen). */
  readonly ms: number;
  /** The server's main-thread CPU time since then, where known. */
  readonly cpuMs?: number;
  readonly diagnostics: readonly PublishedDiagnostic[];
}

/** The lines an editor shows, 0-based and inclusive. */
export interface VisibleLines {
  readonly first: number;
  readonly last: number;
}

export interface Settled {
  /** Index of the publish from which the visible lines' diagnostics are final. */
  readonly first: number;
  /** Index of the publish from which the whole list is final. */
  readonly all: number;
  /** How many of the final diagnostics lie in the visible lines (0 would make `first` say little). */
  readonly visibleDiagnostics: number;
}

/** Reads `publishes` (in arrival order); undefined when there is none. */
export function settle(publishes: readonly Publish[], visible: VisibleLines): Settled | undefined {
  if (publishes.length === 0) return undefined;
  const keys = publishes.map((p) => keysOf(p.diagnostics));
  const visibleKeys = publishes.map((p) => keysOf(p.diagnostics.filter((d) => inView(d, visible))));
  const last = publishes.length - 1;
  return {
    first: stableFrom(visibleKeys, last),
    all: stableFrom(keys, last),
    visibleDiagnostics: publishes[last].diagnostics.filter((d) => inView(d, visible)).length,
  };
}

/** The earliest index from which every entry equals the last one. */
function stableFrom(keys: readonly string[], last: number): number {
  let from = last;
  while (from > 0 && keys[from - 1] === keys[last]) from--;
  return from;
}

function inView(d: PublishedDiagnostic, visible: VisibleLines): boolean {
  return d.range.start.line <= visible.last && d.range.end.line >= visible.first;
}

/** The diagnostics as one comparable text, independent of their order in the list. */
function keysOf(diagnostics: readonly PublishedDiagnostic[]): string {
  return diagnostics
    .map((d) => JSON.stringify([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message]))
    .sort()
    .join('\n');
}
