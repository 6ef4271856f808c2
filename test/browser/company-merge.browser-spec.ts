import { randomBytes } from 'node:crypto';
import { buildSmeCase } from '../factories';
import { createUser } from '../support/auth';
import { errorSummary, heading, navigation, pathOf, signInThroughPage, submit } from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/**
 * Issue 24 item 7 in a real browser, with JavaScript on and off: an officer merges two records of one
 * company from the enrolment review. Both have an open case, so the confirm page asks which continues (an
 * error round-trip when skipped); afterwards the company page shows one company with both cases, the other
 * closed as a duplicate, and both SMEs as its contacts.
 */
describe('officer merges two companies in a real browser', () => {
  const suite = browserSuite();

  inBothJavaScriptModes(suite, (journey, mode) => {
    it('merges from the review, choosing the case that continues, and lands on one company', () =>
      journey.run(`company-merge-${mode}`, async (page) => {
        const tag = randomBytes(3).toString('hex');
        const officer = await createUser(suite.api, 'officer');
        const first = await buildSmeCase(suite.api, {
          answers: { company: { legalName: `Saltmarsh Pottery ${tag} Ltd`, region: 'south-west' } },
        });
        const second = await buildSmeCase(suite.api, {
          answers: { company: { legalName: `Saltmarsh Potteries ${tag} Ltd`, region: 'south-west' } },
        });

        await signInThroughPage(page, suite.api.url, officer.user.email, officer.password);
        await navigation(page, () =>
          page.locator('.govuk-service-navigation a[href="/enrolment-review"]').click(),
        );
        const merge = page.getByRole('button', {
          name: text('en', 'enrolment.review.mergeLabel')
            .replace('{{from}}', `Saltmarsh Potteries ${tag} Ltd`)
            .replace('{{into}}', `Saltmarsh Pottery ${tag} Ltd`),
        });
        await navigation(page, () => merge.click());
        expect(pathOf(page)).toMatch(/^\/enrolment-review\/flags\/[0-9a-f-]{36}\/merge$/);
        expect(await heading(page)).toBe(text('en', 'enrolment.review.mergePage.title'));
        await checkPage(page, { name: 'merge companies' });

        // Skipping the choice is an error round-trip.
        await submit(page, text('en', 'enrolment.review.mergePage.submit'));
        expect(await errorSummary(page)).toEqual([
          text('en', 'enrolment.review.mergePage.errors.continuingCaseId.required'),
        ]);
        await checkPage(page, { name: 'merge companies', errors: true });

        // The newer record's case continues; the survivor's own closes as a duplicate.
        await page.locator(`input[name="continuingCaseId"][value="${second.caseId}"]`).check();
        await submit(page, text('en', 'enrolment.review.mergePage.submit'));
        expect(pathOf(page)).toBe('/enrolment-review?done=merged');
        await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
          text('en', 'enrolment.review.done.merged'),
        );

        // One company: its page lists both cases and both SMEs.
        await navigation(page, () => page.locator('.govuk-service-navigation a[href="/companies"]').click());
        await page.locator('#q').fill(`Saltmarsh Pottery ${tag}`);
        await submit(page, text('en', 'companies.search.submit'));
        await checkPage(page, { name: 'company search' });
        // The merged record is no longer found; the survivor is.
        await expect(
          page.locator(`#company-results a[href="/companies/${second.companyId}"]`).count(),
        ).resolves.toBe(0);
        await navigation(page, () =>
          page.locator(`#company-results a[href="/companies/${first.companyId}"]`).click(),
        );
        expect(pathOf(page)).toBe(`/companies/${first.companyId}`);
        const cases = page.locator('#company-cases tbody tr');
        await expect(cases.count()).resolves.toBe(2);
        await expect(page.locator('#company-cases').textContent()).resolves.toContain(
          text('en', 'advisers.statuses.closed'),
        );
        const contacts = (await page.locator('#company-contacts').textContent()) ?? '';
        expect(contacts).toContain(first.sme.user.email);
        expect(contacts).toContain(second.sme.user.email);
        await expect(page.locator('#company-activity').textContent()).resolves.toContain(
          text('en', 'companies.activity.record.company.merged'),
        );
        await checkPage(page, { name: 'company' });
      }));
  });
});
