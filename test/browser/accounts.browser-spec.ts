import { randomBytes } from 'node:crypto';
import { createUser } from '../support/auth';
import { newJourney } from './support/browser';
import { tabTo } from './support/keyboard';
import {
  confirmRegistration,
  errorSummary,
  followErrorLink,
  heading,
  navigation,
  pathOf,
  signInThroughPage,
  signOut,
  submit,
} from './support/journey';
import { Language, text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/**
 * Account pages in a real browser: an SME registers (one validation round-trip), reaches home, signs out
 * and in again, in English and Spanish, by mouse and by keyboard alone; an admin creates a staff account;
 * an officer is refused the admin-only pages. Every journey runs with JavaScript on and off.
 */
describe('account journeys in a real browser', () => {
  const suite = browserSuite();

  const unique = (): string => randomBytes(4).toString('hex');
  const STRONG_PASSWORD = 'export-ready-2026-plan';

  inBothJavaScriptModes(suite, (journey, mode, javaScript) => {
    it.each(['en', 'es'] as Language[])(
      'SME in %s: register with one error round-trip, home, sign out, sign in',
      (lang) =>
        journey.run(`sme-account-${lang}-${mode}`, async (page) => {
          const email = `owner-${unique()}@firm.example`;
          const name = `Ana Ruiz ${unique()}`;
          await page.goto(`${suite.api.url}/?lang=${lang}`);
          await navigation(page, () => page.locator('a.govuk-button--start').click());
          expect(pathOf(page)).toBe('/register');
          await checkPage(page, { name: 'register', lang });

          // A malformed email: the form comes back with the error, the name kept, nothing created.
          await page.getByLabel(text(lang, 'identity.fields.name'), { exact: true }).fill(name);
          await page.getByLabel(text(lang, 'identity.fields.email'), { exact: true }).fill('not-an-email');
          await page.getByLabel(text(lang, 'identity.fields.password'), { exact: true }).fill('short');
          await submit(page, text(lang, 'identity.register.submit'));
          expect(await errorSummary(page)).toEqual([text(lang, 'identity.errors.email.isEmail')]);
          await expect(
            page.getByLabel(text(lang, 'identity.fields.name'), { exact: true }).inputValue(),
          ).resolves.toBe(name);
          await checkPage(page, { name: 'register', lang, errors: true });
          await followErrorLink(page, 'email');
          const users = await suite.api.dataSource.query('SELECT 1 FROM users WHERE name = $1', [name]);
          expect(users).toHaveLength(0);

          await page.getByLabel(text(lang, 'identity.fields.email'), { exact: true }).fill(email);
          await page
            .getByLabel(text(lang, 'identity.fields.password'), { exact: true })
            .fill(STRONG_PASSWORD);
          await submit(page, text(lang, 'identity.register.submit'));
          expect(await heading(page)).toBe(text(lang, 'identity.register.checkEmailTitle'));
          await confirmRegistration(page, suite.api, email, { lang });
          expect(await heading(page)).toBe(text(lang, 'enrolment.home.title'));
          await checkPage(page, { name: 'sme home', lang });

          await signOut(page, lang);
          expect(pathOf(page)).toBe('/sign-in?signedOut=1');
          await checkPage(page, { name: 'sign in', lang });
          const afterSignOut = await page.goto(`${suite.api.url}/home`);
          expect(afterSignOut?.url()).toContain('/sign-in?returnTo=%2Fhome');

          await page.getByLabel(text(lang, 'identity.fields.email'), { exact: true }).fill(email);
          await page
            .getByLabel(text(lang, 'identity.fields.password'), { exact: true })
            .fill('wrong password here');
          await submit(page, text(lang, 'common.signIn'));
          expect(await errorSummary(page)).toEqual([
            text(lang, 'identity.errors.email.auth.invalid_credentials'),
          ]);
          await checkPage(page, { name: 'sign in', lang, errors: true });

          await page
            .getByLabel(text(lang, 'identity.fields.password'), { exact: true })
            .fill(STRONG_PASSWORD);
          await submit(page, text(lang, 'common.signIn'));
          expect(pathOf(page)).toBe('/home');
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
        }),
    );

    it('SME by keyboard alone, in German: start, register (error round-trip), home, sign out', () =>
      journey.run(`sme-keyboard-de-${mode}`, async (page) => {
        const lang: Language = 'de';
        await page.goto(`${suite.api.url}/?lang=${lang}`);
        await tabTo(page, 'a.govuk-button--start');
        await navigation(page, () => page.keyboard.press('Enter'));
        expect(pathOf(page)).toBe('/register');

        await tabTo(page, '#name');
        await page.keyboard.type('Jana Schmidt');
        await tabTo(page, 'form button[type="submit"], form .govuk-button');
        await navigation(page, () => page.keyboard.press('Enter'));
        expect(await errorSummary(page)).toHaveLength(2);
        await expect(page.locator('.govuk-error-summary__list a').first().getAttribute('href')).resolves.toBe(
          '#email',
        );
        await followErrorLink(page, 'email', { keyboard: true });
        const email = `jana-${unique()}@firma.example`;
        await page.keyboard.type(email);
        await page.keyboard.press('Tab');
        await page.keyboard.type(STRONG_PASSWORD);
        // Space activates a focused button just as Enter does.
        await tabTo(page, 'form .govuk-button');
        await navigation(page, () => page.keyboard.press('Space'));
        await confirmRegistration(page, suite.api, email, { lang, keyboard: true });
        expect(await heading(page)).toBe(text(lang, 'enrolment.home.title'));

        await tabTo(page, 'button.app-sign-out__button', { back: true });
        await navigation(page, () => page.keyboard.press('Enter'));
        expect(pathOf(page)).toBe('/sign-in?signedOut=1');
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      }));

    it('admin creates a staff account (one error round-trip), who can then sign in', () =>
      journey.run(`admin-create-staff-${mode}`, async (page) => {
        const admin = await createUser(suite.api, 'admin');
        await signInThroughPage(page, suite.api.url, admin.user.email, admin.password);
        expect(pathOf(page)).toBe('/home');
        await checkPage(page, { name: 'staff home' });

        await navigation(page, () =>
          page
            .getByRole('link', { name: text('en', 'identity.nav.users') })
            .first()
            .click(),
        );
        expect(pathOf(page)).toBe('/admin/users');
        await checkPage(page, { name: 'accounts' });

        await navigation(page, () =>
          page.getByRole('button', { name: text('en', 'identity.admin.newUser') }).click(),
        );
        expect(pathOf(page)).toBe('/admin/users/new');
        await checkPage(page, { name: 'new account' });

        const email = `adviser-${unique()}@agency.example`;
        await page.getByLabel(text('en', 'identity.fields.name'), { exact: true }).fill('Ada Adviser');
        await page.getByLabel(text('en', 'identity.fields.email'), { exact: true }).fill(email);
        await submit(page, text('en', 'identity.admin.create'));
        expect(await errorSummary(page)).toEqual([text('en', 'identity.errors.password.isNotEmpty')]);
        await checkPage(page, { name: 'new account', errors: true });
        await followErrorLink(page, 'password');

        await page.keyboard.type(STRONG_PASSWORD);
        await page.getByLabel(text('en', 'identity.roles.adviser'), { exact: true }).check();
        await submit(page, text('en', 'identity.admin.create'));
        expect(pathOf(page)).toBe('/admin/users?created=1');
        await checkPage(page, { name: 'accounts' });
        await expect(page.locator('.govuk-table').textContent()).resolves.toContain(email);
        const [row] = await suite.api.dataSource.query('SELECT role, active FROM users WHERE email = $1', [
          email,
        ]);
        expect(row).toEqual({ role: 'adviser', active: true });

        const staff = await newJourney(suite.browser, { javaScript });
        try {
          const staffPage = await staff.newPage();
          await signInThroughPage(staffPage, suite.api.url, email, STRONG_PASSWORD);
          expect(pathOf(staffPage)).toBe('/home');
          expect(await heading(staffPage)).toBe(text('en', 'identity.home.staffTitle'));
        } finally {
          await staff.close();
        }
      }));

    it('officer sees the audit trail but is refused the admin-only account pages with a 404', () =>
      journey.run(`officer-refused-${mode}`, async (page) => {
        const officer = await createUser(suite.api, 'officer');
        await signInThroughPage(page, suite.api.url, officer.user.email, officer.password);
        expect(pathOf(page)).toBe('/home');
        await expect(
          page.getByRole('link', { name: text('en', 'identity.nav.users') }).count(),
        ).resolves.toBe(0);

        const audit = await page.goto(`${suite.api.url}/admin/audit`);
        expect(audit?.status()).toBe(200);
        await checkPage(page, { name: 'audit trail' });

        for (const path of ['/admin/users', '/admin/users/new']) {
          const refused = await page.goto(`${suite.api.url}${path}`);
          expect(refused?.status()).toBe(404);
          expect(await heading(page)).toBe(text('en', 'errors.notFound.title'));
        }
        await checkPage(page, { name: 'page not found' });
      }));
  });
});
