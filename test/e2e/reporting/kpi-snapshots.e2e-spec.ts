import { KPI_DEFINITIONS, KpiSnapshotProcessor, KpiSnapshots } from '@app/reporting';
import { Test, type TestingModule } from '@nestjs/testing';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { signInWeb, tokenFor } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { officerAndDataset, PERIOD } from './kpi-dataset';

/**
 * How many summaries one unfiltered report reads: one per source of its KPIs for the period, and one per
 * source for the period before it unless every KPI of that source is a figure for now.
 */
const SUMMARIES =
  new Set(KPI_DEFINITIONS.map((k) => k.source)).size +
  new Set(KPI_DEFINITIONS.filter((k) => !k.snapshot).map((k) => k.source)).size;

/**
 * KPI summaries (kpi_snapshots): a report reads rows computed less than five minutes ago, computes the rest,
 * and says how old its figures are; the worker's refresh recomputes the summaries reports have been reading
 * (sooner when the outbox shows a change), leaves the others alone and deletes the ones nobody reads.
 */
describe('KPI summaries', () => {
  let api: TestApi;
  let snapshots: KpiSnapshots;
  let token: string;
  let web: Awaited<ReturnType<typeof signInWeb>>;
  const query = new URLSearchParams(PERIOD).toString();
  const sql = <T = Json>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.dataSource.query(text, params) as Promise<T[]>;

  const report = async (): Promise<{ wins: number; dataAsOf: string }> => {
    const res = await fetch(`${api.url}/api/v1/reports/kpis?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    const kpis = (body.groups as Json[]).flatMap((g) => g.kpis as Json[]);
    const wins = kpis.find((k) => k.key === 'outcomes.export_wins');
    return { wins: wins?.value as number, dataAsOf: body.dataAsOf as string };
  };
  /** Moves C2's export win (recorded 1 June 2025, 400 000) in or out of the report's period. */
  const moveWin = (day: string): Promise<unknown> =>
    sql(
      `UPDATE export_wins SET created_at = ($1::date + time '12:00') AT TIME ZONE 'UTC' WHERE total_minor = 400000`,
      [day],
    );
  /** Makes every summary `seconds` older, and the outbox's events older still (nothing new happened). */
  const age = async (seconds: number, events: 'none since' | 'keep' = 'none since'): Promise<void> => {
    await sql(`UPDATE kpi_snapshots SET computed_at = computed_at - make_interval(secs => $1)`, [seconds]);
    if (events === 'none since')
      await sql(`UPDATE outbox_event SET occurred_at = least(occurred_at, now() - interval '1 day')`);
  };
  /** Makes every summary exactly `seconds` old, however long the requests before took on a loaded machine. */
  const ageTo = (seconds: number): Promise<unknown> =>
    sql(`UPDATE kpi_snapshots SET computed_at = now() - make_interval(secs => $1)`, [seconds]);
  const computedTimes = async (): Promise<number[]> =>
    (await sql<{ computed_at: Date }>(`SELECT computed_at FROM kpi_snapshots ORDER BY key`)).map((r) =>
      r.computed_at.getTime(),
    );

  beforeAll(async () => {
    api = await startTestApi();
    const { officer } = await officerAndDataset(api);
    token = await tokenFor(api, officer.user.email, officer.password);
    web = await signInWeb(api, officer.user.email, officer.password);
    snapshots = api.app.get(KpiSnapshots);
  });

  afterAll(async () => {
    await api?.close();
  });

  beforeEach(async () => {
    await sql('DELETE FROM kpi_snapshots');
    await moveWin('2025-06-01');
  });

  it('serves a report from summaries under five minutes old, says when they were read, and recomputes older ones', async () => {
    const first = await report();
    expect(first.wins).toBe(5);
    // One summary per source and period (SUMMARIES).
    const stored = await sql<{ n: number; oldest: Date }>(
      `SELECT count(*)::int AS n, min(computed_at) AS oldest FROM kpi_snapshots`,
    );
    expect(stored[0].n).toBe(SUMMARIES);
    expect(first.dataAsOf).toBe(stored[0].oldest.toISOString());

    await moveWin('2024-01-01');
    const cached = await report();
    expect(cached).toEqual(first); // the same figures, and the page says they are as old as before
    const html = await (await web.get(`/reports?${query}`)).text();
    expect(html).toMatch(/id="data-freshness">Figures as of [^<]+never more than 5 minutes old/);

    await ageTo(4 * 60 + 50);
    expect((await report()).wins).toBe(5); // 4 min 50 s old: still served

    await ageTo(5 * 60 + 1);
    const fresh = await report();
    expect(fresh.wins).toBe(4);
    expect(Date.parse(fresh.dataAsOf)).toBeGreaterThan(Date.parse(first.dataAsOf));
  });

  it('refreshes watched summaries after a minute when the outbox has news, after three in any case', async () => {
    await report();
    await moveWin('2024-01-01');
    const before = await computedTimes();

    // Fresh summaries are left alone.
    expect(await snapshots.refresh()).toEqual({ refreshed: 0, pruned: 0 });

    // Ninety seconds old with nothing in the outbox since: still left alone (and still served).
    await age(90);
    expect(await snapshots.refresh()).toEqual({ refreshed: 0, pruned: 0 });
    expect((await report()).wins).toBe(5);

    // An event written after they were computed: every one of them is recomputed.
    await sql(
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload) VALUES ('test.changed', 'test', 'x', '{}')`,
    );
    expect((await snapshots.refresh()).refreshed).toBe(SUMMARIES);
    const after = await computedTimes();
    after.forEach((t, i) => expect(t).toBeGreaterThan(before[i]));
    expect((await report()).wins).toBe(4);

    // Three minutes old and nothing new: recomputed anyway, so a summary read is never past five minutes.
    await moveWin('2025-06-01');
    await age(181);
    expect((await snapshots.refresh()).refreshed).toBe(SUMMARIES);
    expect((await report()).wins).toBe(5);
  });

  it('leaves summaries nobody has read for half an hour, deletes those unread for a day, and can run twice at once', async () => {
    await report();
    await age(200);
    await sql(`UPDATE kpi_snapshots SET requested_at = now() - interval '31 minutes'`);
    expect(await snapshots.refresh()).toEqual({ refreshed: 0, pruned: 0 });

    await sql(`UPDATE kpi_snapshots SET requested_at = now() - interval '2 minutes'`);
    const [one, two] = await Promise.all([snapshots.refresh(), snapshots.refresh()]);
    // Both runs may pick the same summaries; each is replaced only by a later computation, never duplicated.
    expect(one.refreshed + two.refreshed).toBeGreaterThanOrEqual(SUMMARIES);
    const rows = await sql<{ n: number; requested: Date }>(
      `SELECT count(*)::int AS n, max(requested_at) AS requested FROM kpi_snapshots`,
    );
    expect(rows[0].n).toBe(SUMMARIES);
    // A refresh is not a reader: it keeps the time the summaries were last read.
    expect(Date.now() - rows[0].requested.getTime()).toBeGreaterThan(60_000);

    await sql(`UPDATE kpi_snapshots SET requested_at = now() - interval '25 hours'`);
    expect(await snapshots.refresh()).toEqual({ refreshed: 0, pruned: SUMMARIES });
    expect(await sql(`SELECT 1 FROM kpi_snapshots`)).toHaveLength(0);
  });

  it('computes a report live when the summary table cannot be read or written', async () => {
    await moveWin('2024-01-01');
    await sql(`ALTER TABLE kpi_snapshots RENAME TO kpi_snapshots_away`);
    try {
      expect((await report()).wins).toBe(4);
    } finally {
      await sql(`ALTER TABLE kpi_snapshots_away RENAME TO kpi_snapshots`);
    }
    expect(await sql(`SELECT 1 FROM kpi_snapshots`)).toHaveLength(0);
  });

  it('gives the reports opened with no filter their summaries before anyone asks for them', async () => {
    // The worker's processor, compiled but not started: no consumer or schedule races the calls below.
    const worker: TestingModule = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    try {
      const processor = worker.get(KpiSnapshotProcessor);
      // This financial year to date and the year before (the statistics page), each with its own previous
      // period: twice the summaries of one report.
      expect(await processor.refreshJob()).toEqual({ refreshed: 0, pruned: 0, warmed: 2 * SUMMARIES });
      const stored = async (): Promise<Json[]> =>
        sql(`SELECT key, computed_at FROM kpi_snapshots ORDER BY key`);
      const warmed = await stored();
      expect(warmed).toHaveLength(2 * SUMMARIES);

      // The dashboard, the API and the public statistics page with nothing chosen compute nothing more.
      expect((await web.get('/reports')).status).toBe(200);
      const api1 = await fetch(`${api.url}/api/v1/reports/kpis`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(api1.status).toBe(200);
      expect((await readJson(api1)).dataAsOf).toBe(
        new Date(Math.min(...warmed.map((r) => (r.computed_at as Date).getTime()))).toISOString(),
      );
      expect((await fetch(`${api.url}/statistics`, { headers: { accept: 'text/html' } })).status).toBe(200);
      expect(await stored()).toEqual(warmed);
      expect(await processor.warm()).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
