import { tabTo } from './support/keyboard';
import { Language, text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/** The public pages that exist without an account: the start page and the error pages, in every language. */
describe('start and error pages in a real browser', () => {
  const suite = browserSuite();

  inBothJavaScriptModes(suite, (journey, mode) => {
    it.each(['en', 'es', 'de'] as Language[])('start page in %s passes every page check', (lang) =>
      journey.run(`start-${lang}-${mode}`, async (page) => {
        const response = await page.goto(`${suite.api.url}/?lang=${lang}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator('h1').textContent()).resolves.toBe(text(lang, 'start.title'));
        await checkPage(page, { name: 'start', lang });
      }),
    );

    it('the language switcher changes the language, and the 404 page keeps it', () =>
      journey.run(`language-switch-${mode}`, async (page) => {
        await page.goto(`${suite.api.url}/`);
        await page.getByRole('link', { name: 'Español' }).click();
        await page.waitForURL(/lang=es/);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
        await expect(page.locator('h1').textContent()).resolves.toBe(text('es', 'start.title'));

        const missing = await page.goto(`${suite.api.url}/no-such-page`);
        expect(missing?.status()).toBe(404);
        await expect(page.locator('h1').textContent()).resolves.toBe(text('es', 'errors.notFound.title'));
        await checkPage(page, { name: 'page not found', lang: 'es' });
      }));

    it.each(['en', 'de'] as Language[])('the 404 page in %s passes every page check', (lang) =>
      journey.run(`not-found-${lang}-${mode}`, async (page) => {
        await page.goto(`${suite.api.url}/?lang=${lang}`);
        const missing = await page.goto(`${suite.api.url}/enrol/nothing-here`);
        expect(missing?.status()).toBe(404);
        await checkPage(page, { name: 'page not found', lang });
      }),
    );

    it('keyboard only: switch to German and press the start button', () =>
      journey.run(`start-keyboard-${mode}`, async (page) => {
        await page.goto(`${suite.api.url}/`);
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
