import { rssMb } from './peak-rss';

export interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
  /** Heap in use right after a full garbage collection: what the process still holds. */
  liveHeapMb?: number;
}

/** `nodejs_heap_size_used_bytes` (prom-client's default metric) from a process's /metrics text, in MB. */
export function heapUsedMbFromMetrics(text: string): number | undefined {
  const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})?\s+([\d.e+]+)/m.exec(text);
  return match ? Math.round(Number(match[1]) / 1024 / 102.4) / 10 : undefined;
}

async function heapFromMetrics(process: { pid: number; url: string }, metricsToken: string | undefined) {
  const res = await fetch(`${process.url}/metrics`, {
    headers: metricsToken ? { authorization: `Bearer ${metricsToken}` } : {},
  });
  const heap = heapUsedMbFromMetrics(await res.text());
  if (res.status !== 200 || heap === undefined)
    throw new Error(`cannot read the heap of pid ${process.pid} (/metrics answered ${res.status})`);
  return heap;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * RSS (/proc) and V8 heap in use (the process's /metrics, with the bench's METRICS_TOKEN) of one process:
 * the lowest of `readings` taken a second apart, so a single reading just before a garbage collection does
 * not pass for growth. With `collect` (a process started with the bench's SIGWINCH hook, see main.ts) also
 * the live heap: the lowest of as many readings each right after a full collection.
 */
export async function readProcessMemory(
  process: { pid: number; url: string },
  metricsToken: string | undefined,
  readings = 3,
  collect = false,
): Promise<MemoryReading> {
  let lowest: MemoryReading = { rssMb: Infinity, heapUsedMb: Infinity };
  for (let i = 0; i < readings; i++) {
    if (i > 0) await sleep(1000);
    const heap = await heapFromMetrics(process, metricsToken);
    const rss = rssMb(process.pid);
    if (rss === undefined) throw new Error(`cannot read the RSS of pid ${process.pid}`);
    lowest = { rssMb: Math.min(lowest.rssMb, rss), heapUsedMb: Math.min(lowest.heapUsedMb, heap) };
  }
  if (!collect) return lowest;
  let live = Infinity;
  for (let i = 0; i < readings; i++) {
    globalThis.process.kill(process.pid, 'SIGWINCH');
    // The collection runs on the process's main thread between two requests: give it time to finish.
    await sleep(500);
    live = Math.min(live, await heapFromMetrics(process, metricsToken));
  }
  return { ...lowest, liveHeapMb: live };
}

/** Growth from `from` to `to` in percent, one decimal. */
export function growthPercent(from: number, to: number): number {
  return Math.round(((to - from) / from) * 1000) / 10;
}
