import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/test-api';
import { launchBrowser, newJourney, withScreenshots } from './support/browser';
import { enrolJourney } from './support/enrolment-journey';

/** The whole SME journey with Tab, Shift+Tab, Enter, Space, typing and arrow keys in radio groups and selects; in German, JavaScript on and off. */
describe('SME enrolment journey by keyboard alone', () => {
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

    it(
      'in German',
      () =>
        withScreenshots(context, `enrolment-keyboard-de-${mode}`, () => enrolJourney(api, page, 'de', true)),
      JOURNEY_TIMEOUT_MS,
    );
  });
});
