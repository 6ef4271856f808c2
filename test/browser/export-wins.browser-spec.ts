import { AppConfig } from '@app/config';
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
import { text, type Language } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

const en = (key: string): string => text('en', key);

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
 * The export-win journey of issue 25 in a real browser, once with JavaScript on and once with it off: the
 * adviser moves an opportunity of their case to won and records the win from it; the company's contact
 * confirms it from the emailed link with JavaScript off (always: no sign-in, no script), rating the support,
 * in the contact's language (Spanish in one run, German in the other); an officer signs it off on the case's
 * wins page and finds it counted in the KPI dashboard. Every page state passes checkPage.
 */
describe('export wins in a real browser: won opportunity, company confirmation, sign-off, KPIs', () => {
  const suite = browserSuite({ timeout: 120_000 });
  /** Wins signed off so far in this file: the dashboard counts every one. */
  let signedOff = 0;

  inBothJavaScriptModes(suite, (journey, mode, javaScript) => {
    const lang: Language = javaScript ? 'es' : 'de';
    const say = (key: string): string => text(lang, key);

    it(`an adviser records a win from a won opportunity, the company confirms it in ${lang}, an officer signs it off`, () =>
      journey.run(`export-wins-${mode}`, async (page) => {
        const api = suite.api;
        const adviser = await buildAdviser(api);
        const officer = await buildUser(api, 'officer');
        const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id, lang });
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
        // The values' message stands beside them too, and the fieldset is described by it.
        await expect(page.locator('#values-error').textContent()).resolves.toMatch(
          `${en('common.errorPrefix')}: ${en('exportWins.errors.valuesMinor.arrayMinSize')}`,
        );
        await expect(page.locator('fieldset:has(#value1)').getAttribute('aria-describedby')).resolves.toBe(
          'values-hint values-error',
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
        // The opportunity's win is recorded: its row no longer offers to record one.
        await page.goto(`${api.url}/cases/${caseId}/opportunities`);
        await expect(
          page.getByRole('link', { name: en('opportunities.list.recordWin'), exact: true }).count(),
        ).resolves.toBe(0);

        // The company's contact: the emailed link in their language, with JavaScript off and no sign-in.
        const mail = await emailedLink(api, win.id);
        expect(mail.language).toBe(lang);
        expect(mail.path).toMatch(new RegExp(`\\?lang=${lang}$`));
        const company = await newJourney(suite.browser, { javaScript: false });
        try {
          await withScreenshots(company, `export-wins-company-${mode}`, async () => {
            const visitor = await company.newPage();
            await visitor.goto(`${api.url}${mail.path}`);
            expect(await heading(visitor)).toBe(say('winVerification.titles.open'));
            const details = (await visitor.locator('#win').textContent()) ?? '';
            expect(details).toContain('Distribuciones Ibéricas SL');
            expect(details).toContain(formatMoney(2_500_000, 'EUR', lang));
            await checkPage(visitor, { name: 'confirm the win', lang });

            // Confirmed without a rating: the Spanish error summary asks for it, the answer is kept.
            await visitor.check('input[name="answer"][value="confirm"]');
            await submit(visitor, say('winVerification.send'));
            expect(await errorSummary(visitor)).toEqual([say('winVerification.errors.rating.isInt')]);
            await expect(visitor.isChecked('input[name="answer"][value="confirm"]')).resolves.toBe(true);
            await checkPage(visitor, { name: 'confirm the win', lang, errors: true });
            await followErrorLink(visitor, 'rating');

            await visitor.check('input[name="rating"][value="5"]');
            await submit(visitor, say('winVerification.send'));
            await expect(visitor.locator('main').textContent()).resolves.toContain(
              say('winVerification.thanks.confirmed'),
            );
            await checkPage(visitor, { name: 'win confirmed', lang });
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
        const staff = await newJourney(suite.browser, { javaScript });
        try {
          await withScreenshots(staff, `export-wins-officer-${mode}`, async () => {
            const office = await staff.newPage();
            await signInThroughPage(office, api.url, officer.user.email, officer.password);
            await office.goto(`${api.url}/cases/${caseId}/export-wins`);
            await expect(
              office.locator(`#win-${win.id} + .govuk-summary-list`).textContent(),
            ).resolves.toContain(en('exportWins.states.confirmed'));
            await checkPage(office, { name: 'case wins' });
            // The button names the win it signs off (a case may have several), as the correction link does.
            await submit(office, `${en('exportWins.signOff')} Distribuciones Ibéricas SL`);
            expect(pathOf(office)).toBe(`/cases/${caseId}/export-wins?notice=signedOff`);
            await expect(
              office.locator(`#win-${win.id} + .govuk-summary-list`).textContent(),
            ).resolves.toContain(en('exportWins.signedOff'));
            await checkPage(office, { name: 'case wins' });

            signedOff += 1;
            // A report read in the last five minutes is served from its snapshot (the worker refreshes it):
            // each run asks for its own period, ending today, so it is computed now.
            const today = new Intl.DateTimeFormat('en-CA', {
              timeZone: api.app.get(AppConfig).PROGRAMME_TIME_ZONE,
            }).format(new Date());
            const from = javaScript ? `${today.slice(0, 4)}-01-01` : today;
            await office.goto(`${api.url}/reports?from=${from}&to=${today}`);
            await checkPage(office, { name: 'KPI dashboard' });
            expect(await kpiValue(office, 'outcomes.wins_confirmed')).toBe(String(signedOff));
            expect(await kpiValue(office, 'outcomes.confirmed_export_value')).toBe(
              formatMoney(signedOff * 2_500_000, 'EUR', 'en'),
            );
          });
        } finally {
          await staff.close();
        }
      }));
  });
});
