import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '@app/config';
import type { Page } from 'playwright-core';
import type { TestApi } from '../../support/test-api';
import { fillWithKeyboard, fillWithMouse, FormStep } from './form-steps';
import { tabTo } from './keyboard';
import {
  confirmRegistration,
  errorSummary,
  followErrorLink,
  heading,
  navigation,
  pathOf,
  signOut,
} from './journey';
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
 * outcome and home, take the readiness self-assessment (results and recommendations), book the recommended
 * self-paced training module and see it in "my training", sign out; by mouse or by keyboard alone. Every page
 * state passes checkPage.
 */
/** Registers a new SME through the register page; leaves the browser on its home page. */
async function register(api: TestApi, page: Page, lang: Language, keyboard: boolean): Promise<void> {
  await page.goto(`${api.url}/register?lang=${lang}`);
  const email = `owner-${unique()}@firm.example`;
  const fields: FormStep[] = [
    { type: 'text', selector: '#name', value: `Owner ${unique()}` },
    { type: 'text', selector: '#email', value: email },
    { type: 'text', selector: '#password', value: 'export-ready-2026-plan' },
  ];
  if (keyboard) {
    await fillWithKeyboard(page, fields);
    await navigation(page, () => page.keyboard.press('Enter'));
  } else {
    await fillWithMouse(page, fields);
    await navigation(page, () => page.locator('form .govuk-button').click());
  }
  await confirmRegistration(page, api, email, { lang, keyboard });
  expect(pathOf(page)).toBe('/home');
}

/** Follows a link or presses a button that loads a new page: Tab to it and Enter, or a click. */
function activator(page: Page, keyboard: boolean): (selector: string) => Promise<void> {
  return async (selector) => {
    if (keyboard) {
      await tabTo(page, selector);
      await navigation(page, () => page.keyboard.press('Enter'));
    } else {
      await navigation(page, () => page.locator(selector).first().click());
    }
  };
}

interface Questionnaire {
  headings: { code: string; title: Record<Language, string>; questions: { code: string }[] }[];
}

/** The questionnaire the app serves (config/readiness), so the journey answers exactly its questions. */
function questionnaire(): Questionnaire {
  const file = join(__dirname, '..', '..', '..', 'config', 'readiness', 'questionnaire-v1.yaml');
  return parseYaml(readFileSync(file, 'utf8')) as Questionnaire;
}

/** The answer to each question: a confident 3, but social media profiles weak (1), which recommends the self-paced social-media-foundations module. */
const POINT_FOR = (question: string): number => (question === 'sm-profiles' ? 1 : 3);
const RECOMMENDED_MODULE = 'social-media-foundations';

/**
 * From the SME home page's link: the readiness self-assessment heading by heading, check, submit, results with
 * recommendations; then the recommended self-paced module from "my training", booked, and shown as booked.
 */
