import type { Role } from '@app/identity';
import { createUser } from '../support/auth';
import { navigation, signInThroughPage } from './support/journey';
import type { Language } from './support/locales';
import { checkPage } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

/**
 * Pages that exist for each role without records of their own yet: each is reached after signing in
 * and passes checkPage, with JavaScript on and off, in English and then, after the person chooses it
 * with the language switcher, in Spanish or German. Journeys through these features come with them.
 */
const PAGES: { role: Role; path: string; name: string }[] = [
  { role: 'sme', path: '/home', name: 'home' },
  { role: 'adviser', path: '/home', name: 'home' },
  { role: 'officer', path: '/home', name: 'home' },
  { role: 'admin', path: '/home', name: 'home' },
  { role: 'sme', path: '/training', name: 'my training' },
  { role: 'sme', path: '/training/modules', name: 'training modules' },
  { role: 'sme', path: '/training/modules/social-media-foundations', name: 'training module' },
  { role: 'adviser', path: '/caseload', name: 'caseload' },
  { role: 'officer', path: '/caseload', name: 'caseload' },
  { role: 'officer', path: '/officer/advisers', name: 'advisers' },
  { role: 'sme', path: '/inbox', name: 'messages' },
  { role: 'adviser', path: '/tasks', name: 'your tasks' },
  { role: 'officer', path: '/tasks', name: 'your tasks' },
  { role: 'admin', path: '/admin/mail', name: 'local mail' },
  { role: 'admin', path: '/admin/undelivered', name: 'undelivered emails' },
  { role: 'officer', path: '/reports/exports', name: 'case record exports' },
  { role: 'officer', path: '/training/admin', name: 'training admin' },
  { role: 'officer', path: '/admin/audit', name: 'audit trail' },
  { role: 'admin', path: '/admin/users', name: 'accounts' },
  { role: 'admin', path: '/admin/data-protection', name: 'data protection requests' },
];

/** Each role's journey in another language: Spanish or German, chosen with the language switcher. */
const LANGUAGE_OF: Record<Role, Language> = {
  sme: 'es',
  adviser: 'de',
  officer: 'es',
  admin: 'de',
  expert: 'es',
};

describe('staff and training pages in a real browser', () => {
  // The local-mail page names its folder: a long path (a clone deep in a CI machine's temporary folder) must
  // wrap at 320 px, not widen the page.
  const suite = browserSuite({
    env: { MAIL_DIR: '.data/tmp.0ZFef4H0j4/mailofacloneunderalongtemporaryfolder' },
  });

  inBothJavaScriptModes(suite, (journey, mode) => {
    it.each(['sme', 'adviser', 'officer', 'admin'] as Role[])(
      '%s pages pass every page check, in English and in Spanish or German',
      (role) =>
        journey.run(`pages-${role}-${mode}`, async (page) => {
          const { user, password } = await createUser(suite.api, role);
          await signInThroughPage(page, suite.api.url, user.email, password);
          const problems: string[] = [];
          for (const { path, name } of PAGES.filter((p) => p.role === role)) {
            const response = await page.goto(`${suite.api.url}${path}`);
            if (response?.status() !== 200) {
              problems.push(`${path}: HTTP ${response?.status()}`);
              continue;
            }
            await checkPage(page, { name }).catch((error: Error) => problems.push(error.message));
          }
          // The person switches language like an SME does; the account keeps it, so every page after
          // is in that language without asking again.
          const lang = LANGUAGE_OF[role];
          await page.goto(`${suite.api.url}/home`);
          await navigation(page, () =>
            page.locator(`.govuk-language-navigation a[hreflang="${lang}"]`).click(),
          );
          for (const { path, name } of PAGES.filter((p) => p.role === role)) {
            const response = await page.goto(`${suite.api.url}${path}`);
            if (response?.status() !== 200) {
              problems.push(`${path} (${lang}): HTTP ${response?.status()}`);
              continue;
            }
            await checkPage(page, { name, lang }).catch((error: Error) => problems.push(error.message));
          }
          expect(problems).toEqual([]);
        }),
      180_000,
    );
  });
});
