import { buildCase } from '../factories';
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
 * An exporting SME offers help to other companies in a real browser with JavaScript off: from its home
 * page to the peer page, an error round-trip, the offer saved, then withdrawn. Every state passes checkPage.
 */
describe('peer page in a real browser, JavaScript off', () => {
  const suite = browserSuite({ timeout: 120_000 });
  const journey = journeyPerTest(suite, { javaScript: false });

  it('an exporting SME opts in to help others, then withdraws', () =>
    journey.run('peer-opt-in', async (page) => {
      const { sme } = await buildCase(suite.api, { company: { legalName: 'Browser Exporta SL' } });
      await signInThroughPage(page, suite.api.url, sme.user.email, sme.password);
      await page.goto(`${suite.api.url}/home`);
      await navigation(page, () =>
        page.getByRole('link', { name: text('en', 'peers.homeLink'), exact: true }).click(),
      );
      expect(await heading(page)).toBe(text('en', 'peers.title'));
      await checkPage(page, { name: 'peer offer' });

      await submit(page, text('en', 'peers.save'));
      expect(await errorSummary(page)).toEqual([
        text('en', 'peers.errors.markets.arrayMinSize'),
        text('en', 'peers.errors.topics.arrayMinSize'),
        text('en', 'peers.errors.languages.arrayMinSize'),
        text('en', 'peers.errors.capacityPerMonth.isInt'),
        text('en', 'peers.errors.consent.isIn'),
      ]);
      await checkPage(page, { name: 'peer offer', errors: true });
      await followErrorLink(page, 'markets');

      await page.fill('#markets', 'DE, FR');
      await page.getByLabel(text('en', 'network.headings.product_market'), { exact: true }).check();
      await page.getByLabel(text('en', 'network.languages.en'), { exact: true }).check();
      await page.fill('#capacityPerMonth', '2');
      await page.getByLabel(text('en', 'peers.fields.consent'), { exact: true }).check();
      await submit(page, text('en', 'peers.save'));
      expect(await page.textContent('.govuk-notification-banner')).toContain(
        text('en', 'peers.notices.saved'),
      );
      await checkPage(page, { name: 'peer offer' });

      await submit(page, text('en', 'peers.withdraw'));
      expect(await page.textContent('.govuk-notification-banner')).toContain(
        text('en', 'peers.notices.withdrawn'),
      );
      const [row] = await suite.api.dataSource.query(
        `SELECT p.status FROM peers p JOIN companies c ON c.id = p.company_id WHERE c.legal_name = 'Browser Exporta SL'`,
      );
      expect(row.status).toBe('withdrawn');
    }));
});
