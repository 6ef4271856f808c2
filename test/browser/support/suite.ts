import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApi, TestApi } from '../../support/test-api';
import { JourneyOptions, launchBrowser, newJourney, withScreenshots } from './browser';

/** The api under test and the file's one Chromium; both exist from the first test to the last. */
export interface BrowserSuite {
  readonly api: TestApi;
  readonly browser: Browser;
}

export interface SuiteSetup {
  /** Runs once the api is up (accounts, data sets, a worker); before the first test. */
  seed?: (api: TestApi) => Promise<void>;
  /** Runs after the last test, before the browser and api close (e.g. stop a worker `seed` started). */
  teardown?: () => Promise<void>;
  /** For a `seed` that takes longer than the default test timeout. */
  timeout?: number;
  /** Settings for the api under test (e.g. MAIL_DIR). */
  env?: Record<string, string>;
}

/**
 * The setup every browser suite shares: the real api (its own database and Redis prefix) and Chromium,
 * started together before the first test and closed after the last. Call it at the top of the file's
 * `describe`.
 */
export function browserSuite(setup: SuiteSetup = {}): BrowserSuite {
  const suite = {} as { api: TestApi; browser: Browser };
  beforeAll(async () => {
    [suite.api, suite.browser] = await Promise.all([startTestApi(setup.env), launchBrowser()]);
    await setup.seed?.(suite.api);
  }, setup.timeout);
  afterAll(async () => {
    await setup.teardown?.();
    await suite.browser?.close();
    await suite.api?.close();
  });
  return suite;
}

/** One test's browser: a fresh context (its own cookies) and page, closed when the test ends. */
export interface Journey {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Runs the test's steps on its page; when they fail, screenshots of its pages are saved first. */
  run(label: string, steps: (page: Page) => Promise<void>): Promise<void>;
}

/** Gives every test of the enclosing `describe` its own journey. */
export function journeyPerTest(suite: BrowserSuite, options: JourneyOptions = {}): Journey {
  const current = {} as { page: Page; context: BrowserContext };
  beforeEach(async () => {
    current.context = await newJourney(suite.browser, options);
    current.page = await current.context.newPage();
  });
  afterEach(() => current.context.close());
  return {
    get page() {
      return current.page;
    },
    get context() {
      return current.context;
    },
    run: (label, steps) => withScreenshots(current.context, label, () => steps(current.page)),
  };
}

/** Every journey runs twice: with JavaScript on and with it off (forms must work without it). */
export const JAVASCRIPT_MODES = [
  ['JavaScript on', true],
  ['JavaScript off', false],
] as const;

/** Defines the tests of `define` once per JavaScript mode, each test with its own journey. */
export function inBothJavaScriptModes(
  suite: BrowserSuite,
  define: (journey: Journey, mode: string, javaScript: boolean) => void,
): void {
  describe.each(JAVASCRIPT_MODES)('%s', (mode, javaScript) => {
    define(journeyPerTest(suite, { javaScript }), mode, javaScript);
  });
}
