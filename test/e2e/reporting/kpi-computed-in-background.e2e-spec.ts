import { KpiSnapshots } from '@app/reporting';
import { Client } from 'pg';
import { signInWeb, tokenFor, type WebSession } from '../../support/auth';
import { languageProblems } from '../../support/page-language';
import { startTestApi, type TestApi } from '../../support/test-api';
import { officerAndDataset, PERIOD } from './kpi-dataset';

/** The interactive statement timeout of this file's api: the held lock below outlasts it twice over. */
const STATEMENT_TIMEOUT_MS = 3000;

/**
 * A report whose statements take longer than a request may wait (a year of a very large programme: at a
 * million cases one source took over 15 s) is not a dead end. The view is answered 503 with Retry-After,
 * what it could not compute is marked as wanted, and the worker's refresh, whose statements may run for
 * REPORTS_BACKGROUND_STATEMENT_TIMEOUT_MS, computes it: the next view reads it from the summaries. Here the
 * slow statement is made slow by a lock on a table only the `enrolments` source reads.
 */
describe('a report too slow to compute while someone waits', () => {
  let api: TestApi;
  let token: string;
  let web: WebSession;
  const kpis = `/api/v1/reports/kpis?${new URLSearchParams(PERIOD).toString()}`;
  const get = (path: string) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    api = await startTestApi({ DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) });
    const { officer } = await officerAndDataset(api);
    token = await tokenFor(api, officer.user.email, officer.password);
    web = await signInWeb(api, officer.user.email, officer.password);
  }, 60_000);
  afterAll(() => api?.close());

  const enrolmentSummaries = () =>
    api.dataSource.query(
      `SELECT computed_at FROM kpi_snapshots WHERE source = 'enrolments' AND filters->>'from' = $1`,
      [PERIOD.from],
    ) as Promise<{ computed_at: Date }[]>;

  it('answers 503 "being prepared", and the worker computes the report in the background for the next view', async () => {
    const locker = new Client({ connectionString: api.database.url });
    await locker.connect();
    let unlock: NodeJS.Timeout | undefined;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE eligibility_results IN ACCESS EXCLUSIVE MODE');

      const slow = await get(kpis);
      const text = await slow.text();
      if (slow.status !== 503) throw new Error(`expected 503, got ${slow.status}: ${text}`);
      // Not "busy": the officer is told the report is being prepared, and to look again after the worker's
      // next refresh (every minute).
      expect(slow.headers.get('retry-after')).toBe('60');
      expect(JSON.parse(text)).toMatchObject({ status: 503, code: 'report.being_prepared' });
      // Wanted: a row no report reads (computed at the epoch), requested now, for the worker.
      expect(await enrolmentSummaries()).toEqual([{ computed_at: new Date(0) }]);

      // The reports page says the same, in the officer's language, with a link to look again.
      const page = `/reports?${new URLSearchParams(PERIOD).toString()}`;
      const preparing = await web.get(page, { 'accept-language': 'de' });
      const html = await preparing.text();
      expect(preparing.status).toBe(503);
      expect(preparing.headers.get('retry-after')).toBe('60');
      expect(html).toContain('<h1 class="govuk-heading-l">Dieser Bericht wird vorbereitet</h1>');
      expect(html).toContain(`href="${page.replace(/&/g, '&amp;')}" id="report-check-again"`);
      expect(languageProblems(html, 'de')).toEqual([]);

      // The worker's refresh waits for the lock longer than a request could (released after twice the
      // interactive timeout) and stores the figures.
      unlock = setTimeout(() => void locker.query('COMMIT'), 2 * STATEMENT_TIMEOUT_MS);
      const { refreshed } = await api.app.get(KpiSnapshots, { strict: false }).refresh();
      expect(refreshed).toBeGreaterThanOrEqual(1);
    } finally {
      clearTimeout(unlock);
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    const [stored] = await enrolmentSummaries();
    expect(stored.computed_at.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const fromSummaries = await get(kpis);
    expect(fromSummaries.status).toBe(200);
    const summarised = (await fromSummaries.json()) as { groups: unknown };

    // The same figures as the report computed live, now that nothing holds the table.
    await api.dataSource.query('DELETE FROM kpi_snapshots');
    const live = await get(kpis);
    expect(live.status).toBe(200);
    expect(((await live.json()) as { groups: unknown }).groups).toEqual(summarised.groups);
  });
});
