import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TestApi } from '../../support/test-api';
import { fillWithKeyboard, fillWithMouse, FormStep } from './form-steps';
import { tabTo } from './keyboard';
import { errorSummary, followErrorLink, heading, navigation, pathOf, signOut } from './journey';
import { Language, text } from './locales';
import { checkPage } from './page-check';

const MARKETS: Record<Language, { exported: string; target: string }> = {
  en: { exported: 'France, Germany', target: 'United States, Japan' },
  es: { exported: 'Francia, Alemania', target: 'Estados Unidos, Japón' },
  de: { exported: 'Frankreich, Deutschland', target: 'Vereinigte Staaten, Japan' },
};

const unique = (): string => randomBytes(4).toString('hex');

/** The answers, page by page, in the order the controls appear on each page. */
function answers(lang: Language, registration: string): { slug: string; steps: FormStep[] }[] {
  return [
    {
      slug: 'company',
      steps: [
        { type: 'text', selector: '#company-legalName', value: `Acme Widgets ${registration}` },
        { type: 'text', selector: '#company-registrationNumber', value: registration },
        { type: 'select', selector: '#company-registrationCountry', value: 'GB' },
        { type: 'text', selector: '#company-yearFounded', value: '2009' },
        { type: 'text', selector: '#company-website', value: 'https://acme.example' },
      ],
    },
    {
      slug: 'size',
      steps: [
        { type: 'text', selector: '#company-employees', value: '12' },
        { type: 'select', selector: '#company-currency', value: 'GBP' },
        { type: 'text', selector: '#company-turnoverMinor', value: '2500000' },
      ],
    },
    {
      slug: 'sector-region',
      steps: [
        { type: 'text', selector: '#company-naceCode', value: '62.01' },
        { type: 'radio', selector: 'input[name="company-region"][value="north-west"]' },
      ],
    },
    {
      slug: 'export-status',
      steps: [
        { type: 'radio', selector: 'input[name="exportStatus-exportedLast12Months"][value="yes"]' },
        { type: 'text', selector: '#exportStatus-exportSharePercent', value: '15' },
        { type: 'text', selector: '#exportStatus-markets', value: MARKETS[lang].exported },
        { type: 'radio', selector: 'input[name="exportStatus-orderOrigin"][value="unsolicited"]' },
      ],
    },
    {
      slug: 'target-markets',
      steps: [{ type: 'text', selector: '#targetMarkets', value: MARKETS[lang].target }],
    },
    {
      slug: 'barriers',
      steps: [
        { type: 'checkbox', selector: 'input[name="barriers-selected"][value="operational"]' },
        { type: 'checkbox', selector: 'input[name="barriers-selected"][value="social_media"]' },
      ],
    },
    {
      slug: 'help',
      steps: [{ type: 'checkbox', selector: 'input[name="helpWanted"][value="market-research"]' }],
    },
    {
      slug: 'consent',
      steps: [{ type: 'checkbox', selector: '#consent-dataProcessing' }],
    },
  ];
}

/**
 * The SME journey through the enrolment form: register, start the application, fill it page by page (one
 * validation error round-trip whose summary link moves focus to the field), check answers, submit, see the
 * outcome and home, sign out; by mouse or by keyboard alone. Every page state passes checkPage.
 */
/** Registers a new SME through the register page; leaves the browser on its home page. */
async function register(api: TestApi, page: Page, lang: Language, keyboard: boolean): Promise<void> {
  await page.goto(`${api.url}/register?lang=${lang}`);
  const fields: FormStep[] = [
    { type: 'text', selector: '#name', value: `Owner ${unique()}` },
    { type: 'text', selector: '#email', value: `owner-${unique()}@firm.example` },
    { type: 'text', selector: '#password', value: 'export-ready-2026-plan' },
  ];
  if (keyboard) {
    await fillWithKeyboard(page, fields);
    await navigation(page, () => page.keyboard.press('Enter'));
  } else {
    await fillWithMouse(page, fields);
    await navigation(page, () => page.locator('form .govuk-button').click());
  }
  expect(pathOf(page)).toBe('/home');
}

export async function enrolJourney(
  api: TestApi,
  page: Page,
  lang: Language,
  keyboard: boolean,
): Promise<void> {
  const registration = `REG-${unique().toUpperCase()}`;
  const pages = answers(lang, registration);
  const activate = async (selector: string): Promise<void> => {
    if (keyboard) {
      await tabTo(page, selector);
      await navigation(page, () => page.keyboard.press('Enter'));
    } else {
      await navigation(page, () => page.locator(selector).first().click());
    }
  };
  const saveAndContinue = (): Promise<void> => activate('button[name="action"][value="continue"]');

  await register(api, page, lang, keyboard);
  expect(await heading(page)).toBe(text(lang, 'enrolment.home.title'));
  await checkPage(page, { name: 'sme home', lang });

  await activate('a[href="/enrol"]');
  expect(pathOf(page)).toBe('/enrol');
  await checkPage(page, { name: 'enrolment start', lang });
  await activate('form[action="/enrol"] button');
  expect(pathOf(page)).toMatch(/^\/enrol\/[0-9a-f-]{36}\/company$/);
  const base = pathOf(page).replace(/\/company$/, '');
  await checkPage(page, { name: 'company', lang });

  // The one validation round-trip: everything but the legal name.
  const [company, ...rest] = pages;
  const withoutName = company.steps.filter((step) => step.selector !== '#company-legalName');
  await (keyboard ? fillWithKeyboard : fillWithMouse)(page, withoutName);
  await saveAndContinue();
  expect(pathOf(page)).toBe(`${base}/company`);
  expect(await errorSummary(page)).toEqual([text(lang, 'enrolment.errors.company.legalName.required')]);
  await expect(page.locator('#company-registrationNumber').inputValue()).resolves.toBe(registration);
  await checkPage(page, { name: 'company', lang, errors: true });
  await followErrorLink(page, 'company-legalName', { keyboard });
  await page.keyboard.type(`Acme Widgets ${registration}`);
  await saveAndContinue();

  for (const { slug, steps } of rest) {
    expect(pathOf(page)).toBe(`${base}/${slug}`);
    await checkPage(page, { name: slug, lang });
    await (keyboard ? fillWithKeyboard : fillWithMouse)(page, steps);
    await saveAndContinue();
  }

  expect(pathOf(page)).toBe(`${base}/check`);
  expect(await heading(page)).toBe(text(lang, 'enrolment.check.title'));
  await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain(registration);
  await checkPage(page, { name: 'check answers', lang });
  await activate('#submit');

  expect(pathOf(page)).toBe(`${base}/confirmation`);
  expect(await heading(page)).toBe(text(lang, 'enrolment.outcome.eligible.title'));
  await checkPage(page, { name: 'outcome', lang });
  const [row] = await api.dataSource.query(
    `SELECT e.status, e.target_markets, c.stage FROM enrolments e JOIN cases c ON c.enrolment_id = e.id
     WHERE e.registration_number = $1`,
    [registration],
  );
  expect(row).toEqual({ status: 'eligible', target_markets: ['US', 'JP'], stage: 'passive_exporter' });

  await activate('a[href="/home"]');
  await expect(page.locator('#enrolment-status').textContent()).resolves.toBe(
    text(lang, 'enrolment.statuses.eligible'),
  );
  await checkPage(page, { name: 'sme home', lang });

  if (keyboard) {
    await tabTo(page, 'button.app-sign-out__button', { back: true });
    await navigation(page, () => page.keyboard.press('Enter'));
  } else {
    await signOut(page, lang);
  }
  expect(pathOf(page)).toBe('/sign-in?signedOut=1');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
}
