import { formatDate } from '@app/time';
import { createUser } from '../support/auth';
import { buildDataset, PERIOD } from '../e2e/reporting/kpi-dataset';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { pathOf, signInThroughPage } from './support/journey';
import { checkPage } from './support/page-check';
import { startInProcessWorker, type InProcessWorker } from '../e2e/follow-ups/support/in-process-worker';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/**
 * The KPI dashboard (with data, with a filter error, for an adviser), the KPI definitions and the public statistics page pass
 * every page check — axe, titles, labels, 320 px, keyboard — with JavaScript on and off.
 */
describe('reports pages in a real browser', () => {
  let worker: InProcessWorker | undefined;
  let slowApi: TestApi | undefined;
  let officer: { email: string; password: string };
  let adviser: { email: string; password: string };
  const suite = browserSuite({
    seed: async (api) => {
      const o = await createUser(api, 'officer');
      const a1 = await createUser(api, 'adviser');
      const a2 = await createUser(api, 'adviser');
      const sme = await createUser(api, 'sme');
      await buildDataset(api.dataSource, { A1: a1.user.id, A2: a2.user.id }, sme.user.id);
      officer = { email: o.user.email, password: o.password };
      adviser = { email: a1.user.email, password: a1.password };
      worker = await startInProcessWorker({ database: api.database });
    },
    teardown: async () => {
      await worker?.close();
      await slowApi?.close();
    },
  });

  inBothJavaScriptModes(suite, (journey, mode, javaScript) => {
    it(
      'officer dashboard, its error state and filters',
      () =>
        journey.run(`reports-officer-${mode}`, async (page) => {
          await signInThroughPage(page, suite.api.url, officer.email, officer.password);
          await page.goto(`${suite.api.url}/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
          await checkPage(page, { name: 'KPI dashboard' });
          await page.goto(`${suite.api.url}/reports?from=${PERIOD.to}&to=${PERIOD.from}`);
          await checkPage(page, { name: 'KPI dashboard', errors: true });
          await page.selectOption('#financialYear', '2025');
          await page.selectOption('#quarter', '1');
          await Promise.all([
            page.waitForURL(/financialYear=2025/),
            page.click('button:has-text("Apply filters")'),
          ]);
          const [from, to] = [PERIOD.from, PERIOD.to].map((day) => formatDate(day, 'UTC', 'en'));
          expect(await page.textContent('#report-period')).toContain(`${from} to ${to}`);
          await checkPage(page, { name: 'KPI dashboard' });
          await Promise.all([
            page.waitForURL(/\/reports\/definitions/),
            page.click('a:has-text("How each figure is defined")'),
          ]);
          await checkPage(page, { name: 'KPI definitions' });
        }),
      180_000,
    );

    it(
      'officer starts a case export, follows its progress and downloads it',
      () =>
        journey.run(`reports-exports-${mode}`, async (page) => {
          await signInThroughPage(page, suite.api.url, officer.email, officer.password);
          await page.goto(`${suite.api.url}/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
          await Promise.all([
            page.waitForURL(/\/reports\/exports$/),
            page.click('a:has-text("Export case records")'),
          ]);
          await checkPage(page, { name: 'case exports' });
          // Contact details without a purpose: the error summary, and nothing started.
          await page.check('#includeContact');
          await page.fill('#purpose', '');
          await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Start export")')]);
          await checkPage(page, { name: 'case exports', errors: true });
          expect(await page.textContent('.govuk-error-summary')).toContain(
            'Say why you need contact details',
          );
          await page.fill('#purpose', `Inviting these companies to a webinar (${mode})`);
          await page.check('#format-2');
          await Promise.all([page.waitForURL(/started=/), page.click('button:has-text("Start export")')]);
          expect(await page.textContent('.govuk-notification-banner')).toContain('Your export has started');
          // With JavaScript the page polls and reloads itself; without it, the refresh link does the job.
          const download = page.locator('#exports tbody tr').first().locator('a:has-text("Download")');
          for (let i = 0; i < 60 && !(await download.count()); i++) {
            if (javaScript) await page.waitForTimeout(500);
            else
              await Promise.all([
                page.waitForLoadState('load'),
                page.click('a:has-text("Refresh this page")'),
              ]);
          }
          expect(await page.locator('#exports tbody tr').first().textContent()).toContain('Ready');
          await checkPage(page, { name: 'case exports' });
          const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
          expect(file.suggestedFilename()).toMatch(/^cases-.*\.xlsx$/);
        }),
      180_000,
    );

    it(
      'adviser dashboard',
      () =>
        journey.run(`reports-adviser-${mode}`, async (page) => {
          await signInThroughPage(page, suite.api.url, adviser.email, adviser.password);
          await page.goto(`${suite.api.url}/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
          await checkPage(page, { name: 'KPI dashboard' });
        }),
      180_000,
    );

    it(
      'a report too slow to compute while the officer waits: "being prepared", and the link to look again',
      () =>
        journey.run(`reports-being-prepared-${mode}`, async (page) => {
          await signInThroughPage(page, suite.api.url, officer.email, officer.password);
          // A second api on the same database, sessions and Redis, whose statements may run 3 s; the
          // enrolments source is held past that by a lock on a table only it reads.
          slowApi ??= await startTestApi({ DATABASE_STATEMENT_TIMEOUT_MS: '3000' }, suite.api);
          await suite.api.dataSource.query('DELETE FROM kpi_snapshots');
          const path = `/reports?from=${PERIOD.from}&to=${PERIOD.to}`;
          const locker = new Client({ connectionString: suite.api.database.url });
          await locker.connect();
          try {
            await locker.query('BEGIN');
            await locker.query('LOCK TABLE eligibility_results IN ACCESS EXCLUSIVE MODE');
            const answer = await page.goto(`${slowApi.url}${path}`);
            expect(answer?.status()).toBe(503);
          } finally {
            await locker.query('ROLLBACK').catch(() => undefined);
            await locker.end();
          }
          expect(await page.textContent('h1')).toContain('This report is being prepared');
          await checkPage(page, { name: 'report being prepared' });
          await Promise.all([page.waitForURL(/\/reports\?/), page.click('#report-check-again')]);
          expect(pathOf(page)).toBe(path);
        }),
      180_000,
    );

    it(
      'public statistics in English and Spanish',
      () =>
        journey.run(`statistics-${mode}`, async (page) => {
          await page.goto(`${suite.api.url}/statistics?year=2025`);
          await checkPage(page, { name: 'statistics' });
          await page.goto(`${suite.api.url}/statistics?year=2025&lang=es`);
          await checkPage(page, { name: 'statistics', lang: 'es' });
        }),
      180_000,
    );
  });
});
