import { randomBytes } from 'node:crypto';
import { formatDate } from '@app/time';
import type { Page } from 'playwright-core';
import { createUser } from '../support/auth';
import { insertCase } from '../e2e/advisers/support/case.factory';
import { buildAdviserProfile } from '../factories';
import {
  errorSummary,
  followErrorLink,
  heading,
  navigation,
  pathOf,
  signInThroughPage,
} from './support/journey';
import { text } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

const t = (key: string): string => text('en', key);

/** A date some days back, YYYY-MM-DD: safely in the past in any programme time zone. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const trimmed = (texts: string[]): string[] => texts.map((s) => s.replace(/\s+/g, ' ').trim());

/** Clicks the button with exactly this (translated) text and waits for the page it leads to. */
const press = (page: Page, name: string): Promise<void> =>
  navigation(page, () => page.getByRole('button', { name, exact: true }).click());

/** Follows the link with exactly this (translated) text and waits for the page it leads to. */
const follow = (page: Page, name: string): Promise<void> =>
  navigation(page, () => page.getByRole('link', { name, exact: true }).first().click());

/**
 * An adviser's working day in a real browser, with JavaScript on and off: sign in, narrow the caseload with
 * a filter and a sort, open a case, log an interaction (one validation round-trip), run the adviser's
 * readiness audit to submission, record an export outcome and see all three on the case timeline.
 * Every page state passes checkPage; each step is also checked in the database.
 */
