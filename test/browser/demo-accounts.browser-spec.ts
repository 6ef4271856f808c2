import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_SEEDS, runDemoSeed } from '../../apps/cli/src/seeds';
import { startTestApi, TestApi } from '../support/test-api';
import { launchBrowser, newJourney, withScreenshots } from './support/browser';
import { heading, navigation, pathOf, signInThroughPage, signOut } from './support/journey';
import { checkPage } from './support/page-check';

/**
 * The demo accounts `npm start` prints sign in through the real sign-in page and land on their role's
 * home, with that role's navigation, on the data the demo seed loaded. One account per role.
 */
describe('demo accounts sign in in a real browser', () => {
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchBrowser()]);
    const seeded = await runDemoSeed(DEMO_SEEDS);
    expect(seeded.seeded).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    context = await newJourney(browser, { javaScript: true });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it.each([
    ['admin@demo.example', ['Accounts', 'Queues'], '/admin/users', 'Caseload'],
    ['officer1@demo.example', ['Caseload', 'Advisers', 'Reports'], '/officer/advisers', 'Accounts'],
    ['adviser1@demo.example', ['Caseload', 'Tasks', 'Reports'], '/caseload', 'Advisers'],
    ['sme1@demo.example', ['Home', 'My training', 'Messages'], '/inbox', 'Caseload'],
  ])(
    '%s signs in with the demo password and reaches its own pages',
    (email, navItems, followPath, notInNav) =>
      withScreenshots(context, `demo-${email.split('@')[0]}`, async () => {
        await signInThroughPage(page, api.url, email, DEMO_PASSWORD);
        expect(pathOf(page)).toBe('/home');
        const nav = (await page.locator('.govuk-service-navigation__item').allTextContents()).map((t) =>
          t.trim(),
        );
        for (const item of navItems) expect(nav.join(' | ')).toContain(item);
        expect(nav.join(' | ')).not.toContain(notInNav);
        // Every staff role shares one home page (its panels differ), so the page check names it once.
        await checkPage(page, { name: email.startsWith('sme') ? 'SME home' : 'staff home' });
        // The role's own work page opens from the navigation, with the seeded data behind it.
        await navigation(page, () =>
          page.locator(`.govuk-service-navigation a[href="${followPath}"]`).click(),
        );
        expect(pathOf(page)).toBe(followPath);
        expect(await heading(page)).not.toBe('');
        await checkPage(page, { name: followPath });
        await signOut(page);
        await page.goto(`${api.url}/home`);
        expect(pathOf(page)).toMatch(/^\/sign-in/);
      }),
    120_000,
  );

  it('refuses a demo account with the wrong password, without saying whether the email exists', async () => {
    await signInThroughPage(page, api.url, 'officer1@demo.example', 'not-the-demo-password');
    expect(pathOf(page)).toMatch(/^\/sign-in/);
    const wrong = await page.locator('.govuk-error-summary').textContent();
    await signInThroughPage(page, api.url, 'nobody@demo.example', 'not-the-demo-password');
    expect(await page.locator('.govuk-error-summary').textContent()).toBe(wrong);
  }, 60_000);
});
