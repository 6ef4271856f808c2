import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/test-api';
import { launchBrowser, newJourney, withScreenshots } from './support/browser';
import { enrolJourney } from './support/enrolment-journey';

/** Register, enrol page by page with one error round-trip, check answers, submit, outcome, home, self-assessment, results and recommendations, book the recommended module, sign out: in English (JavaScript on and off) and Spanish. */
describe('SME enrolment journey by mouse', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  // About fifteen pages, each scanned by axe and walked by keyboard: longer than one request, never timed.
  const JOURNEY_TIMEOUT_MS = 300_000;

  // English with JavaScript on and off, Spanish with it on; the keyboard journey (German) runs with it
  // on and off too, so every language and both modes are covered without repeating the longest journey.
  describe.each([
    ['en', 'JavaScript on', true],
    ['en', 'JavaScript off', false],
    ['es', 'JavaScript on', true],
  ] as const)('in %s, %s', (lang, mode, javaScript) => {
    let context: BrowserContext;
    let page: Page;
    beforeEach(async () => {
      context = await newJourney(browser, { javaScript });
      page = await context.newPage();
    });
    afterEach(() => context.close());

    it(
      'enrols, assesses readiness and books training',
      () => withScreenshots(context, `enrolment-${lang}-${mode}`, () => enrolJourney(api, page, lang, false)),
      JOURNEY_TIMEOUT_MS,
    );
  });
});
