import { KPI_CSV_COLUMNS } from '@app/reporting';
import { formatDate } from '@app/time';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { createUser } from '../support/auth';
import { buildAdviserProfile, buildCase } from '../factories';
import { buildDataset, PERIOD } from '../e2e/reporting/kpi-dataset';
import { newJourney } from './support/browser';
import { heading, navigation, pathOf, signInThroughPage } from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/** The KPI CSV's column header row (after the cover lines that name the extract and its filters), in words. */
const CSV_HEADER = KPI_CSV_COLUMNS.map((code) => text('en', `reports.files.kpiColumns.${code}`));

const unique = (): string => randomBytes(4).toString('hex');

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF): enough to check the export's rows. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = source.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      // the \n ends the record
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The officer's day and the admin's queue dashboard, in a real browser with JavaScript on and off: the
 * officer finds a case in the unassigned queue, assigns it to an adviser through the case page, filters the
 * KPI dashboard, downloads it as CSV and XLSX (both opened and read) and finds both exports in the audit
 * trail; the admin opens Bull Board, which an officer is refused with the 404 page.
 */
describe('officer and admin journeys in a real browser', () => {
  const suite = browserSuite({
    seed: async (api) => {
      const a1 = await createUser(api, 'adviser');
      const a2 = await createUser(api, 'adviser');
      const sme = await createUser(api, 'sme');
      await buildDataset(api.dataSource, { A1: a1.user.id, A2: a2.user.id }, sme.user.id);
    },
  });

  inBothJavaScriptModes(suite, (journey, mode, javaScript) => {
    /** Clicks a download link and returns the file's bytes and suggested name. */
    async function download(selector: string): Promise<{ name: string; body: Buffer }> {
      const link = journey.page.locator(selector);
      const [file] = await Promise.all([
        journey.page.waitForEvent('download', { timeout: 120_000 }),
        link.click(),
      ]);
      return { name: file.suggestedFilename(), body: await saved(file) };
    }

    async function saved(file: Download): Promise<Buffer> {
      const failure = await file.failure();
      if (failure) throw new Error(`download of ${file.url()} failed: ${failure}`);
      return readFile(await file.path());
    }

    it(
      'officer: unassigned queue, assigns a case, filtered KPI dashboard, CSV and XLSX exports, audit trail',
      () =>
        journey.run(`officer-journey-${mode}`, async (page) => {
          const tag = unique();
          const officer = await createUser(suite.api, 'officer');
          const adviser = await createUser(suite.api, 'adviser', { name: `Ada Adviser ${tag}` });
          await buildAdviserProfile(suite.api, adviser.user, {
            regions: ['north-west'],
            naceSections: ['C'],
            capacity: 5,
          });
          const companyName = `Queue Test ${tag} Ltd`;
          // Waiting in the queue: opened, not yet assigned (no worker runs here).
          const kase = await buildCase(suite.api, {
            company: { legalName: companyName, region: 'north-west', naceCode: '10.11' },
          });

          await signInThroughPage(page, suite.api.url, officer.user.email, officer.password);
          expect(pathOf(page)).toBe('/home');

          // Advisers' load table → the unassigned queue.
          await navigation(page, () =>
            page.locator('.govuk-service-navigation a[href="/officer/advisers"]').click(),
          );
          expect(pathOf(page)).toBe('/officer/advisers');
          await checkPage(page, { name: 'adviser load' });
          await navigation(page, () => page.locator('main a[href="/caseload?unassigned=true"]').click());
          expect(pathOf(page)).toBe('/caseload?unassigned=true');
          expect(await heading(page)).toBe(text('en', 'advisers.caseload.unassignedTitle'));
          const queueRow = page.locator('tbody tr', { hasText: companyName });
          await expect(queueRow.count()).resolves.toBe(1);
          await expect(queueRow.textContent()).resolves.toContain(text('en', 'advisers.caseload.unassigned'));
          await checkPage(page, { name: 'unassigned queue' });

          // The case page: assign it to the adviser.
          await navigation(page, () => queueRow.getByRole('link', { name: companyName }).click());
          expect(pathOf(page)).toBe(`/cases/${kase.caseId}`);
          expect(await heading(page)).toBe(companyName);
          await checkPage(page, { name: 'case' });
          await page.locator('#adviserId').selectOption(adviser.user.id);
          await page.locator('#assign-reason').fill('Knows the sector and the region');
          await navigation(page, () =>
            page.getByRole('button', { name: text('en', 'advisers.case.assignButton'), exact: true }).click(),
          );
          expect(pathOf(page)).toBe(`/cases/${kase.caseId}?notice=assigned`);
          await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
            text('en', 'advisers.notices.assigned'),
          );
          await expect(page.locator('.govuk-summary-list').first().textContent()).resolves.toContain(
            `Ada Adviser ${tag}`,
          );
          await checkPage(page, { name: 'case' });
          const [assigned] = await suite.api.dataSource.query(
            'SELECT assigned_adviser_id FROM cases WHERE id = $1',
            [kase.caseId],
          );
          expect(assigned.assigned_adviser_id).toBe(adviser.user.id);

          // It has left the unassigned queue.
          await page.goto(`${suite.api.url}/caseload?unassigned=true`);
          await expect(page.locator('tbody tr', { hasText: companyName }).count()).resolves.toBe(0);

          // The KPI dashboard, filtered to Q1 of 2025–26 in London.
          await page.goto(`${suite.api.url}/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
          await page.selectOption('#financialYear', '2025');
          await page.selectOption('#quarter', '1');
          await page.selectOption('#region', 'london');
          await navigation(page, () =>
            page.getByRole('button', { name: text('en', 'reports.apply'), exact: true }).click(),
          );
          expect(pathOf(page)).toMatch(/financialYear=2025/);
          expect(pathOf(page)).toMatch(/region=london/);
          const [from, to] = [PERIOD.from, PERIOD.to].map((day) => formatDate(day, 'UTC', 'en'));
          expect(await page.textContent('#report-period')).toContain(`${from} to ${to}`);
          await expect(page.locator('#region').inputValue()).resolves.toBe('london');
          await checkPage(page, { name: 'KPI dashboard' });

          // CSV: the cover lines carry the filter, then the header row and a row per KPI figure.
          await expect(page.locator('#download-csv').getAttribute('href')).resolves.toMatch(
            /^\/api\/v1\/reports\/kpis\?.*region=london.*&format=csv$/,
          );
          const csv = await download('#download-csv');
          expect(csv.name).toBe(`kpi-report_${PERIOD.from}_${PERIOD.to}.csv`);
          const rows = parseCsv(csv.body.toString('utf8'));
          expect(rows).toContainEqual(['Region', 'london']);
          expect(rows).toContainEqual(['Period from', PERIOD.from]);
          const headerAt = rows.findIndex((r) => r[0] === CSV_HEADER[0] && r[1] === CSV_HEADER[1]);
          expect(headerAt).toBeGreaterThan(0);
          expect(rows[headerAt]).toEqual(CSV_HEADER);
          const kpiRows = rows.slice(headerAt + 1).filter((r) => r.length === CSV_HEADER.length);
          expect(kpiRows.length).toBeGreaterThan(0);
          for (const r of kpiRows) expect(r[1]).toMatch(/^[a-z_]+\.[a-z0-9_]+$/);
          expect(
            kpiRows.find((r) => r[1] === 'reach.enrolments_received' && /^\d+(\.\d+)?$/.test(r[6])),
          ).toBeDefined();

          // XLSX: a real workbook with the cover sheet and a sheet per KPI group.
          const xlsx = await download('#download-xlsx');
          expect(xlsx.name).toBe(`kpi-report_${PERIOD.from}_${PERIOD.to}.xlsx`);
          expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
          expect(workbook.worksheets.length).toBeGreaterThan(1);
          const cover = workbook.worksheets[0];
          expect(cover.getCell('A1').value).toBe('SME Export Programme — KPI report');
          const coverText = JSON.stringify(cover.getSheetValues());
          expect(coverText).toContain('london');
          const figures = workbook.worksheets[1];
          expect(figures.getRow(1).getCell(1).value).toBe('KPI key');
          expect(figures.rowCount).toBeGreaterThan(1);
          expect(String(figures.getRow(2).getCell(1).value)).toMatch(/^[a-z_]+\.[a-z0-9_]+$/);

          // The audit trail, filtered to this officer's report exports.
          await navigation(page, () =>
            page.locator('.govuk-service-navigation a[href="/admin/audit"]').click(),
          );
          expect(pathOf(page)).toBe('/admin/audit');
          await page.locator('#entityType').fill('kpi_report');
          await page.locator('#actorId').fill(officer.user.id);
          await navigation(page, () =>
            page.getByRole('button', { name: text('en', 'identity.audit.filter'), exact: true }).click(),
          );
          expect(pathOf(page)).toMatch(/entityType=kpi_report/);
          const exports = page.locator('tbody tr', { hasText: 'report.kpi_exported' });
          await expect(exports.count()).resolves.toBe(2);
          const changes = (await exports.allTextContents()).join('\n');
          expect(changes).toContain('"format":"csv"');
          expect(changes).toContain('"format":"xlsx"');
          expect(changes).toContain('"region":"london"');
          await expect(page.locator('tbody tr').count()).resolves.toBe(2);
          await checkPage(page, { name: 'audit trail' });
        }),
      300_000,
    );

    it(
      'admin opens the queue dashboard; an officer asking for it gets the 404 page',
      () =>
        journey.run(`queue-dashboard-${mode}`, async (page) => {
          const admin = await createUser(suite.api, 'admin');
          await signInThroughPage(page, suite.api.url, admin.user.email, admin.password);
          expect(pathOf(page)).toBe('/home');
          await checkPage(page, { name: 'staff home' });
          const queuesLink = page.locator('.govuk-service-navigation a[href="/admin/queues"]');
          await expect(queuesLink.textContent()).resolves.toContain(text('en', 'identity.nav.queues'));

          // Bull Board is a third-party React app: it is not held to the service's page checks.
          // The bare path redirects to /admin/queues/, where the board's scripts resolve.
          const [board] = await Promise.all([
            page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/queues/'),
            navigation(page, () => queuesLink.click()),
          ]);
          expect(board.status()).toBe(200);
          expect(pathOf(page)).toBe('/admin/queues/');
          expect(await board.text()).toContain('<div id="root"');
          if (javaScript) {
            // With JavaScript the React app renders the three queues it reads from its own API.
            for (const name of ['events', 'follow-ups', 'notifications']) {
              await page.getByText(name, { exact: true }).first().waitFor({ timeout: 60_000 });
            }
          }

          const officerContext = await newJourney(suite.browser, { javaScript });
          try {
            const officerPage = await officerContext.newPage();
            const officer = await createUser(suite.api, 'officer');
            await signInThroughPage(officerPage, suite.api.url, officer.user.email, officer.password);
            expect(pathOf(officerPage)).toBe('/home');
            await expect(
              officerPage.locator('.govuk-service-navigation a[href="/admin/queues"]').count(),
            ).resolves.toBe(0);
            for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues']) {
              const refused = await officerPage.goto(`${suite.api.url}${path}`);
              expect(refused?.status()).toBe(404);
            }
            await officerPage.goto(`${suite.api.url}/admin/queues`);
            expect(await heading(officerPage)).toBe(text('en', 'errors.notFound.title'));
            await checkPage(officerPage, { name: 'page not found' });
          } finally {
            await officerContext.close();
          }
        }),
      300_000,
    );
  });
});
