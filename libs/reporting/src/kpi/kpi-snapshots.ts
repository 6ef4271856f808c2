import { createHash } from 'node:crypto';
import { AppConfig } from '@app/config';
import { databaseUnavailable, InjectReportsDataSource } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportingRules } from '../reporting-rules';
import type { KpiRow } from './kpi-registry';
import type { KpiFilters } from './kpi-report';
import { COMMON_CTES, KPI_SOURCES, type KpiSourceKey } from './kpi-sql';
import { ReportBeingPreparedError } from './report-being-prepared.error';

/** One source query for one period (`filters.from`–`filters.to`) and set of filters. */
export interface SourceRequest {
  source: KpiSourceKey;
  filters: KpiFilters;
}

export interface SourceRows {
  rows: KpiRow[];
  /** When the rows were read: every change committed before this is in them. */
  computedAt: Date;
  /** Computed for this call, rather than read from a summary. */
  live: boolean;
}

/** A snapshot is served for at most this long after it was computed (the reporting issue's bound). */
export const SNAPSHOT_MAX_AGE_SECONDS = 300;
/** The worker recomputes a watched snapshot this old whatever happened, so it is never served stale. */
export const REFRESH_ALWAYS_AFTER_SECONDS = 180;
/** … and one this old as soon as the outbox holds an event written after it was computed. */
export const REFRESH_CHANGED_AFTER_SECONDS = 60;
/** Snapshots a report read within this window are watched (kept fresh) by the worker. */
export const WATCH_SECONDS = 30 * 60;
/** Snapshots nobody has read for this long are deleted. */
const PRUNE_AFTER_SECONDS = 24 * 60 * 60;
/** Source queries one refresh run recomputes at most (a full report is 22), and how many at a time (at most
 * REPORTS_POOL_SIZE). */
const REFRESH_LIMIT = 120;
export const REFRESH_CONCURRENCY = 2;

/** `run` over `items`, at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** The SQL of one source: the shared filters and period, then the source's own query. */
export const kpiSourceSql = (source: KpiSourceKey): string => `${COMMON_CTES}\n${KPI_SOURCES[source]}`;

/** The parameters every source query takes (see kpi-sql.ts), for a period and filters. */
export function kpiSourceParams(filters: KpiFilters, timeZone: string, barrierBelow: number): unknown[] {
  return [
    filters.from,
    filters.to,
    timeZone,
    filters.region ?? null,
    filters.sector ?? null,
    filters.adviserId ?? null,
    filters.sizeBand ?? null,
    filters.stageAtEnrolment ?? null,
    barrierBelow,
  ];
}

export interface RowsOptions {
  /** Statements at a time at most (never more than REPORTS_POOL_SIZE). */
  concurrency?: number;
  /** The worker's work: the background statement timeout, and nothing marked as wanted on failure. */
  background?: boolean;
}

interface SnapshotRow {
  key: string;
  rows: KpiRow[];
  computed_at: Date;
}

/**
 * KPI source rows, read from a summary table when it is fresh enough and computed live otherwise.
 *
 * A full report runs 22 aggregate statements over a year of interactions, audits, enrolments and stage
 * moves (several seconds at 100 000 cases). Their rows are kept in `kpi_snapshots`, keyed by source, period,
 * filters and the settings the SQL reads. A report uses a snapshot computed less than five minutes ago and
 * computes (and stores) the rest. The worker's refresh, every minute, recomputes the snapshots reports read
 * in the last half hour: after a minute when the outbox shows an event written since, and after three
 * minutes in any case, so the figures officers are looking at stay fresh without them waiting for them.
 * Every report says how old its figures are (`dataAsOf`, the oldest snapshot it used).
 *
 * The source statements run on the reports' own pool (REPORTS_POOL_SIZE connections, `reportsDataSource`),
 * at most that many at a time per report, so reports queue among themselves and never take a connection an
 * interactive request needs; the small reads and writes of the summary table use the main pool.
 */
@Injectable()
export class KpiSnapshots {
  private readonly logger = new Logger(KpiSnapshots.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectReportsDataSource() private readonly reportsDataSource: DataSource,
    private readonly config: AppConfig,
    private readonly rules: ReportingRules,
  ) {}

