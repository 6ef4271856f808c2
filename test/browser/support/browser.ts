import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium } from 'playwright-core';
import { preloadAxe } from './axe';

/**
 * Debian's Chromium headless shell (`apt-get install chromium-headless-shell`), found or installed by the
 * browser project's global setup (test/setup/browser-global-setup.ts); playwright's own browser downloads
 * fail on these machines.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';

export const SCREENSHOT_DIR = join(__dirname, '..', 'screenshots');

/** Flags that keep a headless Chromium quiet and offline apart from the app under test. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // tests run as root in containers, where the sandbox cannot start
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** One browser per test file (close it in afterAll); every journey gets its own context. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: run "apt-get install -y chromium-headless-shell" or set CHROMIUM_PATH`,
    );
  }
  // launch() gives the browser a fresh temporary user-data dir and deletes it on close.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const javaScriptByContext = new WeakMap<BrowserContext, boolean>();

/** Whether pages in this context run scripts (checks need to know: axe cannot run where they do not). */
export function javaScriptEnabled(context: BrowserContext): boolean {
  return javaScriptByContext.get(context) ?? true;
}

export interface JourneyOptions extends BrowserContextOptions {
  /** false runs the journey as a browser with JavaScript turned off. Default true. */
  javaScript?: boolean;
  /** Sent as Accept-Language, so the first page is already in this language. */
  language?: string;
}

/** A fresh context (its own cookies) for one journey, with or without JavaScript. */
export async function newJourney(browser: Browser, options: JourneyOptions = {}): Promise<BrowserContext> {
  const { javaScript = true, language, ...rest } = options;
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    javaScriptEnabled: javaScript,
    locale: language,
    extraHTTPHeaders: language ? { 'Accept-Language': language } : undefined,
    ...rest,
  });
  javaScriptByContext.set(context, javaScript);
  // Scripts-off pages are scanned on a scripts-on copy (page-check.ts), which has axe preloaded itself.
  if (javaScript) await preloadAxe(context);
  return context;
}

/** Lower-case, dash-separated: safe for a file name. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Saves a full-page screenshot of every open page of the context under test/browser/screenshots/. */
export async function saveScreenshots(context: BrowserContext, label: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const saved: string[] = [];
  for (const [index, page] of context.pages().entries()) {
    if (page.isClosed()) continue;
    const path = join(SCREENSHOT_DIR, `${slug(label)}${index ? `-${index}` : ''}.png`);
    try {
      await page.screenshot({ path, fullPage: true });
      saved.push(path);
    } catch {
      // A page that crashed cannot be photographed; the test's own error says what went wrong.
    }
  }
  return saved;
}

/** Runs a journey; when it fails, screenshots of its pages are saved before the error is rethrown. */
export async function withScreenshots(
  context: BrowserContext,
  label: string,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const saved = await saveScreenshots(context, label);
    if (error instanceof Error && saved.length) error.message += `\n\nScreenshots: ${saved.join(', ')}`;
    throw error;
  }
}
