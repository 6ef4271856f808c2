import type { AuditLogService } from '@app/audit-log';
import type { AppConfig } from '@app/config';
import { PolicyService } from '@app/identity';
import { OpportunitiesService, OpportunityRules } from '@app/opportunities';
import type { PipelineQueryDto } from '@app/opportunities';
import { ExchangeRates, PageCursors } from '@app/web';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, verdict } from '../bench.types';
import { ensureBenchData } from '../support/bench-data';
import { benchToken } from '../support/bench-token';
import { measureHttpRounds } from '../support/http-rounds';
import { bareSqlMeasurement, bareSqlRound, type BareSqlRound, type Statement } from '../support/bare-sql';
import { ratioPercent } from '../support/stats';

/** What an officer opens first: the active opportunities of every case, first page of 50, with the totals. */
const QUERY: Partial<PipelineQueryDto> = { status: 'active', limit: 50 };
const QUERY_STRING = 'status=active&limit=50';

/** Issue 25's expectation for the officer's pipeline at 100 000 cases (one request at a time). */
const P95_TARGET_MS = 100;
const MEDIAN_TARGET_MS = 50;
const RATIO_TARGET_PERCENT = 40;

/**
 * The exact statements the api runs for the page (the rows of the page and the totals per currency),
 * captured from the real OpportunitiesService with a DataSource that records instead of querying: the
 * ceiling runs the same SQL with the same parameters.
 */
async function pipelineStatements(officerId: string): Promise<Statement[]> {
  const captured: Statement[] = [];
  const recorder = {
    manager: {},
    query: async (sql: string, params: unknown[]) => {
      captured.push({ sql, params: [...params] });
      return [];
    },
  } as unknown as DataSource;
  const config = { PROGRAMME_TIME_ZONE: 'Europe/London', SESSION_SECRET: 'bench-only-secret' } as AppConfig;
  // The pipeline asks the policy only what a role may do, reads the likelihood weights and converts its
  // (here empty) totals: nothing else of the service's collaborators is touched.
  const unused = undefined as never;
  const service = new OpportunitiesService(
    recorder,
    unused,
    unused,
    new PolicyService({} as AuditLogService),
    unused,
    unused,
    OpportunityRules.load(),
    new PageCursors(config),
    ExchangeRates.load(),
    config,
  );
  await service.pipeline(
    { id: officerId, role: 'officer', email: 'officer-1@bench.example', name: 'Officer 1' },
    QUERY as PipelineQueryDto,
  );
  return captured;
}

export const pipelineBenchmark: Benchmark = {
  name: 'pipeline',
  title:
    "Officer's opportunity pipeline API (active, 50 rows + totals, 100k cases) vs the same SQL from bare pg",
  targets: [
    `pipeline median < ${MEDIAN_TARGET_MS} ms (one connection)`,
    `pipeline p95 < ${P95_TARGET_MS} ms (one connection)`,
    `pipeline ≥ ${RATIO_TARGET_PERCENT} % of the bare-pg page rate (one connection)`,
  ],
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, app, databaseUrl, log } = context;
    log(`  seeding ${settings.cases} cases (npm run bench:seed's data set) unless already there…`);
    await ensureBenchData(context);

    const url = `${app.api.url}/api/v1/opportunities?${QUERY_STRING}`;
    const bearer = await benchToken(app.api.url, 'officer-1@bench.example');
    const check = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
    const firstPage = (await check.json()) as {
      items?: unknown[];
      total?: number;
      inReportingCurrency?: { value: unknown; missingRates: string[] };
    };
    if (check.status !== 200 || firstPage.items?.length !== 50)
      throw new Error(`the pipeline answered ${check.status} with ${firstPage.items?.length} rows`);
    if (!firstPage.inReportingCurrency?.value)
      throw new Error(
        `the pipeline has no total in the reporting currency: no rate for ${firstPage.inReportingCurrency?.missingRates.join(', ')}`,
      );

    // Same pool size as the api (DATABASE_POOL_SIZE, 10).
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    let ceiling: Measurement;
    let opportunities = 0;
    try {
      const [{ id: officerId }] = (
        await pool.query(`SELECT id FROM users WHERE email = 'officer-1@bench.example'`)
      ).rows as { id: string }[];
      [{ n: opportunities }] = (await pool.query(`SELECT count(*)::int AS n FROM export_opportunities`))
        .rows as { n: number }[];
      const statements = await pipelineStatements(officerId);
      if (statements.length !== 2)
        throw new Error(`expected the page and totals statements, captured ${statements.length}`);

      // Latency targets are for one request at a time: app and ceiling both at one connection, their
      // rounds taking turns (the machine is shared: drift in its load hits both alike).
      const one = { ...context, settings: { ...settings, connections: 1 } };
      await bareSqlRound(pool, statements, {
        connections: 1,
        seconds: settings.warmupSeconds,
        together: true,
      });
      const rounds: BareSqlRound[] = [];
      const [api] = await measureHttpRounds(
        one,
        [
          {
            subject: 'app: GET /api/v1/opportunities?status=active&limit=50 (officer), one connection',
            url,
            headers: { authorization: `Bearer ${bearer}` },
            pid: app.api.pid,
          },
        ],
        async (round) => {
          const r = await bareSqlRound(pool, statements, {
            connections: 1,
            seconds: settings.durationSeconds,
            together: true,
          });
          log(`  round ${round}/${settings.rounds} bare pg: ${Math.round(r.completed / r.seconds)} pages/s`);
          rounds.push(r);
        },
      );
      ceiling = bareSqlMeasurement(
        'ceiling: the page and totals statements at once from bare pg, one connection',
        rounds,
      );
      const ratio = ratioPercent(api.throughput?.value ?? 0, ceiling.throughput?.value ?? 0);
      return {
        status: 'measured',
        name: this.name,
        title: this.title,
        method:
          `${firstPage.total ?? '?'} active among ${opportunities} opportunities of ${settings.cases} cases; ` +
          `autocannon with 1 connection, ${settings.rounds} rounds × ${settings.durationSeconds} s after ` +
          `${settings.warmupSeconds} s of warm-up, app and ceiling rounds in turn; ceiling: the two statements OpportunitiesService.pipeline ` +
          `runs (page rows, totals per currency), captured and replayed with their parameters, both at once ` +
          `as the service sends them, one loop`,
        app: [api],
        ceiling: [ceiling],
        ratio: { label: 'api pages/s ÷ bare pg pages/s (one connection)', percent: ratio },
        targets: [
          {
            target: `pipeline median < ${MEDIAN_TARGET_MS} ms (one connection)`,
            actual: `${api.medianMs?.toFixed(1)} ms`,
            verdict: verdict((api.medianMs ?? Infinity) < MEDIAN_TARGET_MS),
          },
          {
            target: `pipeline p95 < ${P95_TARGET_MS} ms (one connection)`,
            actual: `${api.p95Ms?.toFixed(1)} ms`,
            verdict: verdict((api.p95Ms ?? Infinity) < P95_TARGET_MS),
          },
          {
            target: `pipeline ≥ ${RATIO_TARGET_PERCENT} % of the bare-pg page rate (one connection)`,
            actual: `${ratio.toFixed(1)} %`,
            verdict: verdict(ratio >= RATIO_TARGET_PERCENT),
          },
          {
            target: 'pipeline answers every request with 2xx',
            actual: `${api.errors ?? 0} errors`,
            verdict: verdict((api.errors ?? 0) === 0),
          },
        ],
        notes: [],
      };
    } finally {
      await pool.end();
    }
  },
};