async function selfAssessmentAndTraining(
  api: TestApi,
  page: Page,
  lang: Language,
  keyboard: boolean,
  caseId: string,
): Promise<void> {
  const activate = activator(page, keyboard);
  const { headings } = questionnaire();

  // From the home page's "what you can do now" list.
  await activate(`#do-now a[href="/cases/${caseId}/audits"]`);
  expect(pathOf(page)).toBe(`/cases/${caseId}/audits`);
  expect(await heading(page)).toBe(text(lang, 'readiness.title'));
  await checkPage(page, { name: 'readiness overview', lang });
  await activate(`form[action="/cases/${caseId}/audits/start"] button`);

  const section = new RegExp(`^/cases/${caseId}/audits/([0-9a-f-]{36})/section/${headings[0].code}$`);
  expect(pathOf(page)).toMatch(section);
  const auditBase = `/cases/${caseId}/audits/${section.exec(pathOf(page))![1]}`;
  for (const [index, { code, title, questions }] of headings.entries()) {
    expect(pathOf(page)).toBe(`${auditBase}/section/${code}`);
    expect(await heading(page)).toBe(title[lang]);
    if (index === 0) await checkPage(page, { name: 'readiness question page', lang });
    const steps: FormStep[] = questions.map((q) => ({
      type: 'radio',
      selector: `input[name="${q.code}"][value="${POINT_FOR(q.code)}"]`,
    }));
    await (keyboard ? fillWithKeyboard : fillWithMouse)(page, steps);
    await activate(`form[action="${auditBase}/section/${code}"] button.govuk-button`);
  }

  expect(pathOf(page)).toBe(`${auditBase}/check`);
  expect(await heading(page)).toBe(text(lang, 'readiness.checkTitle'));
  await checkPage(page, { name: 'readiness check answers', lang });
  await activate(`form[action="${auditBase}/submit"] button`);

  expect(pathOf(page)).toBe(auditBase);
  expect(await heading(page)).toBe(text(lang, 'readiness.resultsTitle'));
  await expect(
    page.locator(`#recommendation-list li[data-code="${RECOMMENDED_MODULE}"]`).count(),
  ).resolves.toBe(1);
  await checkPage(page, { name: 'readiness results', lang });

  await activate('main a[href="/training#recommended"]');
  expect(pathOf(page)).toBe('/training');
  expect(await heading(page)).toBe(text(lang, 'training.my.title'));
  await checkPage(page, { name: 'my training', lang });
  const recommended = `#main-content a[href^="/training/modules/${RECOMMENDED_MODULE}?recommendation="]`;
  const moduleTitle = ((await page.locator(recommended).textContent()) ?? '').trim();
  expect(moduleTitle).not.toBe('');
  await activate(recommended);

  expect(pathOf(page)).toMatch(new RegExp(`^/training/modules/${RECOMMENDED_MODULE}\\?recommendation=`));
  expect(await heading(page)).toBe(moduleTitle);
  await checkPage(page, { name: 'training module', lang });
  await activate(`form[action="/training/modules/${RECOMMENDED_MODULE}/book"] button`);

  expect(pathOf(page)).toBe('/training?done=booked');
  await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
    text(lang, 'training.notices.booked'),
  );
  const bookedRow = page.locator('#main-content tr', {
    has: page.locator(`a[href="/training/modules/${RECOMMENDED_MODULE}"]`),
  });
  await expect(bookedRow.locator('.govuk-tag').textContent()).resolves.toContain(
    text(lang, 'training.statuses.booked'),
  );
  await checkPage(page, { name: 'my training', lang });

  const audits = await api.dataSource.query(
    `SELECT kind, status FROM readiness_audits WHERE case_id = $1 AND submitted_at IS NOT NULL`,
    [caseId],
  );
  expect(audits).toEqual([{ kind: 'self', status: 'submitted' }]);
  const bookings = await api.dataSource.query(
    `SELECT b.status, b.session_id, b.recommendation_id IS NOT NULL AS from_recommendation
       FROM training_booking b JOIN training_module m ON m.id = b.module_id
      WHERE b.case_id = $1 AND m.code = $2`,
    [caseId, RECOMMENDED_MODULE],
  );
  expect(bookings).toEqual([{ status: 'booked', session_id: null, from_recommendation: true }]);
}

export async function enrolJourney(
  api: TestApi,
  page: Page,
  lang: Language,
  keyboard: boolean,
): Promise<void> {
  const registration = `REG-${unique().toUpperCase()}`;
  const pages = answers(lang, registration);
  const activate = activator(page, keyboard);
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
    `SELECT c.id, e.status, e.target_markets, c.stage FROM enrolments e JOIN cases c ON c.enrolment_id = e.id
     WHERE e.registration_number = $1`,
    [registration],
  );
  const { id: caseId, ...outcome } = row as { id: string };
  expect(outcome).toEqual({ status: 'eligible', target_markets: ['US', 'JP'], stage: 'passive_exporter' });

  await activate('a[href="/home"]');
  await expect(page.locator('#enrolment-status').textContent()).resolves.toBe(
    text(lang, 'enrolment.statuses.eligible'),
  );
  await checkPage(page, { name: 'sme home', lang });

  await selfAssessmentAndTraining(api, page, lang, keyboard, caseId);

  if (keyboard) {
    await tabTo(page, 'button.app-sign-out__button', { back: true });
    await navigation(page, () => page.keyboard.press('Enter'));
  } else {
    await signOut(page, lang);
  }
  expect(pathOf(page)).toBe('/sign-in?signedOut=1');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
}
