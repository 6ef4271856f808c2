import type { Measurement } from '../bench.types';
import { appendSamples, latencySummary } from './stats';

/** A browser gives up about then; an answer that never comes counts as a network error. */
const TIMEOUT_MS = 60_000;

interface GroupTally {
  requests: number;
  errors: number;
  /** Status (or `network`) → count, for every answer that was not 2xx/3xx. */
  failures: Record<string, number>;
  /** Response times (ms) of the requests started after the warm-up. */
  latencies: number[];
}

/**
 * Tallies the soak's requests by route group: every request and every failure (any status but 2xx/3xx, a
 * redirect to the sign-in page, a network error) from the first second on; response times only once the
 * warm-up is over.
 */
export class SoakRecorder {
  private readonly groups = new Map<string, GroupTally>();
  private measuredFrom = Infinity;

  /** Forgets everything so far (the sign-ins before the soak). */
  clear(): void {
    this.groups.clear();
  }

  /** From now on response times count. */
  startMeasuring(): void {
    this.measuredFrom = performance.now();
  }

  /** Sends one request (the body is read in full, as a browser would) and records how it went. */
  async request(group: string, url: string, init: RequestInit = {}): Promise<Response | undefined> {
    const tally = this.tally(group);
    const started = performance.now();
    tally.requests++;
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
      const body = await res.arrayBuffer();
      if (started >= this.measuredFrom) tally.latencies.push(performance.now() - started);
      if (res.status >= 400) this.count(tally, String(res.status));
      // A signed-in page that sends its browser to the sign-in page has lost the session: a failure too.
      else if (res.headers.get('location')?.startsWith('/sign-in'))
        this.count(tally, `${res.status} → /sign-in`);
      // The caller may want the body (a new draft's id, an export's status): hand back a readable copy.
      return new Response(res.status === 204 || res.status === 304 ? null : body, res);
    } catch (error) {
      this.count(tally, `network (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  }

  get errors(): number {
    return [...this.groups.values()].reduce((sum, g) => sum + g.errors, 0);
  }

  get requests(): number {
    return [...this.groups.values()].reduce((sum, g) => sum + g.requests, 0);
  }

  /** "POST /api/v1/cases/:id/interactions 500 ×2, …" or an empty list. */
  failures(): string[] {
    return [...this.groups].flatMap(([group, g]) =>
      Object.entries(g.failures).map(([status, n]) => `${group}: ${status} ×${n}`),
    );
  }

  /** One row per route group: percentiles after the warm-up, rate over `measuredSeconds`, all errors. */
  measurements(measuredSeconds: number): Measurement[] {
    return [...this.groups].map(([group, g]) => ({
      subject: `${group} (${g.requests} requests)`,
      ...latencySummary(g.latencies),
      throughput: { value: Math.round((g.latencies.length / measuredSeconds) * 100) / 100, unit: 'req/s' },
      errors: g.errors,
      samples: g.latencies.length,
    }));
  }

  /** Every response time after the warm-up, all groups together. */
  allLatencies(): number[] {
    const all: number[] = [];
    for (const g of this.groups.values()) appendSamples(all, g.latencies);
    return all;
  }

  private tally(group: string): GroupTally {
    let tally = this.groups.get(group);
    if (!tally) {
      tally = { requests: 0, errors: 0, failures: {}, latencies: [] };
      this.groups.set(group, tally);
    }
    return tally;
  }

  /** A failure seen in an answer's body (an export that failed): counted as an error of `group`. */
  fail(group: string, reason: string): void {
    this.count(this.tally(group), reason);
  }

  private count(tally: GroupTally, status: string): void {
    tally.errors++;
    tally.failures[status] = (tally.failures[status] ?? 0) + 1;
  }
}
