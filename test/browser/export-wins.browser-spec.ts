import { toActor } from '@app/identity';
import { formatMoney } from '@app/web';
import type { Page } from 'playwright-core';
import type { TestApi } from '../support/test-api';
import { buildAdviser, buildOpportunity, buildSmeCase, buildUser } from '../factories';
import { newJourney, withScreenshots } from './support/browser';
import {
  errorSummary,
  followErrorLink,
  heading,
  navigation,
  pathOf,
  signInThroughPage,
  submit,
} from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, journeyPerTest } from './support/suite';

const en = (key: string): string => text('en', key);
const es = (key: string): string => text('es', key);

/** The verification link (path only) of the latest email asking the company to confirm this case's win. */
async function emailedLink(api: TestApi, winId: string): Promise<{ path: string; language: string }> {
  const rows = (await api.dataSource.query(
    `SELECT body_text, language FROM notification
      WHERE kind = 'export-win-verification.sme' AND idempotency_key LIKE $1
      ORDER BY created_at DESC LIMIT 1`,
    [`export-win-verification:${winId}:%`],
  )) as { body_text: string; language: string }[];
  const link = /https?:\/\/\S+(\/export-wins\/verify\/[^\s?]+\?lang=\w\w)/.exec(rows[0]?.body_text ?? '');
  if (!link) throw new Error(`no verification email for win ${winId}`);
  return { path: link[1], language: rows[0].language };
}

/** The text of a KPI's value in the dashboard's list of KPIs. */
async function kpiValue(page: Page, key: string): Promise<string> {
  const value = page.locator(`.govuk-summary-list__row[data-kpi="${key}"] .app-kpi-value`);
  return ((await value.textContent()) ?? '').trim();
}

/**
 * The export-win journey of issue 25 in a real browser: the adviser moves an opportunity of their case to
 * won and records the win from it (JavaScript on); the company's contact, whose language is Spanish,
 * confirms it from the emailed link with JavaScript off, rating the support; an officer signs it off on the
 * case's wins page and finds it counted in the KPI dashboard. Every page state passes checkPage.
 */
