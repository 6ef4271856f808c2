import type { BenchContext, Measurement } from '../bench.types';
import { runLoad } from './load';
import { peakRssMb, resetPeakRss } from './peak-rss';
import { appendSamples, latencySummary, median } from './stats';

export interface HttpSubject {
  subject: string;
  url: string;
  /** The process whose peak RSS is reported. */
  pid: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Loads every subject with autocannon from a separate process: one discarded warm-up round each, then
 * `rounds` measured rounds, the subjects alternating round by round so that drift in the machine's load
 * (other people share these cores) hits app and ceiling alike. Throughput is the median of the rounds;
 * latency percentiles pool every response of the measured rounds. `between`, when given, runs after each
 * round of the subjects (a ceiling measured outside autocannon takes its turns there).
 */
export async function measureHttpRounds(
  context: BenchContext,
  subjects: HttpSubject[],
  between?: (round: number) => Promise<void>,
): Promise<Measurement[]> {
  const { settings, app } = context;
  const load = (subject: HttpSubject, durationSeconds: number) =>
    runLoad(
      {
        kind: 'http',
        url: subject.url,
        connections: settings.connections,
        durationSeconds,
        method: subject.method,
        headers: subject.headers,
        body: subject.body,
      },
      app.root,
    );
  for (const subject of subjects) {
    context.log(`  warm-up ${subject.subject} (${settings.warmupSeconds} s)`);
    await load(subject, settings.warmupSeconds);
  }
  const pooled = subjects.map(() => ({
    latencies: [] as number[],
    rates: [] as number[],
    errors: 0,
    rss: 0,
  }));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [i, subject] of subjects.entries()) {
      resetPeakRss(subject.pid);
      const result = await load(subject, settings.durationSeconds);
      const rate = result.completed / result.seconds;
      const acc = pooled[i];
      appendSamples(acc.latencies, result.latencies);
      acc.rates.push(rate);
      acc.errors += result.errors;
      acc.rss = Math.max(acc.rss, peakRssMb(subject.pid) ?? 0);
      context.log(
        `  round ${round}/${settings.rounds} ${subject.subject}: ${Math.round(rate)} req/s, ${result.errors} errors`,
      );
    }
    await between?.(round);
  }
  return subjects.map((subject, i) => ({
    subject: subject.subject,
    ...latencySummary(pooled[i].latencies),
    throughput: { value: Math.round(median(pooled[i].rates) ?? 0), unit: 'req/s' },
    peakRssMb: pooled[i].rss || undefined,
    errors: pooled[i].errors,
    samples: pooled[i].latencies.length,
  }));
}
