import { rssMb } from './peak-rss';

export interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
}

/** `nodejs_heap_size_used_bytes` (prom-client's default metric) from a process's /metrics text, in MB. */
export function heapUsedMbFromMetrics(text: string): number | undefined {
  const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})?\s+([\d.e+]+)/m.exec(text);
  return match ? Math.round(Number(match[1]) / 1024 / 102.4) / 10 : undefined;
}

/**
 * RSS (/proc) and V8 heap in use (the process's /metrics, with the bench's METRICS_TOKEN) of one process:
 * the lowest of `readings` taken a second apart, so a single reading just before a garbage collection does
 * not pass for growth.
 */
export async function readProcessMemory(
  process: { pid: number; url: string },
  metricsToken: string | undefined,
  readings = 3,
): Promise<MemoryReading> {
  let lowest: MemoryReading = { rssMb: Infinity, heapUsedMb: Infinity };
  for (let i = 0; i < readings; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 1000));
    const res = await fetch(`${process.url}/metrics`, {
      headers: metricsToken ? { authorization: `Bearer ${metricsToken}` } : {},
    });
    const heap = heapUsedMbFromMetrics(await res.text());
    const rss = rssMb(process.pid);
    if (res.status !== 200 || heap === undefined || rss === undefined)
      throw new Error(`cannot read the memory of pid ${process.pid} (/metrics answered ${res.status})`);
    lowest = { rssMb: Math.min(lowest.rssMb, rss), heapUsedMb: Math.min(lowest.heapUsedMb, heap) };
  }
  return lowest;
}

/** Growth from `from` to `to` in percent, one decimal. */
export function growthPercent(from: number, to: number): number {
  return Math.round(((to - from) / from) * 1000) / 10;
}
