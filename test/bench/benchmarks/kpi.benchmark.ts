import type { AppConfig } from '@app/config';
import { WorkingCalendar } from '@app/follow-ups';
import { KpiReportService, ReportingRules } from '@app/reporting';
import type { KpiFilters } from '@app/reporting';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, verdict } from '../bench.types';
import { seedDatabase } from '../seed';
import { benchToken } from '../support/bench-token';
import { peakRssMb, resetPeakRss } from '../support/peak-rss';
import { appendSamples, latencySummary, median } from '../support/stats';

interface Statement {
  sql: string;
  params: unknown[];
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The statements KpiReportService runs for a report, captured with a recording DataSource. */
async function kpiStatements(filters: KpiFilters): Promise<Statement[]> {
  const captured: Statement[] = [];
  const manager = {
    query: async (sql: string, params: unknown[] = []) => {
      // The service turns JIT off per statement; the replay's connections do the same (see bareReports).
      if (!sql.startsWith('SET LOCAL')) captured.push({ sql, params: [...params] });
      return [];
    },
  };
  const recorder = {
    ...manager,
    transaction: async (run: (m: typeof manager) => Promise<unknown>) => run(manager),
  } as unknown as DataSource;
  const service = new KpiReportService(
    recorder,
    { PROGRAMME_TIME_ZONE: 'Europe/London' } as AppConfig,
    new WorkingCalendar({ timeZone: 'Europe/London' }),
    ReportingRules.load(),
  );
  await service.build(filters, { kind: 'programme' });
  return captured;
}

/**
 * The app: one report at a time, each read to its end before the next is asked for. (autocannon ends a
 * round with its last request still running, and the next round's first request would then share that
 * build, which KpiReportService does for identical requests in flight, and look several times faster.)
 */
async function oneAtATime(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline || latencies.length === 0) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status === 200) latencies.push(performance.now() - t0);
    else if (++errors > 3) break;
  }
  return { latencies, errors };
}

/** The ceiling: the report's statements, all at once as the service runs them, from bare pg, one report at a time. */
async function bareReports(
  databaseUrl: string,
  statements: Statement[],
  seconds: number,
): Promise<{ latencies: number[]; errors: number }> {
  // jit=off as KpiReportService runs its statements (it matters only where Postgres has LLVM).
  const pool = new Pool({ connectionString: databaseUrl, max: 10, options: '-c jit=off' });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  try {
    while (performance.now() < deadline || latencies.length === 0) {
      const t0 = performance.now();
      try {
        await Promise.all(statements.map((s) => pool.query(s.sql, s.params)));
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
        if (errors > 3) break;
      }
    }
  } finally {
    await pool.end();
  }
  return { latencies, errors };
}

export const kpiBenchmark: Benchmark = {
  name: 'kpi',
  title: 'Full KPI set for one year (no filter, and one region) vs the same SQL run directly',
  targets: ['full KPI set < 1 s', 'at most 3 × the same SQL run directly'],
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, app, databaseUrl, log } = context;
    const seeded = await seedDatabase(databaseUrl, { cases: settings.cases, advisers: 200, seed: 1 });
    log(
      seeded.skipped ? `  ${seeded.cases} cases already there` : `  seeded in ${seeded.seconds.toFixed(1)} s`,
    );
    const to = isoDay(new Date());
    const from = isoDay(new Date(Date.now() - 364 * 86_400_000));
    const bearer = await benchToken(app.api.url, 'officer-1@bench.example');
    const subjects = [
      { label: 'no filter', query: `from=${from}&to=${to}`, filters: { from, to } },
      {
        label: 'region london',
        query: `from=${from}&to=${to}&region=london`,
        filters: { from, to, region: 'london' },
      },
    ];
    const app1: Measurement[] = [];
    const ceilings: Measurement[] = [];
    const ratios: number[] = [];
    for (const subject of subjects) {
      const url = `${app.api.url}/api/v1/reports/kpis?${subject.query}`;
      const check = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
      if (check.status !== 200) throw new Error(`KPI report answered ${check.status}: ${await check.text()}`);
      const headers = { authorization: `Bearer ${bearer}` };
      await oneAtATime(url, headers, settings.warmupSeconds);
      const appLatencies: number[] = [];
      let appErrors = 0;
      let rss = 0;
      for (let round = 1; round <= settings.rounds; round++) {
        resetPeakRss(app.api.pid);
        const r = await oneAtATime(url, headers, settings.durationSeconds);
        appendSamples(appLatencies, r.latencies);
        appErrors += r.errors;
        rss = Math.max(rss, peakRssMb(app.api.pid) ?? 0);
        log(
          `  round ${round}/${settings.rounds} app (${subject.label}): median ${median(r.latencies)?.toFixed(0)} ms`,
        );
      }
      const measured: Measurement = {
        subject: `app: GET /api/v1/reports/kpis, one year, ${subject.label}`,
        ...latencySummary(appLatencies),
        peakRssMb: rss || undefined,
        errors: appErrors,
        samples: appLatencies.length,
      };
      app1.push(measured);
      const statements = await kpiStatements(subject.filters);
      await bareReports(databaseUrl, statements, settings.warmupSeconds);
      const latencies: number[] = [];
      let errors = 0;
      for (let round = 1; round <= settings.rounds; round++) {
        const r = await bareReports(databaseUrl, statements, settings.durationSeconds);
        appendSamples(latencies, r.latencies);
        errors += r.errors;
        log(
          `  round ${round}/${settings.rounds} bare pg (${subject.label}): median ${median(r.latencies)?.toFixed(0)} ms`,
        );
      }
      const ceiling: Measurement = {
        subject: `ceiling: the same ${statements.length} statements from bare pg, ${subject.label}`,
        ...latencySummary(latencies),
        errors,
        samples: latencies.length,
      };
      ceilings.push(ceiling);
      ratios.push((measured.medianMs ?? Infinity) / (ceiling.medianMs ?? 1));
    }
    return {
      name: this.name,
      title: this.title,
      status: 'measured',
      method:
        `${settings.cases} cases; one request at a time, each read to the end, ${settings.rounds} rounds × ${settings.durationSeconds} s per subject; ` +
        `ceiling: the statements KpiReportService runs for the same filters (current and previous period), ` +
        `captured and replayed concurrently from a pool of 10, one report at a time`,
      app: app1,
      ceiling: ceilings,
      ratio: {
        label: 'api median ÷ bare SQL median (no filter)',
        percent: Math.round(ratios[0] * 1000) / 10,
      },
      targets: [
        ...app1.map((m, i) => ({
          target: `full KPI set < 1 s (${subjects[i].label})`,
          actual: `median ${m.medianMs?.toFixed(0)} ms, p95 ${m.p95Ms?.toFixed(0)} ms`,
          verdict: verdict((m.p95Ms ?? Infinity) < 1000),
        })),
        ...ratios.map((r, i) => ({
          target: `at most 3 × the same SQL run directly (${subjects[i].label})`,
          actual: `${r.toFixed(2)} ×`,
          verdict: verdict(r <= 3),
        })),
      ],
      notes: [
        'A single filtered KPI cannot be asked for over HTTP (the API returns the whole set); its SQL is one of the statements above.',
      ],
    };
  },
};
