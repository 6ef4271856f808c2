import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/test-api';
import { launchBrowser, newJourney, withScreenshots } from './support/browser';
import { tabTo } from './support/keyboard';
import { Language, text } from './support/locales';
import { checkPage } from './support/page-check';

/** The public pages that exist without an account: the start page and the error pages, in every language. */
describe('start and error pages in a real browser', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  describe.each([
    ['JavaScript on', true],
    ['JavaScript off', false],
  ])('%s', (mode, javaScript) => {
    let context: BrowserContext;
    let page: Page;
    beforeEach(async () => {
      context = await newJourney(browser, { javaScript });
      page = await context.newPage();
    });
    afterEach(() => context.close());

    it.each(['en', 'es', 'de'] as Language[])('start page in %s passes every page check', (lang) =>
      withScreenshots(context, `start-${lang}-${mode}`, async () => {
        const response = await page.goto(`${api.url}/?lang=${lang}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('h1').textContent()).resolves.toBe(text(lang, 'start.title'));
        await checkPage(page, { name: 'start', lang });
      }),
    );

    it('the language switcher changes the language, and the 404 page keeps it', () =>
      withScreenshots(context, `language-switch-${mode}`, async () => {
        await page.goto(`${api.url}/`);
        await page.getByRole('link', { name: 'Español' }).click();
        await page.waitForURL(/lang=es/);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
        await expect(page.locator('h1').textContent()).resolves.toBe(text('es', 'start.title'));

        const missing = await page.goto(`${api.url}/no-such-page`);
        expect(missing?.status()).toBe(404);
        await expect(page.locator('h1').textContent()).resolves.toBe(text('es', 'errors.notFound.title'));
        await checkPage(page, { name: 'page not found', lang: 'es' });
      }));

    it.each(['en', 'de'] as Language[])('the 404 page in %s passes every page check', (lang) =>
      withScreenshots(context, `not-found-${lang}-${mode}`, async () => {
        await page.goto(`${api.url}/?lang=${lang}`);
        const missing = await page.goto(`${api.url}/enrol/nothing-here`);
        expect(missing?.status()).toBe(404);
        await checkPage(page, { name: 'page not found', lang });
      }),
    );

    it('keyboard only: switch to German and press the start button', () =>
      withScreenshots(context, `start-keyboard-${mode}`, async () => {
        await page.goto(`${api.url}/`);
        await tabTo(page, 'a[lang="de"], a[hreflang="de"]');
        await page.keyboard.press('Enter');
        await page.waitForURL(/lang=de/);
        await expect(page.locator('h1').textContent()).resolves.toBe(text('de', 'start.title'));

        await tabTo(page, 'a.govuk-button--start');
        await Promise.all([page.waitForURL(/\/register/), page.keyboard.press('Enter')]);
        // Whatever the next page is, it is still in the language the user chose.
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
      }));
  });
});