  /**
   * The rows for each request, in order: fresh snapshots where there are some, computed otherwise, at most
   * `concurrency` statements at a time and never more than the reports' pool has connections, so a report
   * never waits for a connection behind its own statements (the worker's refresh asks for fewer, to spare
   * the database).
   */
  async rows(requests: readonly SourceRequest[], options: RowsOptions = {}): Promise<SourceRows[]> {
    const { concurrency = Infinity, background = false } = options;
    const keys = requests.map((r) => this.key(r));
    const fresh = await this.lookUp([...new Set(keys)]);
    const missing = [...new Map(keys.map((key, i) => [key, requests[i]])).entries()].filter(
      ([key]) => !fresh.has(key),
    );
    const lanes = Math.min(concurrency, this.config.REPORTS_POOL_SIZE);
    let computed: SourceRows[];
    try {
      computed = await mapLimit(missing, lanes, ([, request]) => this.compute(request, background));
    } catch (error) {
      // Too slow to compute while someone waits (a year of a very large programme): the worker computes
      // it in the background instead, and the view after that reads it from the summary.
      const tooSlow = !background && databaseUnavailable(error)?.reason === 'timeout';
      if (tooSlow && (await this.want(missing.map(([key, request]) => ({ key, request })))))
        throw new ReportBeingPreparedError();
      throw error;
    }
    computed.forEach((result, i) => fresh.set(missing[i][0], result));
    // Read now: stored with the database's clock, like every other time the refresh compares.
    await this.store(missing.map(([key, request], i) => ({ key, request, result: computed[i] })));
    return keys.map((key) => fresh.get(key) as SourceRows);
  }

  /**
   * The snapshots among `keys` computed less than five minutes ago, marked as read (at most once a minute,
   * to spare a write per view). If the summary table cannot be read, the report is computed live instead,
   * unless the database is busy or out of reach: then the report is not started at all (a 503 to retry).
   */
  private async lookUp(keys: string[]): Promise<Map<string, SourceRows>> {
    try {
      const hits = (await this.dataSource.query(
        `WITH hit AS (
           SELECT key, rows, computed_at, requested_at FROM kpi_snapshots
            WHERE key = ANY($1::text[]) AND computed_at > now() - make_interval(secs => $2)
         ), touched AS (
           UPDATE kpi_snapshots s SET requested_at = now()
             FROM hit WHERE s.key = hit.key AND hit.requested_at < now() - interval '1 minute'
         )
         SELECT key, rows, computed_at FROM hit`,
        [keys, SNAPSHOT_MAX_AGE_SECONDS],
      )) as SnapshotRow[];
      return new Map(hits.map((s) => [s.key, { rows: s.rows, computedAt: s.computed_at, live: false }]));
    } catch (error) {
      if (databaseUnavailable(error)) throw error;
      this.logger.warn(`KPI snapshots not read, computing live: ${(error as Error).message}`);
      return new Map();
    }
  }

  /**
   * Runs one source query against the live tables, on the reports' pool; in the `background` (the worker's
   * refresh and warm-up) with REPORTS_BACKGROUND_STATEMENT_TIMEOUT_MS instead of the interactive timeout.
   */
  async compute(request: SourceRequest, background = false): Promise<SourceRows> {
    return this.reportsDataSource.transaction(async (m) => {
      // JIT compilation (on by default where Postgres is built with LLVM) spent ~0.8 s of 1.6 s compiling the
      // transitions statement at 100 000 cases; these statements are planned fresh each time, so it never
      // pays back. `is_local` keeps it off, and the timeout set, for this transaction only. now() is
      // the transaction's start, so the statement after it sees at least everything committed by then.
      const timeout = background
        ? this.config.REPORTS_BACKGROUND_STATEMENT_TIMEOUT_MS
        : this.config.DATABASE_STATEMENT_TIMEOUT_MS;
      const [started] = (await m.query(
        `SELECT set_config('jit', 'off', true) AS jit, set_config('statement_timeout', $1, true) AS timeout,
                now() AS at`,
        [String(timeout)],
      )) as { at: Date }[];
      const rows = (await m.query(kpiSourceSql(request.source), this.params(request.filters))) as KpiRow[];
      return { rows, computedAt: started.at, live: true };
    });
  }