describe('adviser journey in a real browser', () => {
  const suite = browserSuite({ timeout: 180_000 });

  inBothJavaScriptModes(suite, (journey, mode) => {
    it(
      'caseload → case → interaction → readiness audit → export outcome → timeline',
      () =>
        journey.run(`adviser-journey-${mode}`, async (page) => {
          const { user: adviser, password } = await createUser(suite.api, 'adviser');
          // A profile with room, so that reopening gives the case back to this adviser.
          await buildAdviserProfile(suite.api, adviser);
          const tag = randomBytes(3).toString('hex');
          // Computed once, so a run across midnight compares like with like.
          const interactionDate = daysAgo(2);
          const outcomeDate = daysAgo(1);
          const names = {
            alpha: `Alpha Tools ${tag}`,
            bravo: `Bravo Exports ${tag}`,
            charlie: `Charlie Foods ${tag}`,
          };
          const mine = { assignedAdviserId: adviser.id, status: 'active' as const };
          const kase = await insertCase(suite.api.dataSource, {
            ...mine,
            legalName: names.bravo,
            stage: 'non_exporter',
            // Opened before the interaction dated below (an interaction cannot predate its case).
            openedAt: new Date(Date.now() - 30 * 86_400_000),
          });
          await insertCase(suite.api.dataSource, {
            ...mine,
            legalName: names.charlie,
            stage: 'non_exporter',
          });
          await insertCase(suite.api.dataSource, {
            ...mine,
            legalName: names.alpha,
            stage: 'passive_exporter',
          });
          const companies = page.locator('table.govuk-table tbody a.govuk-link');
          const timeline = page.locator('ol.govuk-list[reversed]');

          // Caseload: all three of the adviser's cases, then stage "non-exporter" sorted by name.
          await signInThroughPage(page, suite.api.url, adviser.email, password);
          await page.goto(`${suite.api.url}/caseload`);
          expect(await heading(page)).toBe(t('advisers.caseload.title'));
          expect(trimmed(await companies.allTextContents()).sort()).toEqual([
            names.alpha,
            names.bravo,
            names.charlie,
          ]);
          await checkPage(page, { name: 'caseload' });

          await page.selectOption('#stage', 'non_exporter');
          await page.selectOption('#sort', 'name');
          await press(page, t('advisers.caseload.apply'));
          const query = new URL(page.url()).searchParams;
          expect(query.get('stage')).toBe('non_exporter');
          expect(query.get('sort')).toBe('name');
          expect(trimmed(await companies.allTextContents())).toEqual([names.bravo, names.charlie]);
          await expect(page.locator('#sort').inputValue()).resolves.toBe('name');
          await checkPage(page, { name: 'caseload' });

          // The case page.
          await navigation(page, () => companies.filter({ hasText: names.bravo }).click());
          expect(pathOf(page)).toBe(`/cases/${kase.id}`);
          expect(await heading(page)).toBe(names.bravo);
          await expect(timeline.textContent()).resolves.not.toContain(t('timeline.interaction.logged'));
          await checkPage(page, { name: 'case' });

          // Log an interaction: forgetting its kind re-shows the form with an error, keeping the answers.
          const notes = `Walked the factory floor with the owner ${tag}`;
          await page.fill('#occurredOn', interactionDate);
          await page.fill('#notes', notes);
          await page.check('input[name="barriers"][value="operational"]');
          await page.fill('#nextStep', 'Send the export plan template');
          await press(page, t('advisers.case.saveInteraction'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/interactions`);
          expect(await errorSummary(page)).toEqual(['Choose what kind of interaction it was']);
          await expect(page.locator('#occurredOn').inputValue()).resolves.toBe(interactionDate);
          await expect(page.locator('#notes').inputValue()).resolves.toBe(notes);
          await expect(page.locator('input[name="barriers"][value="operational"]').isChecked()).resolves.toBe(
            true,
          );
          await checkPage(page, { name: 'case – form error', errors: true });
          await followErrorLink(page, 'kind');
          await page.selectOption('#kind', 'meeting');
          await press(page, t('advisers.case.saveInteraction'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}?notice=logged`);
          await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
            t('advisers.notices.logged'),
          );
          await expect(page.locator('main').textContent()).resolves.toContain(notes);
          await expect(timeline.textContent()).resolves.toContain(t('timeline.interaction.logged'));
          await checkPage(page, { name: 'case' });
          const interactions = await suite.api.dataSource.query(
            `SELECT kind, occurred_on::text AS occurred_on, notes, barriers, logged_by_id
               FROM interactions WHERE case_id = $1`,
            [kase.id],
          );
          expect(interactions).toEqual([
            {
              kind: 'meeting',
              occurred_on: interactionDate,
              notes,
              barriers: ['operational'],
              logged_by_id: adviser.id,
            },
          ]);

          // The adviser's readiness audit: every heading answered 3, evidence noted on the first question.
          await follow(page, t('advisers.case.audits'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/audits`);
          await expect(page.locator('main').textContent()).resolves.toContain(t('readiness.noAudits'));
          await checkPage(page, { name: 'readiness audits' });
          await press(page, t('readiness.startAdviser'));
          const auditPath = new RegExp(`^/cases/${kase.id}/audits/([0-9a-f-]{36})/section/[a-z_]+$`);
          const auditId = auditPath.exec(pathOf(page))?.[1];
          expect(auditId).toBeDefined();
          const evidence = `Written export plan seen ${tag}`;
          const sections: string[] = [];
          while (auditPath.test(pathOf(page))) {
            if (sections.length > 10) throw new Error('the audit never reached its check page');
            const title = await heading(page);
            sections.push(title);
            await checkPage(page, { name: `audit – ${title}` });
            const threes = page.locator('input[type="radio"][value="3"]');
            const count = await threes.count();
            expect(count).toBeGreaterThan(0);
            for (let i = 0; i < count; i++) await threes.nth(i).check();
            if (sections.length === 1)
              await page.locator('textarea[name^="evidence-"]').first().fill(evidence);
            await press(page, t('readiness.saveContinue'));
          }
          expect(sections).toHaveLength(5);
          expect(pathOf(page)).toBe(`/cases/${kase.id}/audits/${auditId}/check`);
          expect(await heading(page)).toBe(t('readiness.checkTitle'));
          await expect(page.locator('main').textContent()).resolves.not.toContain(t('readiness.notAnswered'));
          await checkPage(page, { name: 'audit check answers' });
          await press(page, t('readiness.submit'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/audits/${auditId}`);
          expect(await heading(page)).toBe(t('readiness.resultsTitle'));
          await expect(page.locator('#scores').textContent()).resolves.toContain('75');
          await expect(page.locator('main').textContent()).resolves.toContain(evidence);
          await checkPage(page, { name: 'audit results' });
          await follow(page, t('readiness.allAudits'));
          const auditRow = trimmed(await page.locator('#audits tbody tr').allTextContents());
          expect(auditRow).toHaveLength(1);
          expect(auditRow[0]).toContain(t('readiness.kinds.adviser'));
          expect(auditRow[0]).toContain(t('readiness.statuses.submitted'));
          await checkPage(page, { name: 'readiness audits' });
          const [audit] = await suite.api.dataSource.query(
            `SELECT kind, status, overall_score::float AS overall, submitted_by_id, evidence
               FROM readiness_audits WHERE id = $1 AND case_id = $2`,
            [auditId, kase.id],
          );
          expect(audit).toMatchObject({
            kind: 'adviser',
            status: 'submitted',
            overall: 75,
            submitted_by_id: adviser.id,
          });
          expect(Object.values(audit.evidence as Record<string, string>)).toEqual([evidence]);

          // Record an export outcome on the progress page.
          await follow(page, t('progress.backToCase'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}`);
          await follow(page, t('advisers.case.progress'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/progress`);
          await expect(page.locator('main').textContent()).resolves.toContain(t('progress.noOutcomes'));
          await checkPage(page, { name: 'export progress' });
          await page.selectOption('#kind', 'first_export_order');
          await page.fill('#country', 'DE');
          await page.fill('#valueMinor', '12500');
          await page.fill('#currency', 'EUR');
          await page.fill('#occurredOn', outcomeDate);
          await page.fill('#note', `First order from Hamburg ${tag}`);
          await press(page, t('progress.recordOutcome'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/progress?recorded=1`);
          await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
            t('progress.outcomeRecorded'),
          );
          const outcomeRows = trimmed(await page.locator('#outcomes tbody tr').allTextContents());
          expect(outcomeRows).toHaveLength(1);
          expect(outcomeRows[0]).toContain(t('progress.outcomeKinds.first_export_order'));
          expect(outcomeRows[0]).toContain('DE');
          // A calendar date is shown as it is, in the page's words ("5 December 2026").
          expect(outcomeRows[0]).toContain(formatDate(outcomeDate, 'UTC', 'en'));
          await checkPage(page, { name: 'export progress' });
          const outcomes = await suite.api.dataSource.query(
            `SELECT kind, country, value_minor::text AS value_minor, currency, occurred_on::text AS occurred_on,
                    recorded_by_id
               FROM export_outcomes WHERE case_id = $1`,
            [kase.id],
          );
          expect(outcomes).toEqual([
            {
              kind: 'first_export_order',
              country: 'DE',
              value_minor: '1250000',
              currency: 'EUR',
              occurred_on: outcomeDate,
              recorded_by_id: adviser.id,
            },
          ]);

          // Back on the case: the timeline shows the interaction, the audit and the outcome.
          await follow(page, t('progress.backToCase'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}`);
          const events = trimmed(await timeline.locator('li').allTextContents()).join('\n');
          expect(events).toContain(t('timeline.interaction.logged'));
          expect(events).toMatch(/Readiness audit completed \(overall 75(\.0)?\)/);
          expect(events).toContain(t('timeline.outcome.recorded'));
          await checkPage(page, { name: 'case' });
          const kinds = (
            (await suite.api.dataSource.query(`SELECT kind FROM case_timeline_events WHERE case_id = $1`, [
              kase.id,
            ])) as { kind: string }[]
          ).map((row) => row.kind);
          expect(kinds).toEqual(
            expect.arrayContaining(['interaction.logged', 'audit.completed', 'outcome.recorded']),
          );

          // Close the case: without a reason the form comes back with the error summary; then closed.
          await page.fill('#close-summary', `Exporting to Germany ${tag}`);
          await press(page, t('advisers.case.closeButton'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/close`);
          expect(await errorSummary(page)).toEqual([t('advisers.closure.errors.reason.isNotEmpty')]);
          await expect(page.locator('#close-summary').inputValue()).resolves.toBe(
            `Exporting to Germany ${tag}`,
          );
          await checkPage(page, { name: 'case – form error', errors: true });
          await followErrorLink(page, 'close-reason');
          await page.check('input[name="reason"][value="exporting-proactively"]');
          await press(page, t('advisers.case.closeButton'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}?notice=closed`);
          await expect(page.locator('#closure').isVisible()).resolves.toBe(true);
          await expect(page.locator('main').textContent()).resolves.toContain('Exporting proactively');
          await expect(page.locator('#log-interaction').count()).resolves.toBe(0);
          await checkPage(page, { name: 'case' });
          const [closedRow] = await suite.api.dataSource.query(
            `SELECT status, closure_reason, stage FROM cases WHERE id = $1`,
            [kase.id],
          );
          expect(closedRow).toMatchObject({ status: 'closed', closure_reason: 'exporting-proactively' });

          // Reopen it: a reason is needed; then it is back on the adviser's caseload.
          await press(page, t('advisers.case.reopenButton'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}/reopen`);
          expect(await errorSummary(page)).toEqual([t('advisers.reopening.errors.reason.isNotEmpty')]);
          await checkPage(page, { name: 'case – form error', errors: true });
          await followErrorLink(page, 'reopen-reason');
          await page.fill('#reopen-reason', 'New market: Austria');
          await press(page, t('advisers.case.reopenButton'));
          expect(pathOf(page)).toBe(`/cases/${kase.id}?notice=reopened`);
          await expect(timeline.textContent()).resolves.toContain('Case reopened: New market: Austria');
          await checkPage(page, { name: 'case' });
          const [reopenedRow] = await suite.api.dataSource.query(
            `SELECT status, assigned_adviser_id FROM cases WHERE id = $1`,
            [kase.id],
          );
          expect(reopenedRow).toEqual({ status: 'active', assigned_adviser_id: adviser.id });
        }),
      300_000,
    );
  });
});
