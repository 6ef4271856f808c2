import { UnitOfWork } from '@app/database';
import { CaseClosureService } from '@app/cases';
import { SurveyLinks } from '@app/satisfaction';
import { buildAdviser, buildSmeCase } from '../factories';
import { errorSummary, followErrorLink, heading, navigation, pathOf } from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, journeyPerTest } from './support/suite';

const es = (key: string): string => text('es', key);

/**
 * The SME answers its satisfaction survey in a real browser with JavaScript off, in Spanish, from the
 * emailed link (no sign-in): an error round-trip, the answers, the thank-you page; the same link later
 * says it has been answered. Every page state passes checkPage.
 */
describe('satisfaction survey in a real browser, JavaScript off', () => {
  const suite = browserSuite({ timeout: 120_000 });
  const journey = journeyPerTest(suite, { javaScript: false });

  it('opens from the link, shows errors, takes the answers once', () =>
    journey.run('satisfaction-survey', async (page) => {
      const adviser = await buildAdviser(suite.api);
      const { caseId } = await buildSmeCase(suite.api, { adviserId: adviser.user.id, lang: 'es' });
      await suite.api.app
        .get(UnitOfWork)
        .run((m) =>
          suite.api.app
            .get(CaseClosureService)
            .close(
              m,
              caseId,
              { reason: 'support-completed', summary: 'Done' },
              { context: { actorId: adviser.user.id } },
            ),
        );
      const [survey] = (await suite.api.dataSource.query(
        `SELECT id, expires_at FROM satisfaction_surveys WHERE case_id = $1`,
        [caseId],
      )) as { id: string; expires_at: Date }[];
      const link = suite.api.app.get(SurveyLinks).url(survey.id, survey.expires_at, 'es');
      const path = new URL(link).pathname;

      await page.goto(`${suite.api.url}${path}?lang=es`);
      expect(await heading(page)).toBe(es('satisfaction.titles.open'));
      await checkPage(page, { name: 'survey', lang: 'es' });

      // Sent with only the overall rating: the error summary names the other questions.
      await page.check('input[name="overall"][value="4"]');
      await navigation(page, () =>
        page.getByRole('button', { name: es('satisfaction.send'), exact: true }).click(),
      );
      expect(await errorSummary(page)).toEqual([
        es('satisfaction.errors.adviser.isInt'),
        es('satisfaction.errors.helpedExport.isIn'),
        es('satisfaction.errors.recommend.isIn'),
      ]);
      await expect(page.locator('input[name="overall"][value="4"]').isChecked()).resolves.toBe(true);
      await checkPage(page, { name: 'survey – errors', lang: 'es', errors: true });
      await followErrorLink(page, 'adviser');

      await page.check('input[name="adviser"][value="5"]');
      await page.check('input[name="helpedExport"][value="yes"]');
      await page.check('input[name="recommend"][value="yes"]');
      await page.fill('#comments', 'Nos ayudó a vender en Francia');
      await navigation(page, () =>
        page.getByRole('button', { name: es('satisfaction.send'), exact: true }).click(),
      );
      expect(pathOf(page)).toBe(path);
      await expect(page.locator('main').textContent()).resolves.toContain(es('satisfaction.thanks'));
      await checkPage(page, { name: 'survey – answered', lang: 'es' });
      const [answered] = await suite.api.dataSource.query(
        `SELECT answers, satisfied FROM satisfaction_surveys WHERE id = $1`,
        [survey.id],
      );
      expect(answered).toMatchObject({
        satisfied: true,
        answers: {
          overall: 4,
          adviser: 5,
          helpedExport: 'yes',
          recommend: 'yes',
          comments: 'Nos ayudó a vender en Francia',
        },
      });
    }));
});