  /**
   * Recomputes the snapshots reports have read in the last half hour that are due (see the class comment)
   * and deletes those nobody has read for a day. Safe to run twice or side by side: a snapshot is only
   * ever replaced by one computed later.
   */
  async refresh(): Promise<{ refreshed: number; pruned: number }> {
    const [, pruned] = (await this.dataSource.query(
      `DELETE FROM kpi_snapshots WHERE requested_at < now() - make_interval(secs => $1)`,
      [PRUNE_AFTER_SECONDS],
    )) as [unknown, number];
    const due = (await this.dataSource.query(
      `SELECT s.source, s.filters, s.requested_at
         FROM kpi_snapshots s
        WHERE s.requested_at > now() - make_interval(secs => $1)
          AND (s.computed_at < now() - make_interval(secs => $2)
               OR (s.computed_at < now() - make_interval(secs => $3)
                   AND EXISTS (SELECT 1 FROM outbox_event o WHERE o.occurred_at > s.computed_at)))
        ORDER BY s.requested_at DESC, s.key
        LIMIT $4`,
      [WATCH_SECONDS, REFRESH_ALWAYS_AFTER_SECONDS, REFRESH_CHANGED_AFTER_SECONDS, REFRESH_LIMIT],
    )) as { source: KpiSourceKey; filters: KpiFilters; requested_at: Date }[];
    const results = await mapLimit(
      due.filter((s) => s.source in KPI_SOURCES),
      Math.min(REFRESH_CONCURRENCY, this.config.REPORTS_POOL_SIZE),
      async (next) => {
        const request = { source: next.source, filters: next.filters };
        const result = await this.compute(request, true);
        // The snapshot keeps its own read time: a refresh is not a reader, so unread ones stop being watched.
        await this.store([{ key: this.key(request), request, result, requestedAt: next.requested_at }]);
      },
    );
    const refreshed = results.length;
    return { refreshed, pruned: pruned ?? 0 };
  }

  /**
   * Marks summaries as wanted now, without figures: a row computed at the epoch, which no report reads (it is
   * never fresh) and the worker's next refresh computes first (it is the most recently requested). An
   * existing summary keeps its figures and is watched again. False when they could not be marked.
   */
  private async want(entries: { key: string; request: SourceRequest }[]): Promise<boolean> {
    if (entries.length === 0) return false;
    const records = entries.map((e) => ({
      key: e.key,
      source: e.request.source,
      filters: e.request.filters,
    }));
    try {
      await this.dataSource.query(
        `INSERT INTO kpi_snapshots (key, source, filters, rows, computed_at, requested_at)
         SELECT x.key, x.source, x.filters, '[]'::jsonb, to_timestamp(0), now()
           FROM jsonb_to_recordset($1::jsonb) AS x(key text, source text, filters jsonb)
         ON CONFLICT (key) DO UPDATE SET requested_at = now()`,
        [JSON.stringify(records)],
      );
      return true;
    } catch (error) {
      // The view fails either way (503 to retry, as a busy database); the next one marks them again.
      this.logger.warn(`KPI snapshots not marked as wanted: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * Upserts computed rows; an existing snapshot is replaced only by one computed later. `requestedAt`
   * defaults to now (a report read them).
   */
  private async store(
    entries: { key: string; request: SourceRequest; result: SourceRows; requestedAt?: Date }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const records = entries.map((e) => ({
      key: e.key,
      source: e.request.source,
      filters: e.request.filters,
      rows: e.result.rows,
      computed_at: e.result.computedAt.toISOString(),
      requested_at: e.requestedAt?.toISOString(),
    }));
    try {
      await this.dataSource.query(
        `INSERT INTO kpi_snapshots (key, source, filters, rows, computed_at, requested_at)
         SELECT x.key, x.source, x.filters, x.rows, x.computed_at, COALESCE(x.requested_at, now())
           FROM jsonb_to_recordset($1::jsonb)
                AS x(key text, source text, filters jsonb, rows jsonb, computed_at timestamptz, requested_at timestamptz)
         ON CONFLICT (key) DO UPDATE
            SET rows = EXCLUDED.rows, computed_at = EXCLUDED.computed_at,
                requested_at = greatest(kpi_snapshots.requested_at, EXCLUDED.requested_at)
          WHERE kpi_snapshots.computed_at < EXCLUDED.computed_at`,
        [JSON.stringify(records)],
      );
    } catch (error) {
      // The report already has its numbers; a summary that could not be kept is computed again next time.
      this.logger.warn(`KPI snapshots not stored: ${(error as Error).message}`);
    }
  }

  private params(filters: KpiFilters): unknown[] {
    return kpiSourceParams(filters, this.config.PROGRAMME_TIME_ZONE, this.rules.auditBarrierBelow);
  }

  /** The snapshot key: everything the source's rows depend on. */
  private key(request: SourceRequest): string {
    return createHash('sha256')
      .update(JSON.stringify([request.source, ...this.params(request.filters)]))
      .digest('hex');
  }
}
