/** Small statistics over repeated timings, in milliseconds. */
export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0] ?? NaN };
}

/** Runs `once` `runs` times after `warmup` unmeasured runs and returns the measured durations. */
export async function repeat(runs: number, warmup: number, once: (i: number) => Promise<number> | number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await once(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(i));
  return samples;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A figure measured both as wall-clock time and as the server's CPU time. */
export interface Measured {
  readonly wall: Summary;
  readonly cpu?: Summary;
}

/** Collects wall and CPU samples of repeated runs. */
export class Samples {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];
  private cpuKnown = true;

  add(sample: { readonly ms: number; readonly cpuMs?: number }): void {
    this.wall.push(sample.ms);
    if (sample.cpuMs === undefined) this.cpuKnown = false;
    else this.cpu.push(sample.cpuMs);
  }

  summary(): Measured {
    return { wall: summarize(this.wall), cpu: this.cpuKnown && this.cpu.length ? summarize(this.cpu) : undefined };
  }
}

/**
 * CPU time of this process so far, in ms (user + system, every thread: the garbage collector's helpers count too).
 * In-process figures use it; /proc/self/schedstat would give the main thread alone, but it is only brought up to
 * date when the thread is descheduled, so it cannot time code while it runs.
 */
export function processCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
