import { createUser } from '../support/auth';
import { navigation, signInThroughPage, submit } from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/** The data-protection pages at each state people see them, with JavaScript on and off. */
describe('data protection pages in a real browser', () => {
  const suite = browserSuite();

  inBothJavaScriptModes(suite, (journey, mode) => {
    it(
      'an officer requests an erasure: empty form, errors, preview',
      () =>
        journey.run(`data-protection-officer-${mode}`, async (page) => {
          const { user, password } = await createUser(suite.api, 'officer');
          const subject = await createUser(suite.api, 'sme');
          await signInThroughPage(page, suite.api.url, user.email, password);
          await page.goto(`${suite.api.url}/admin/data-protection`);
          await checkPage(page, { name: 'data protection requests' });

          await submit(page, text('en', 'dataProtection.requests.erasureButton'));
          await checkPage(page, { name: 'data protection requests', errors: true });

          await page.locator('#erasureEmail').fill(subject.user.email);
          await page.locator('#reason').fill('Asked in writing');
          await submit(page, text('en', 'dataProtection.requests.erasureButton'));
          expect(page.url()).toMatch(/\/admin\/data-protection\/requests\/[0-9a-f-]{36}$/);
          await checkPage(page, { name: 'erasure request preview' });
          // The requester sees why they cannot approve it, and no approve button.
          expect(await page.getByText(text('en', 'dataProtection.approval.ownRequest')).isVisible()).toBe(
            true,
          );
          expect(
            await page.getByRole('button', { name: text('en', 'dataProtection.erasure.approve') }).count(),
          ).toBe(0);

          // A subject access request needs a reason, then waits for a second person.
          await page.goto(`${suite.api.url}/admin/data-protection`);
          await page.locator('#email').fill(subject.user.email);
          await submit(page, text('en', 'dataProtection.requests.accessButton'));
          await checkPage(page, { name: 'data protection requests', errors: true });
          await page.locator('#accessReason').fill('Written request from the person');
          await submit(page, text('en', 'dataProtection.requests.accessButton'));
          expect(page.url()).toMatch(/\/admin\/data-protection\/requests\/[0-9a-f-]{36}$/);
          await checkPage(page, { name: 'subject access request' });
        }),
      180_000,
    );

    it(
      'an SME finds its data page and the privacy notice in Spanish',
      () =>
        journey.run(`data-protection-sme-${mode}`, async (page) => {
          const { user, password } = await createUser(suite.api, 'sme');
          await signInThroughPage(page, suite.api.url, user.email, password);
          await page.goto(`${suite.api.url}/account/my-data`);
          await checkPage(page, { name: 'my data' });
          await page.goto(`${suite.api.url}/privacy?lang=es`);
          await checkPage(page, { name: 'privacy notice', lang: 'es' });
          await navigation(page, () =>
            page.getByRole('link', { name: text('es', 'dataProtection.myData.download') }).click(),
          );
          expect(new URL(page.url()).pathname).toBe('/account/my-data');
        }),
      180_000,
    );
  });
});
