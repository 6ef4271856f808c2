import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '@app/identity';
import { createUser } from '../support/auth';
import { startTestApi, TestApi } from '../support/test-api';
import { launchBrowser, newJourney, withScreenshots } from './support/browser';
import { signInThroughPage } from './support/journey';
import { checkPage } from './support/page-check';

/**
 * Pages that exist for each role without records of their own yet: each is reached after signing in
 * and passes checkPage, with JavaScript on and off. Journeys through these features come with them.
 */
const PAGES: { role: Role; path: string; name: string }[] = [
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
];

describe('staff and training pages in a real browser', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  describe.each([
    ['JavaScript on', true],
    ['JavaScript off', false],
  ])('%s', (mode, javaScript) => {
    let context: BrowserContext;
    let page: Page;
    beforeEach(async () => {
      context = await newJourney(browser, { javaScript });
      page = await context.newPage();
    });
    afterEach(() => context.close());

    it.each(['sme', 'adviser', 'officer', 'admin'] as Role[])(
      '%s pages pass every page check',
      (role) =>
        withScreenshots(context, `pages-${role}-${mode}`, async () => {
          const { user, password } = await createUser(api, role);
          await signInThroughPage(page, api.url, user.email, password);
          const problems: string[] = [];
          for (const { path, name } of PAGES.filter((p) => p.role === role)) {
            const response = await page.goto(`${api.url}${path}`);
            if (response?.status() !== 200) {
              problems.push(`${path}: HTTP ${response?.status()}`);
              continue;
            }
            await checkPage(page, { name }).catch((error: Error) => problems.push(error.message));
          }
          expect(problems).toEqual([]);
        }),
      180_000,
    );
  });
});
