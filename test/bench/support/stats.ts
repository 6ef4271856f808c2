/** Nearest-rank percentile (p in 0..100) of unsorted samples; undefined for no samples. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(samples: readonly number[]): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Latency summary of pooled samples (ms). */
export function latencySummary(samples: readonly number[]): {
  medianMs?: number;
  p95Ms?: number;
  p99Ms?: number;
} {
  return { medianMs: median(samples), p95Ms: percentile(samples, 95), p99Ms: percentile(samples, 99) };
}

/** a ÷ b in percent, one decimal. */
export function ratioPercent(a: number, b: number): number {
  return b > 0 ? Math.round((a / b) * 1000) / 10 : 0;
}

/**
 * Appends `more` to `samples` in place. `samples.push(...more)` passes every element as an argument and
 * overflows the stack past ~120 000 of them (one 5 s round of a bare node:http server here).
 */
export function appendSamples(samples: number[], more: readonly number[]): void {
  for (const sample of more) samples.push(sample);
}
