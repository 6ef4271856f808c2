import { REPORTS_DATA_SOURCE } from '@app/database';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { signInWeb, tokenFor, type WebSession } from '../../support/auth';
import { startTestApi, type TestApi } from '../../support/test-api';
import { officerAndDataset, PERIOD } from './kpi-dataset';

const REPORTS_POOL_SIZE = 2;

/**
 * Reports and exports run on a pool of their own (REPORTS_POOL_SIZE connections). When every one of them is
 * taken (here: held by the test, as a burst of long reports would), a report is answered 503 with
 * Retry-After, never 500, while interactive requests, on the main pool, are answered as usual at the same
 * time. Once a connection is free the same report is computed.
 */
describe('reports on their own share of the database', () => {
  let api: TestApi;
  let reportsDataSource: DataSource;
  let token: string;
  let web: WebSession;
  let caseId: string;
  const period = new URLSearchParams(PERIOD).toString();
  const kpis = `/api/v1/reports/kpis?${period}`;
  const get = (path: string) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    api = await startTestApi({
      REPORTS_POOL_SIZE: String(REPORTS_POOL_SIZE),
      // Covers opening a connection too: 300 ms failed start-up on a loaded machine.
      REPORTS_CONNECT_TIMEOUT_MS: '2000',
    });
    reportsDataSource = api.app.get<DataSource>(getDataSourceToken(REPORTS_DATA_SOURCE));
    const { officer } = await officerAndDataset(api);
    [{ id: caseId }] = (await api.dataSource.query(`SELECT id FROM cases ORDER BY id LIMIT 1`)) as {
      id: string;
    }[];
    token = await tokenFor(api, officer.user.email, officer.password);
    web = await signInWeb(api, officer.user.email, officer.password);
  }, 60_000);
  afterAll(() => api?.close());

  /** Takes every connection of the reports' pool until `release`. */
  async function holdReportsPool(): Promise<{ release(): Promise<void> }> {
    const held: QueryRunner[] = [];
    for (let i = 0; i < REPORTS_POOL_SIZE; i++) {
      const runner = reportsDataSource.createQueryRunner();
      await runner.connect();
      held.push(runner);
    }
    return { release: async () => void (await Promise.all(held.map((r) => r.release()))) };
  }

  it('answers a report 503 with Retry-After while interactive requests are answered 200 at the same time', async () => {
    const pool = await holdReportsPool();
    try {
      const [report, caseload, oneCase, me] = await Promise.all([
        get(kpis),
        get('/api/v1/cases'),
        get(`/api/v1/cases/${caseId}`),
        get('/api/v1/me'),
      ]);
      const text = await report.text();
      if (report.status !== 503) throw new Error(`expected 503, got ${report.status}: ${text}`);
      expect(report.headers.get('retry-after')).toBe('5');
      expect(report.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(text)).toMatchObject({ status: 503, code: 'service_busy' });
      expect(text).not.toMatch(/timeout exceeded|pg-pool/i);
      expect([caseload.status, oneCase.status, me.status]).toEqual([200, 200, 200]);
      expect(((await caseload.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

      // The officers' dashboard: the translated "service busy" page, also 503 with Retry-After.
      const page = await web.get(`/reports?${period}`, { 'accept-language': 'de' });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(await page.text()).toContain('Der Dienst ist ausgelastet');
    } finally {
      await pool.release();
    }
    const again = await get(kpis);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
  });
});
