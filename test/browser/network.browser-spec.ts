import { IntroductionLinks, IntroductionRatings, IntroductionsService } from '@app/network';
import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { buildAdviser, buildCase, buildExpert, buildIntroduction, buildUser } from '../factories';
import {
  errorSummary,
  followErrorLink,
  heading,
  navigation,
  signInThroughPage,
  submit,
} from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, journeyPerTest } from './support/suite';

/**
 * The network in a real browser with JavaScript off: an officer's experts directory, an adviser asking for
 * an introduction from the case's experts page (error round-trip first), and an expert accepting by the
 * emailed link in German without signing in, and the company rating the introduction weeks later by its own
 * emailed link, in Spanish. Every page state passes checkPage.
 */
describe('network pages in a real browser, JavaScript off', () => {
  const suite = browserSuite({ timeout: 120_000 });
  const journey = journeyPerTest(suite, { javaScript: false });

  it('an officer browses the experts directory and the add form shows its errors', () =>
    journey.run('network-directory', async (page) => {
      const officer = await buildUser(suite.api, 'officer');
      await buildExpert(suite.api, officer.user, { name: 'Directory Expert' });
      await signInThroughPage(page, suite.api.url, officer.user.email, officer.password);
      await page.goto(`${suite.api.url}/experts`);
      expect(await heading(page)).toBe(text('en', 'network.experts.title'));
      await checkPage(page, { name: 'experts' });
      await page.goto(`${suite.api.url}/experts/new`);
      await checkPage(page, { name: 'add an expert' });
      await submit(page, text('en', 'network.expert.save'));
      expect(await errorSummary(page)).toContain(text('en', 'network.errors.name.minLength'));
      await checkPage(page, { name: 'add an expert', errors: true });
      await followErrorLink(page, 'name');
    }));

  it('an adviser asks an expert for an introduction from the case page', () =>
    journey.run('network-request', async (page) => {
      const officer = await buildUser(suite.api, 'officer');
      const adviser = await buildAdviser(suite.api);
      const { caseId } = await buildCase(suite.api, { adviserId: adviser.user.id, targetMarkets: ['DE'] });
      await buildExpert(suite.api, officer.user, { name: 'Browser Expert', markets: ['DE'] });
      await signInThroughPage(page, suite.api.url, adviser.user.email, adviser.password);
      await page.goto(`${suite.api.url}/cases/${caseId}`);
      await navigation(page, () =>
        page.getByRole('link', { name: text('en', 'advisers.case.experts'), exact: true }).click(),
      );
      expect(await heading(page)).toBe(text('en', 'network.caseExperts.title'));
      await checkPage(page, { name: 'case experts' });

      await submit(page, text('en', 'network.caseExperts.askButton'));
      expect(await errorSummary(page)).toEqual([
        text('en', 'network.errors.expertId.isUuid'),
        text('en', 'network.errors.purpose.minLength'),
      ]);
      await checkPage(page, { name: 'case experts', errors: true });
      await followErrorLink(page, 'purpose');

      await page.getByLabel('Browser Expert').check();
      await page.fill('#purpose', 'Finding a distributor in Germany');
      await submit(page, text('en', 'network.caseExperts.askButton'));
      await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
        text('en', 'network.notices.requested'),
      );
      await expect(page.locator('#introductions').textContent()).resolves.toContain('Finding a distributor');
      await checkPage(page, { name: 'case experts' });
    }));

  it('an expert accepts by the emailed link, in German, without signing in', () =>
    journey.run('network-respond', async (page) => {
      const officer = await buildUser(suite.api, 'officer');
      const adviser = await buildAdviser(suite.api);
      const { caseId } = await buildCase(suite.api, { adviserId: adviser.user.id });
      const expertId = await buildExpert(suite.api, officer.user, {
        name: 'Jonas Becker',
        languages: ['de'],
      });
      const id = await buildIntroduction(
        suite.api,
        adviser.user,
        caseId,
        expertId,
        'Vertrieb in Deutschland',
      );
      const [row] = (await suite.api.dataSource.query(`SELECT expires_at FROM introductions WHERE id = $1`, [
        id,
      ])) as { expires_at: Date }[];
      const link = suite.api.app.get(IntroductionLinks).url(id, row.expires_at, 'de', 'accept');
      const path = new URL(link).pathname;

      // Opened without a preselected answer: sending it shows the German error summary.
      await page.goto(`${suite.api.url}${path}?lang=de`);
      expect(await heading(page)).toContain(text('de', 'network.respond.title').split('{{')[0].trim());
      await checkPage(page, { name: 'introduction request', lang: 'de' });
      await submit(page, text('de', 'network.respond.send'));
      expect(await errorSummary(page)).toEqual([text('de', 'network.errors.decision.isIn')]);
      await checkPage(page, { name: 'introduction request', lang: 'de', errors: true });
      await followErrorLink(page, 'decision');

      await page.check('input[name="decision"][value="accept"]');
      await submit(page, text('de', 'network.respond.send'));
      await expect(page.locator('main').textContent()).resolves.toContain(
        text('de', 'network.respond.accepted'),
      );
      await checkPage(page, { name: 'introduction accepted', lang: 'de' });
      const [after] = await suite.api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [
        id,
      ]);
      expect(after.status).toBe('accepted');
    }));

  it('the company rates an accepted introduction by its emailed link, in Spanish, without signing in', () =>
    journey.run('network-rate', async (page) => {
      const officer = await buildUser(suite.api, 'officer');
      const adviser = await buildAdviser(suite.api);
      const { caseId } = await buildCase(suite.api, { adviserId: adviser.user.id, lang: 'es' });
      const expertId = await buildExpert(suite.api, officer.user, { name: 'Lucía Mentora' });
      const id = await buildIntroduction(
        suite.api,
        adviser.user,
        caseId,
        expertId,
        'Distribuidores en Francia',
      );
      await suite.api.app.get(IntroductionsService).respond(id, 'accept', SYSTEM_AUDIT_CONTEXT);
      // Weeks later the sweep asks both sides; the company's email holds its link.
      await suite.api.app.get(IntroductionRatings).askDue(new Date(Date.now() + 60 * 86_400_000));
      const [email] = (await suite.api.dataSource.query(
        `SELECT body_text FROM notification WHERE case_id = $1 AND kind = 'introduction-rating.sme'`,
        [caseId],
      )) as { body_text: string }[];
      const link = /https?:\/\/\S*\/introductions\/rate\/\S+/.exec(email.body_text)?.[0];
      expect(link).toBeDefined();

      await page.goto(`${suite.api.url}${new URL(link!).pathname}${new URL(link!).search}`);
      expect(await heading(page)).toBe(text('es', 'network.rate.titles.open'));
      await checkPage(page, { name: 'rate an introduction', lang: 'es' });
      await submit(page, text('es', 'network.rate.send'));
      expect(await errorSummary(page)).toEqual([text('es', 'network.errors.rating.isInt')]);
      await checkPage(page, { name: 'rate an introduction', lang: 'es', errors: true });
      await followErrorLink(page, 'rating');

      await page.check('input[name="rating"][value="4"]');
      await page.fill('textarea[name="comment"]', 'Nos dio dos contactos útiles');
      await submit(page, text('es', 'network.rate.send'));
      expect(await heading(page)).toBe(text('es', 'network.rate.titles.answered'));
      await checkPage(page, { name: 'introduction rated', lang: 'es' });
      const [rating] = (await suite.api.dataSource.query(
        `SELECT rating, comment FROM introduction_ratings WHERE introduction_id = $1 AND side = 'sme'`,
        [id],
      )) as { rating: number; comment: string }[];
      expect(rating).toEqual({ rating: 4, comment: 'Nos dio dos contactos útiles' });
    }));
});
