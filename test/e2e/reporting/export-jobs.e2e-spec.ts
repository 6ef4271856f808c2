import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ReportExportProcessor, REPORT_EXPORTS_QUEUE } from '@app/reporting';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { buildCase } from '../../factories';
import {
  eventually,
  startInProcessWorker,
  type InProcessWorker,
} from '../follow-ups/support/in-process-worker';
import { call, caller, count, type Caller } from '../training/support/training.factory';
import { webSession } from '../../support/auth';

jest.setTimeout(120_000);

/**
 * Row-level case exports as background jobs, end to end: the api queues (outbox + audit), the real worker
 * (relay → Bull → processor) writes the file with progress, the download is audited, identical requests
 * reuse the running export, the hourly limit answers 429, files expire, and lost or repeated jobs are safe.
 */
describe('row-level case exports (background jobs)', () => {
  let api: TestApi;
  let exportDir: string;
  let officer: Caller;
  let otherOfficer: Caller;
  let adviser: Caller;
  let sme: Caller;
  const casesOfAdviser = 3;
  const casesOfOthers = 4;

  const exportsOf = (userId: string): Promise<number> =>
    count(api, `SELECT 1 FROM report_exports WHERE requested_by = $1`, [userId]);
  const auditCount = (action: string, entityId: string): Promise<number> =>
    count(api, `SELECT 1 FROM audit_event WHERE action = $1 AND entity_id = $2`, [action, entityId]);

  beforeAll(async () => {
    exportDir = await mkdtemp(join(tmpdir(), 'sme-exports-'));
    api = await startTestApi({ EXPORT_DIR: exportDir });
    let otherAdviser: Caller;
    [officer, otherOfficer, adviser, sme, otherAdviser] = await Promise.all([
      caller(api, 'officer'),
      caller(api, 'officer'),
      caller(api, 'adviser'),
      caller(api, 'sme'),
      caller(api, 'adviser'),
    ]);
    for (let i = 0; i < casesOfAdviser; i++)
      await buildCase(api, {
        adviserId: adviser.user.id,
        company: {
          region: 'north-east',
          ...(i === 0 ? { legalName: '=HYPERLINK("http://evil.example"), "Quoted" Ltd' } : {}),
        },
      });
    // Assigned to someone else (an unassigned case would be auto-assigned once the worker runs).
    for (let i = 0; i < casesOfOthers; i++) await buildCase(api, { adviserId: otherAdviser.user.id });
  });
  afterAll(async () => {
    await api?.close();
    await rm(exportDir, { recursive: true, force: true });
  });

  describe('before any worker runs', () => {
    it('queues an export in one transaction: the row, its outbox event and the audit row', async () => {
      const res = await call(api, officer.token, 'POST', '/api/v1/reports/exports', {
        format: 'csv',
        region: 'north-east',
      });
      expect(res.status).toBe(202);
      const body = await readJson(res);
      expect(res.headers.get('location')).toBe(`/api/v1/reports/exports/${body.id}`);
      expect(body).toMatchObject({ status: 'queued', format: 'csv', reused: false, downloadUrl: null });
      expect(body.description).toBe('region north-east');
      expect(
        await count(
          api,
          `SELECT 1 FROM outbox_event WHERE type = 'report_export.requested' AND aggregate_id = $1`,
          [body.id],
        ),
      ).toBe(1);
      expect(await auditCount('report.export_requested', body.id)).toBe(1);
    });

    it('reuses the export still waiting when the same person asks for the same export again', async () => {
      const first = await readJson(
        await call(api, officer.token, 'POST', '/api/v1/reports/exports', { format: 'xlsx', sector: 'c' }),
      );
      const again = await call(api, officer.token, 'POST', '/api/v1/reports/exports', {
        sector: 'C',
        format: 'xlsx',
      });
      expect(again.status).toBe(200);
      const body = await readJson(again);
      expect(body).toMatchObject({ id: first.id, reused: true });
      // Another officer asking the same gets an export of their own.
      const theirs = await readJson(
        await call(api, otherOfficer.token, 'POST', '/api/v1/reports/exports', {
          format: 'xlsx',
          sector: 'C',
        }),
      );
      expect(theirs.id).not.toBe(first.id);
      expect(theirs.reused).toBe(false);
    });

    it.each([
      [{ format: 'pdf' }, 'format'],
      [{ format: 'csv', includeContact: true }, 'purpose'],
      [{ format: 'csv', includeContact: true, purpose: 'why' }, 'purpose'],
      [{ format: 'csv', from: '2026-05-01', to: '2026-01-01' }, 'to'],
      [{ format: 'csv', region: 'atlantis' }, 'region'],
      [{ format: 'csv', adviserId: '00000000-0000-4000-8000-000000000000' }, 'adviserId'],
      [{ format: 'csv', ownerId: 'x' }, 'ownerId'],
      [{ format: 'csv', includeContact: 'maybe' }, 'includeContact'],
    ])('refuses %j with a field error on %s and writes nothing', async (payload, field) => {
      const before = await exportsOf(officer.user.id);
      const res = await call(api, officer.token, 'POST', '/api/v1/reports/exports', payload);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await readJson(res);
      expect((problem.errors as Json[]).map((f) => f.field)).toContain(field);
      expect(await exportsOf(officer.user.id)).toBe(before);
    });

    it('limits each person to the configured number of exports an hour (429 with Retry-After)', async () => {
      const limited = await caller(api, 'officer');
      // Ten exports already started in the last hour (config/reporting.yaml: exportsPerHour 10).
      await api.dataSource.query(
        `INSERT INTO report_exports (requested_by, kind, format, request, request_key, status, created_at)
         SELECT $1, 'cases', 'csv', '{"format":"csv","includeContact":false}', 'k' || n, 'failed', now() - interval '50 minutes'
           FROM generate_series(1, 10) n`,
        [limited.user.id],
      );
      const res = await call(api, limited.token, 'POST', '/api/v1/reports/exports', { format: 'csv' });
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(500);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect((await readJson(res)).code).toBe('report_export.rate_limited');
      expect(await exportsOf(limited.user.id)).toBe(10);
    });

    it('keeps exports to officers and advisers, and each person to their own', async () => {
      const mine = await readJson(
        await call(api, officer.token, 'POST', '/api/v1/reports/exports', {
          format: 'csv',
          sizeBand: 'small',
        }),
      );
      for (const [path, method] of [
        ['/api/v1/reports/exports', 'POST'],
        ['/api/v1/reports/exports', 'GET'],
        [`/api/v1/reports/exports/${mine.id}`, 'GET'],
        [`/api/v1/reports/exports/${mine.id}/download`, 'GET'],
      ])
        expect(
          (await call(api, sme.token, method, path, method === 'POST' ? { format: 'csv' } : undefined))
            .status,
        ).toBe(404);
      expect((await call(api, otherOfficer.token, 'GET', `/api/v1/reports/exports/${mine.id}`)).status).toBe(
        404,
      );
      // Someone else's export is refused like a missing one, and the refusal is audited.
      expect(
        await count(
          api,
          `SELECT 1 FROM audit_event WHERE action = 'access.denied' AND entity_type = 'report_export'
              AND entity_id = $1 AND actor_id = $2`,
          [mine.id, otherOfficer.user.id],
        ),
      ).toBe(1);
      expect(
        (await call(api, adviser.token, 'GET', `/api/v1/reports/exports/${mine.id}/download`)).status,
      ).toBe(404);
      const list = await readJson(await call(api, otherOfficer.token, 'GET', '/api/v1/reports/exports'));
      expect((list.items as Json[]).map((e) => e.id)).not.toContain(mine.id);
      // Not finished yet: 409, not a broken download.
      const early = await call(api, officer.token, 'GET', `/api/v1/reports/exports/${mine.id}/download`);
      expect(early.status).toBe(409);
    });
  });

  describe('with the worker running', () => {
    let worker: InProcessWorker;
    beforeAll(async () => {
      worker = await startInProcessWorker({ database: api.database, env: { EXPORT_DIR: exportDir } });
    });
    afterAll(() => worker?.close());

    const waitReady = async (token: string, id: string): Promise<Json> => {
      let state: Json = {};
      await eventually(
        async () => {
          state = await readJson(await call(api, token, 'GET', `/api/v1/reports/exports/${id}`));
          return state.status === 'ready' || state.status === 'failed';
        },
        60_000,
        `export ${id}`,
      );
      return state;
    };

    it('writes the CSV with progress, and audits the export and its download', async () => {
      const started = await readJson(
        await call(api, officer.token, 'POST', '/api/v1/reports/exports', { format: 'csv' }),
      );
      const done = await waitReady(officer.token, started.id);
      const total = casesOfAdviser + casesOfOthers;
      expect(done).toMatchObject({ status: 'ready', rowsWritten: total, rowsExpected: total, percent: 100 });
      expect(done.downloadUrl).toBe(`/api/v1/reports/exports/${started.id}/download`);
      expect(new Date(done.expiresAt).getTime() - new Date(done.finishedAt).getTime()).toBe(7 * 86_400_000);
      const job = await worker.app
        .get<string, Queue>(getQueueToken(REPORT_EXPORTS_QUEUE))
        .getJob(`export:${started.id}`);
      expect(job && (await job.progress())).toBe(100);

      const file = await call(api, officer.token, 'GET', done.downloadUrl);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('text/csv');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-.*\.csv"$/);
      const rows = parse(await file.text(), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows).toHaveLength(total);
      expect(Object.keys(rows[0])).not.toContain('Contact email');
      // Formula injection neutralised, quotes and commas survive the round trip.
      expect(rows.map((r) => r.Company)).toContain(`'=HYPERLINK("http://evil.example"), "Quoted" Ltd`);
      expect(await auditCount('report.exported', started.id)).toBe(1);
      expect(await auditCount('report.export_downloaded', started.id)).toBe(1);
      const [audited] = (await api.dataSource.query(
        `SELECT actor_id, after FROM audit_event WHERE action = 'report.exported' AND entity_id = $1`,
        [started.id],
      )) as { actor_id: string; after: Json }[];
      expect(audited.actor_id).toBe(officer.user.id);
      expect(audited.after.rows).toBe(total);
    });

    it("refuses an adviser's export of another adviser's cases, rather than describing it as all cases", async () => {
      const refused = await call(api, adviser.token, 'POST', '/api/v1/reports/exports', {
        format: 'csv',
        adviserId: officer.user.id,
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await readJson(refused)).errors).toEqual([
        expect.objectContaining({
          field: 'adviserId',
          code: 'notYourCaseload',
          message: 'You can export only your own caseload: leave the adviser out',
        }),
      ]);
      const mine = await readJson(
        await call(api, adviser.token, 'POST', '/api/v1/reports/exports', { format: 'csv' }),
      );
      expect(mine.description).toBe('your caseload');
      expect(mine.filters.adviserId).toBe(adviser.user.id);
    });

    it("an adviser's XLSX holds only their own caseload, with contact details when a purpose is given", async () => {
      const started = await readJson(
        await call(api, adviser.token, 'POST', '/api/v1/reports/exports', {
          format: 'xlsx',
          includeContact: true,
          purpose: 'Inviting my companies to the spring webinar',
        }),
      );
      expect(started.filters.adviserId).toBe(adviser.user.id);
      expect(started.description).toBe('your caseload, with contact details');
      const done = await waitReady(adviser.token, started.id);
      expect(done.rowsWritten).toBe(casesOfAdviser);
      const file = await call(api, adviser.token, 'GET', done.downloadUrl);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
      const sheet = workbook.getWorksheet('Cases')!;
      expect(sheet.rowCount).toBe(casesOfAdviser + 1);
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(headers).toContain('Contact email');
      expect(sheet.getRow(2).getCell(headers.indexOf('Opened') + 1).value).toBeInstanceOf(Date);
      const [audit] = (await api.dataSource.query(
        `SELECT after FROM audit_event WHERE action = 'report.export_requested' AND entity_id = $1`,
        [started.id],
      )) as { after: Json }[];
      expect(audit.after.purpose).toBe('Inviting my companies to the spring webinar');
    });

    it('finishes the exports queued before the worker started, and runs each only once', async () => {
      const queued = (await api.dataSource.query(
        `SELECT id FROM report_exports WHERE requested_by = $1 AND status IN ('queued', 'running', 'ready')`,
        [officer.user.id],
      )) as { id: string }[];
      expect(queued.length).toBeGreaterThanOrEqual(3);
      for (const { id } of queued) expect((await waitReady(officer.token, id)).status).toBe('ready');
      const processor = worker.get(ReportExportProcessor);
      expect(await processor.run(queued[0].id)).toBe('skipped');
      expect(await auditCount('report.exported', queued[0].id)).toBe(1);
    });

    it('re-enqueues an export whose job Redis lost', async () => {
      const [row] = (await api.dataSource.query(
        `INSERT INTO report_exports (requested_by, kind, format, request, request_key, status, created_at)
         VALUES ($1, 'cases', 'csv', '{"format":"csv","includeContact":false,"region":"north-east"}', 'lost', 'queued',
                 now() - interval '5 minutes') RETURNING id`,
        [officer.user.id],
      )) as { id: string }[];
      const swept = await worker.get(ReportExportProcessor).sweep();
      expect(swept.requeued).toBeGreaterThanOrEqual(1);
      expect(await waitReady(officer.token, row.id)).toMatchObject({
        status: 'ready',
        rowsWritten: casesOfAdviser,
      });
    });

    it('marks an export failed on its last attempt, leaving no partial file', async () => {
      // A stored request the database refuses to run (PostgreSQL has no year 0), still a well-formed date, so
      // the answer about it keeps to the documented schema.
      const [row] = (await api.dataSource.query(
        `INSERT INTO report_exports (requested_by, kind, format, request, request_key, status)
         VALUES ($1, 'cases', 'csv', '{"format":"csv","includeContact":false,"from":"0000-01-01","to":"2026-01-01"}',
                 'broken', 'running') RETURNING id`,
        [officer.user.id],
      )) as { id: string }[];
      await expect(worker.get(ReportExportProcessor).run(row.id, undefined, true)).rejects.toThrow();
      const state = await readJson(
        await call(api, officer.token, 'GET', `/api/v1/reports/exports/${row.id}`),
      );
      expect(state.status).toBe('failed');
      expect(state.error).toMatch(/could not be finished/);
      expect(state.error).not.toMatch(/date/);
      expect(existsSync(join(exportDir, `${row.id}.csv.part`))).toBe(false);
      expect(await auditCount('report.export_failed', row.id)).toBe(1);
    });

    it('deletes files past their expiry and answers 410 for them', async () => {
      const started = await readJson(
        await call(api, officer.token, 'POST', '/api/v1/reports/exports', {
          format: 'csv',
          stageAtEnrolment: 'non_exporter',
        }),
      );
      await waitReady(officer.token, started.id);
      const file = join(exportDir, `${started.id}.csv`);
      expect(existsSync(file)).toBe(true);
      await api.dataSource.query(
        `UPDATE report_exports SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [started.id],
      );
      const swept = await worker.get(ReportExportProcessor).sweep();
      expect(swept.expired).toBe(1);
      expect(existsSync(file)).toBe(false);
      const res = await call(api, officer.token, 'GET', `/api/v1/reports/exports/${started.id}/download`);
      expect(res.status).toBe(410);
      expect(await auditCount('report.export_expired', started.id)).toBe(1);
      expect((await worker.get(ReportExportProcessor).sweep()).expired).toBe(0);
    });
  });

  describe('the exports page', () => {
    it('shows field errors in the GOV.UK error summary, then starts the export and lists it', async () => {
      const page = webSession(api);
      const signIn = await page.get('/sign-in');
      expect(signIn.status).toBe(200);
      const signedIn = await page.post('/sign-in', {
        email: otherOfficer.user.email,
        password: otherOfficer.password,
      });
      expect(signedIn.status).toBe(303);

      const before = await exportsOf(otherOfficer.user.id);
      const bad = await page.post('/reports/exports', { format: 'csv', includeContact: 'yes', purpose: '' });
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain('govuk-error-summary');
      expect(html).toContain('Say why you need contact details');
      expect(await exportsOf(otherOfficer.user.id)).toBe(before);

      const good = await page.post('/reports/exports', {
        format: 'csv',
        region: 'north-east',
        from: '',
        to: '',
      });
      expect(good.status).toBe(303);
      const location = good.headers.get('location')!;
      expect(location).toMatch(/^\/reports\/exports\?(started|reused)=/);
      const listed = await (await page.get(location)).text();
      expect(listed).toContain('Your export has started');
      expect(listed).toContain('Region North East England');
      expect(await exportsOf(otherOfficer.user.id)).toBe(before + 1);
    });
  });
});