describe('export wins in a real browser: won opportunity, company confirmation, sign-off, KPIs', () => {
  const suite = browserSuite({ timeout: 120_000 });
  const journey = journeyPerTest(suite);

  it('an adviser records a win from a won opportunity, the company confirms it, an officer signs it off', () =>
    journey.run('export-wins', async (page) => {
      const api = suite.api;
      const adviser = await buildAdviser(api);
      const officer = await buildUser(api, 'officer');
      const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id, lang: 'es' });
      const opportunityId = await buildOpportunity(api, toActor(adviser.user), caseId, {
        market: 'ES',
        product: 'Galletas de avena',
        currency: 'EUR',
        valueMinor: 2_000_000,
        status: 'active',
      });

      // The adviser: the case's opportunities, the opportunity moved to won, then "record the win".
      await signInThroughPage(page, api.url, adviser.user.email, adviser.password);
      await page.goto(`${api.url}/cases/${caseId}/opportunities`);
      expect(await heading(page)).toBe(en('opportunities.list.title'));
      await checkPage(page, { name: 'case opportunities' });
      await navigation(page, () =>
        page.getByRole('link', { name: 'Galletas de avena', exact: true }).click(),
      );
      expect(pathOf(page)).toBe(`/cases/${caseId}/opportunities/${opportunityId}`);
      await checkPage(page, { name: 'edit opportunity' });
      await page.check('input[name="status"][value="won"]');
      await submit(page, en('opportunities.form.save'));
      expect(pathOf(page)).toBe(`/cases/${caseId}/opportunities?notice=saved`);
      await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
        en('opportunities.notices.saved'),
      );
      await checkPage(page, { name: 'case opportunities' });

      await navigation(page, () =>
        page.getByRole('link', { name: en('opportunities.list.recordWin'), exact: true }).click(),
      );
      expect(pathOf(page)).toBe(`/cases/${caseId}/export-wins/new?opportunity=${opportunityId}`);
      expect(await heading(page)).toBe(en('exportWins.form.title'));
      // The form starts from the opportunity: its market, product and currency.
      await expect(page.inputValue('#customerCountry')).resolves.toBe('ES');
      await expect(page.inputValue('#description')).resolves.toBe('Galletas de avena');
      await expect(page.inputValue('#currency')).resolves.toBe('EUR');
      await checkPage(page, { name: 'record a win' });

      // Sent without the customer nor the values: the error summary leads to the fields.
      await submit(page, en('exportWins.form.save'));
      expect(await errorSummary(page)).toEqual(
        expect.arrayContaining([
          en('exportWins.errors.customerName.minLength'),
          en('exportWins.errors.valuesMinor.arrayMinSize'),
        ]),
      );
      await checkPage(page, { name: 'record a win', errors: true });
      await followErrorLink(page, 'customerName');

      await page.fill('#customerName', 'Distribuciones Ibéricas SL');
      await page.check('input[name="goodsOrServices"][value="goods"]');
      await page.check('input[name="winType"][value="new_market"]');
      await page.fill('#value1', '15000');
      await page.fill('#value2', '10000');
      await page.check('input[name="supportDecisive"][value="yes"]');
      await submit(page, en('exportWins.form.save'));
      expect(pathOf(page)).toBe(`/cases/${caseId}/export-wins?notice=recorded`);
      await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
        en('exportWins.notices.recorded'),
      );
      await checkPage(page, { name: 'case wins' });
      const [win] = (await api.dataSource.query(
        `SELECT id, opportunity_id, values_minor, verification_status FROM export_wins WHERE case_id = $1`,
        [caseId],
      )) as { id: string; opportunity_id: string; values_minor: string[]; verification_status: string }[];
      expect(win).toMatchObject({
        opportunity_id: opportunityId,
        values_minor: ['1500000', '1000000'], // bigint[]: node-postgres reads it as text
        verification_status: 'awaiting',
      });
      await expect(page.locator(`#win-${win.id} + .govuk-summary-list`).textContent()).resolves.toContain(
        en('exportWins.states.awaiting'),
      );

      // The company's contact: the emailed link, in Spanish, with JavaScript off and no sign-in.
      const mail = await emailedLink(api, win.id);
      expect(mail.language).toBe('es');
      expect(mail.path).toMatch(/\?lang=es$/);
      const company = await newJourney(suite.browser, { javaScript: false });
      try {
        await withScreenshots(company, 'export-wins-company', async () => {
          const visitor = await company.newPage();
          await visitor.goto(`${api.url}${mail.path}`);
          expect(await heading(visitor)).toBe(es('winVerification.titles.open'));
          const details = (await visitor.locator('#win').textContent()) ?? '';
          expect(details).toContain('Distribuciones Ibéricas SL');
          expect(details).toContain(formatMoney(2_500_000, 'EUR', 'es'));
          await checkPage(visitor, { name: 'confirm the win', lang: 'es' });

          // Confirmed without a rating: the Spanish error summary asks for it, the answer is kept.
          await visitor.check('input[name="answer"][value="confirm"]');
          await submit(visitor, es('winVerification.send'));
          expect(await errorSummary(visitor)).toEqual([es('winVerification.errors.rating.isInt')]);
          await expect(visitor.isChecked('input[name="answer"][value="confirm"]')).resolves.toBe(true);
          await checkPage(visitor, { name: 'confirm the win', lang: 'es', errors: true });
          await followErrorLink(visitor, 'rating');

          await visitor.check('input[name="rating"][value="5"]');
          await submit(visitor, es('winVerification.send'));
          await expect(visitor.locator('main').textContent()).resolves.toContain(
            es('winVerification.thanks.confirmed'),
          );
          await checkPage(visitor, { name: 'win confirmed', lang: 'es' });
        });
      } finally {
        await company.close();
      }
      const [answered] = await api.dataSource.query(
        `SELECT verification_status, company_rating, signed_off_at FROM export_wins WHERE id = $1`,
        [win.id],
      );
      expect(answered).toMatchObject({
        verification_status: 'confirmed',
        company_rating: 5,
        signed_off_at: null,
      });

      // The officer: signs the confirmed win off on the case's wins page, then finds it in the KPIs.
      const staff = await newJourney(suite.browser);
      try {
        await withScreenshots(staff, 'export-wins-officer', async () => {
          const office = await staff.newPage();
          await signInThroughPage(office, api.url, officer.user.email, officer.password);
          await office.goto(`${api.url}/cases/${caseId}/export-wins`);
          await expect(
            office.locator(`#win-${win.id} + .govuk-summary-list`).textContent(),
          ).resolves.toContain(en('exportWins.states.confirmed'));
          await checkPage(office, { name: 'case wins' });
          await submit(office, en('exportWins.signOff'));
          expect(pathOf(office)).toBe(`/cases/${caseId}/export-wins?notice=signedOff`);
          await expect(
            office.locator(`#win-${win.id} + .govuk-summary-list`).textContent(),
          ).resolves.toContain(en('exportWins.signedOff'));
          await checkPage(office, { name: 'case wins' });

          await office.goto(`${api.url}/reports`);
          await checkPage(office, { name: 'KPI dashboard' });
          expect(await kpiValue(office, 'outcomes.wins_confirmed')).toBe('1');
          expect(await kpiValue(office, 'outcomes.confirmed_export_value')).toBe(
            formatMoney(2_500_000, 'EUR', 'en'),
          );
        });
      } finally {
        await staff.close();
      }
    }));
});
