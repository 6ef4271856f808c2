import { DEMO_PASSWORD, DEMO_SEEDS, runDemoSeed } from '../../apps/cli/src/seeds';
import { heading, navigation, pathOf, signInThroughPage, signOut } from './support/journey';
import { checkPage } from './support/page-check';
import { browserSuite, journeyPerTest } from './support/suite';

/**
 * The demo accounts `npm start` prints sign in through the real sign-in page and land on their role's
 * home, with that role's navigation, on the data the demo seed loaded. One account per role.
 */
describe('demo accounts sign in in a real browser', () => {
  const suite = browserSuite({
    seed: async () => {
      const seeded = await runDemoSeed(DEMO_SEEDS);
      expect(seeded.seeded).toBe(true);
    },
    timeout: 120_000,
  });
  const journey = journeyPerTest(suite);

  it.each([
    ['admin@demo.example', ['Accounts', 'Queues'], '/admin/users', 'Caseload'],
    ['officer1@demo.example', ['Caseload', 'Advisers', 'Reports'], '/officer/advisers', 'Accounts'],
    ['adviser1@demo.example', ['Caseload', 'Tasks', 'Reports'], '/caseload', 'Advisers'],
    ['sme1@demo.example', ['Home', 'My training', 'Messages'], '/inbox', 'Caseload'],
  ])(
    '%s signs in with the demo password and reaches its own pages',
    (email, navItems, followPath, notInNav) =>
      journey.run(`demo-${email.split('@')[0]}`, async (page) => {
        await signInThroughPage(page, suite.api.url, email, DEMO_PASSWORD);
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
        await page.goto(`${suite.api.url}/home`);
        expect(pathOf(page)).toMatch(/^\/sign-in/);
      }),
    120_000,
  );

  it('refuses a demo account with the wrong password, without saying whether the email exists', async () => {
    const { page } = journey;
    await signInThroughPage(page, suite.api.url, 'officer1@demo.example', 'not-the-demo-password');
    expect(pathOf(page)).toMatch(/^\/sign-in/);
    const wrong = await page.locator('.govuk-error-summary').textContent();
    await signInThroughPage(page, suite.api.url, 'nobody@demo.example', 'not-the-demo-password');
    expect(await page.locator('.govuk-error-summary').textContent()).toBe(wrong);
  }, 60_000);
});
