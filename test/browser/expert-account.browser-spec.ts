import { ExpertInvitationsService } from '@app/network';
import { buildExpert, buildUser } from '../factories';
import { errorSummary, followErrorLink, heading, signInThroughPage, submit } from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, journeyPerTest } from './support/suite';

/**
 * The expert's own side in a real browser with JavaScript off: the emailed invitation opened in Spanish,
 * the terms accepted after the error summary's round trip, then signing in to complete the profile (again
 * through its error summary). Every page state passes checkPage.
 */
describe('the expert invited, in a real browser, JavaScript off', () => {
  const suite = browserSuite({ timeout: 120_000 });
  const journey = journeyPerTest(suite, { javaScript: false });

  it('an expert accepts the invitation in Spanish and completes their profile', () =>
    journey.run('expert-invitation', async (page) => {
      const officer = await buildUser(suite.api, 'officer');
      const email = `ana.${Date.now()}@mentores.example`;
      const password = 'Tres-palabras-sueltas-2026';
      const expertId = await buildExpert(suite.api, officer.user, {
        name: 'Ana Ruiz',
        email,
        languages: ['es'],
        consentToContact: false,
      });
      const invitation = await suite.api.app
        .get(ExpertInvitationsService)
        .invite(officer.user, expertId, { actorId: officer.user.id, requestId: 'browser-test' });
      const [sent] = (await suite.api.dataSource.query(
        `SELECT body_text FROM notification WHERE idempotency_key = $1`,
        [`expert-invitation:${invitation.id}`],
      )) as { body_text: string }[];
      const path = /https?:\/\/[^\s/]+(\/expert-invitation\/[^\s]+)/.exec(sent.body_text)![1];

      await page.goto(`${suite.api.url}${path}`);
      expect(await heading(page)).toBe(text('es', 'expertAccount.invitation.titles.open'));
      await checkPage(page, { name: 'expert invitation', lang: 'es' });
      await submit(page, text('es', 'expertAccount.invitation.submit'));
      expect(await errorSummary(page)).toEqual([text('es', 'expertAccount.errors.acceptTerms.isIn')]);
      await checkPage(page, { name: 'expert invitation', lang: 'es', errors: true });
      await followErrorLink(page, 'acceptTerms');

      await page.check('input[name="acceptTerms"]');
      await page.fill('#password', password);
      await submit(page, text('es', 'expertAccount.invitation.submit'));
      expect(await heading(page)).toBe(text('es', 'expertAccount.invitation.titles.accepted'));
      await checkPage(page, { name: 'expert invitation accepted', lang: 'es' });

      await signInThroughPage(page, suite.api.url, email, password, 'es');
      expect(await heading(page)).toBe(text('es', 'expertAccount.home.title'));
      await checkPage(page, { name: 'expert home', lang: 'es' });
      await page.getByRole('link', { name: text('es', 'expertAccount.nav.profile'), exact: true }).click();
      expect(await heading(page)).toBe(text('es', 'expertAccount.profile.title'));
      await checkPage(page, { name: 'expert profile', lang: 'es' });

      await page.fill('#capacityPerMonth', 'muchas');
      await submit(page, text('es', 'expertAccount.profile.save'));
      expect(await errorSummary(page)).toHaveLength(1);
      await checkPage(page, { name: 'expert profile', lang: 'es', errors: true });
      await followErrorLink(page, 'capacityPerMonth');

      await page.fill('#capacityPerMonth', '2');
      await page.fill('#markets', 'DE, FR');
      await page.check('input[name="expertise"][value="social_media"]');
      await page.check('input[name="consentToContact"][value="true"]');
      await submit(page, text('es', 'expertAccount.profile.save'));
      await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
        text('es', 'expertAccount.notices.saved'),
      );
      await checkPage(page, { name: 'expert profile', lang: 'es' });
      const [row] = (await suite.api.dataSource.query(
        `SELECT capacity_per_month, markets, expertise, consent_to_contact, terms_version FROM experts
          WHERE id = $1`,
        [expertId],
      )) as Record<string, unknown>[];
      expect(row).toMatchObject({
        capacity_per_month: 2,
        markets: ['DE', 'FR'],
        expertise: ['product_market', 'social_media'],
        consent_to_contact: true,
        terms_version: '2026-12',
      });
    }));
});
