import { CaseloadService } from '@app/advisers';
import type { CaseloadQueryDto } from '@app/advisers';
import type { AuditLogService } from '@app/audit-log';
import type { AppConfig } from '@app/config';
import { PolicyService } from '@app/identity';
import { PageCursors } from '@app/web';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { Benchmark, BenchContext, BenchmarkResult, verdict } from '../bench.types';
import { ensureBenchData } from '../support/bench-data';
import { benchToken } from '../support/bench-token';
import { measureHttpRounds } from '../support/http-rounds';
import { bareSqlMeasurement, bareSqlRound, type BareSqlRound, type Statement } from '../support/bare-sql';
import { ratioPercent } from '../support/stats';

/** The page an officer asks for most: one stage, by company name, 50 rows, first page (with counts). */
const QUERY: Partial<CaseloadQueryDto> = { stage: 'passive_exporter', sort: 'name', limit: 50 };
const QUERY_STRING = 'stage=passive_exporter&sort=nextDue&limit=50';

/**
 * The exact statements the api runs for the page, captured from the real CaseloadService with a
 * DataSource that records instead of querying: the ceiling runs the same SQL with the same parameters.
 */
async function caseloadStatements(officerId: string): Promise<Statement[]> {
  const captured: Statement[] = [];
  const recorder = {
    query: async (sql: string, params: unknown[]) => {
      captured.push({ sql, params: [...params] }); // the service pushes onto the same array later
      return sql.includes('count(*)') ? [{ total: 0 }] : [];
    },
  } as unknown as DataSource;
  const config = { PROGRAMME_TIME_ZONE: 'Europe/London', SESSION_SECRET: 'bench-only-secret' } as AppConfig;
  // The caseload asks the policy only what a role may do, which writes nothing: no audit log needed.
  const policy = new PolicyService({} as AuditLogService);
  const service = new CaseloadService(recorder, config, new PageCursors(config), policy);
  await service.page(
    { id: officerId, role: 'officer', email: 'officer-1@bench.example', name: 'Officer 1' },
    QUERY as CaseloadQueryDto,
  );
  return captured;
}

/** A ceiling round: the statements one after another from bare `pg`, a fresh pool of `poolSize`. */
async function bareSqlRoundOnPool(
  databaseUrl: string,
  statements: Statement[],
  connections: number,
  poolSize: number,
  seconds: number,
): Promise<BareSqlRound> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  try {
    return await bareSqlRound(pool, statements, { connections, seconds });
  } finally {
    await pool.end();
  }
}

export const caseloadBenchmark: Benchmark = {
  name: 'caseload',
  title: 'Caseload page API (filtered, sorted, 50 rows, 100k cases) vs the same SQL from bare pg',
  targets: ['caseload median < 25 ms', 'caseload p95 < 60 ms', 'caseload ≥ 50 % of the bare-pg query rate'],
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, app, databaseUrl, log } = context;
    log(`  seeding ${settings.cases} cases (npm run bench:seed's data set) unless already there…`);
    await ensureBenchData(context);

    const bearer = await benchToken(app.api.url, 'officer-1@bench.example');
    const check = await fetch(`${app.api.url}/api/v1/cases?${QUERY_STRING}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const firstPage = (await check.json()) as { items?: unknown[]; counts?: { total: number } };
    if (check.status !== 200 || firstPage.items?.length !== 50)
      throw new Error(`caseload answered ${check.status} with ${firstPage.items?.length} rows`);

    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    const [{ id: officerId }] = (
      await pool.query(`SELECT id FROM users WHERE email = 'officer-1@bench.example'`)
    ).rows as { id: string }[];
    await pool.end();
    // The counts statement runs once per 30 s per filter for officers (CaseloadService reuses them), so
    // what each request costs the database is the page statement: that is the ceiling's loop.
    const statements = (await caseloadStatements(officerId)).slice(-1);

    const [api] = await measureHttpRounds(context, [
      {
        subject: 'app: GET /api/v1/cases (officer, stage filter, by next due date, 50 rows + counts)',
        url: `${app.api.url}/api/v1/cases?${QUERY_STRING}`,
        headers: { authorization: `Bearer ${bearer}` },
        pid: app.api.pid,
      },
    ]);
    // Same pool size as the api (DATABASE_POOL_SIZE, 10) and the same concurrency as autocannon.
    await bareSqlRoundOnPool(databaseUrl, statements, settings.connections, 10, settings.warmupSeconds);
    const rounds = [];
    for (let round = 1; round <= settings.rounds; round++) {
      const r = await bareSqlRoundOnPool(
        databaseUrl,
        statements,
        settings.connections,
        10,
        settings.durationSeconds,
      );
      log(`  round ${round}/${settings.rounds} bare pg: ${Math.round(r.completed / r.seconds)} pages/s`);
      rounds.push(r);
    }
    const ceiling = bareSqlMeasurement('ceiling: the page statement from bare pg (pool of 10)', rounds);
    // Latency targets are for one request at a time, not under 50 concurrent connections: measure that too.
    const single = await measureHttpRounds({ ...context, settings: { ...settings, connections: 1 } }, [
      {
        subject: 'app: the same request, one connection',
        url: `${app.api.url}/api/v1/cases?${QUERY_STRING}`,
        headers: { authorization: `Bearer ${bearer}` },
        pid: app.api.pid,
      },
    ]);
    const [one] = single;
    const ratio = ratioPercent(api.throughput?.value ?? 0, ceiling.throughput?.value ?? 0);
    return {
      name: this.name,
      title: this.title,
      status: 'measured',
      method:
        `${firstPage.counts?.total ?? '?'} passive exporters among ${settings.cases} cases; autocannon with ` +
        `${settings.connections} connections and with 1, ${settings.rounds} rounds × ${settings.durationSeconds} s; ` +
        `ceiling: the page statement CaseloadService runs, captured and replayed with its parameters (the counts ` +
        `statement, ~100 ms, runs once per 30 s per filter for officers and is left out of both loops' steady state)`,
      app: [api, one],
      ceiling: [ceiling],
      ratio: {
        label: 'api pages/s ÷ bare pg pages/s',
        percent: ratio,
      },
      targets: [
        {
          target: 'caseload median < 25 ms (one connection)',
          actual: `${one.medianMs?.toFixed(1)} ms`,
          verdict: verdict((one.medianMs ?? Infinity) < 25),
        },
        {
          target: 'caseload p95 < 60 ms (one connection)',
          actual: `${one.p95Ms?.toFixed(1)} ms`,
          verdict: verdict((one.p95Ms ?? Infinity) < 60),
        },
        {
          target: 'caseload ≥ 50 % of the bare-pg query rate (50 connections, issue 29)',
          actual: `${ratio.toFixed(1)} %`,
          verdict: verdict(ratio >= 50),
        },
        {
          target: 'caseload answers every request with 2xx',
          actual: `${(api.errors ?? 0) + (one.errors ?? 0)} errors`,
          verdict: verdict((api.errors ?? 0) + (one.errors ?? 0) === 0),
        },
      ],
      notes: [],
    };
  },
};
