import type { Browser, Page } from 'playwright-core';
import { axeScan, preloadAxe, type AxeNode } from './axe';
import { javaScriptEnabled, saveScreenshots } from './browser';
import { horizontalOverflow, pageFacts } from './in-page';
import { focusOrderProblems, keyboardProblems, skipLinkProblems } from './keyboard';
import { contentLanguageProblems } from '../../support/page-language';
import { Language, text } from './locales';

export type { Language };

/** Titles seen in this test file, per language: two different pages must never share one. */
const titlesSeen = new Map<string, string>();

/**
 * Pages (name, JavaScript mode, error state) whose structure axe and the keyboard walk have checked in this
 * test file. The same page in another language has the same elements in the same order, so those two
 * checks (about half of a journey's time) run once per page and mode; the language, title and reflow checks
 * run on every page in every language.
 */
const structureChecked = new Set<string>();

/** Set by `structureCheckedIn`: another file checks this file's pages for structure. */
let structureCheckedElsewhere: string | undefined;

/**
 * For a file that walks the same pages, in the same JavaScript modes, as another file that checks their
 * structure (the enrolment journey by keyboard, in German, and by mouse, in English): axe and the keyboard
 * walk, about half of a journey's time, are left to that file, as they are left to a file's first language
 * within it. Language, title, words and reflow are still checked on every page. Call at the top of the file.
 */
export function structureCheckedIn(otherFile: string): void {
  structureCheckedElsewhere = otherFile;
}

export interface CheckPageOptions {
  /** What the page (and state) is, e.g. "enrolment – company details"; names screenshots and messages. */
  name: string;
  /** The language the page must be in (`<html lang>` and title wording). Default "en". */
  lang?: Language;
  /** The page shows validation errors: the title must start with "Error: " (in the page's language). */
  errors?: boolean;
  /** Keyboard checks (skip link, focus order, focus indicator, no trap). Default true. */
  keyboard?: boolean;
}

/**
 * Every check that applies to every page, on the page as it is now: axe (WCAG 2.2 AA, zero violations),
 * title "Page – Service – Agency" and unique within the file, language, one h1 and a <main id="main-content">,
 * a label on every form control, the page's words in its language (no raw key, `{{placeholder}}`, raw
 * timestamp, nor English sentence, date or number on a Spanish or German page), no sideways scrolling at 320 px (outside `.app-table-container`) and
 * keyboard access. Collects every problem, saves a screenshot, and fails with the full list.
 */
export async function checkPage(page: Page, options: CheckPageOptions): Promise<void> {
  const lang = options.lang ?? 'en';
  const problems: string[] = [];
  // A page whose <head> has arrived but whose body is still streaming would fail every structural check.
  await page.waitForLoadState('load');
  const facts = await pageFacts(page);

  if (facts.lang !== lang) problems.push(`<html lang="${facts.lang}">, expected "${lang}"`);
  problems.push(...titleProblems(facts.title, lang, options));
  if (facts.h1Count !== 1) problems.push(`${facts.h1Count} <h1> elements, expected exactly one`);
  if (!facts.hasMainContent) problems.push('no <main id="main-content"> for the skip link to go to');
  for (const control of facts.unlabelledControls) problems.push(`form control without a label: ${control}`);
  // Words: no raw key or placeholder, and no English sentence, date or number on a Spanish or German page.
  problems.push(...contentLanguageProblems(await page.content(), lang));

  const mode = javaScriptEnabled(page.context()) ? 'js' : 'no-js';
  const structure = `${options.name}|${mode}|${options.errors ? 'errors' : 'ok'}`;
  const checkStructure = !structureCheckedElsewhere && !structureChecked.has(structure);
  if (checkStructure) problems.push(...(await structureProblems(page, options.keyboard ?? true)));
  problems.push(...(await reflowProblems(page)));
  if (checkStructure && !problems.length) structureChecked.add(structure);

  if (problems.length) {
    const shots = await saveScreenshots(page.context(), `${options.name}-${lang}-${mode}`);
    throw new Error(
      `"${options.name}" (${page.url()}, ${lang}, ${mode}) has ${problems.length} problem(s):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        (shots.length ? `\nScreenshot: ${shots.join(', ')}` : ''),
    );
  }
}

function titleProblems(title: string, lang: Language, options: CheckPageOptions): string[] {
  const suffix = ` – ${text(lang, 'service.name')} – ${text(lang, 'service.agency')}`;
  const prefix = `${text(lang, 'common.errorPrefix')}: `;
  const problems: string[] = [];
  if (!title.endsWith(suffix) || title.length === suffix.length) {
    problems.push(`title "${title}" does not follow "Page${suffix}"`);
  }
  if (options.errors && !title.startsWith(prefix))
    problems.push(`title "${title}" lacks the "${prefix}" prefix`);
  if (!options.errors && title.startsWith(prefix)) problems.push(`title "${title}" says there is an error`);
  const key = `${lang}|${title}`;
  const owner = titlesSeen.get(key);
  if (owner && owner !== options.name) problems.push(`title "${title}" is also the title of "${owner}"`);
  titlesSeen.set(key, options.name);
  return problems;
}

/**
 * axe (zero violations) and, with `keyboard`, the keyboard checks. A scripts-off page is checked on its
 * scriptless copy (see `onScriptlessCopy`), apart from its skip link, which is followed on the page itself.
 */
async function structureProblems(page: Page, keyboard: boolean): Promise<string[]> {
  if (javaScriptEnabled(page.context())) {
    return [...violationLines(await axeScan(page)), ...(keyboard ? await keyboardProblems(page) : [])];
  }
  const onCopy = await onScriptlessCopy(page, async (copy) => [
    ...violationLines(await axeScan(copy)),
    ...(keyboard ? await focusOrderProblems(copy) : []),
  ]);
  return [...onCopy, ...(keyboard ? await skipLinkProblems(page) : [])];
}

/** axe-core's WCAG 2.2 AA violations, one line per failing element. */
export async function axeViolations(page: Page): Promise<string[]> {
  return violationLines(
    javaScriptEnabled(page.context()) ? await axeScan(page) : await onScriptlessCopy(page, axeScan),
  );
}

function violationLines(results: Awaited<ReturnType<typeof axeScan>>): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes
      .filter((node) => !isKnownDesignSystemException(violation.id, node))
      .map(
        (node) =>
          `axe ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} – ${node.target.join(' ')}`,
      ),
  );
}

/**
 * The one exception, and only this exact case: GOV.UK Frontend puts aria-expanded on a radio that reveals
 * a conditional question. ARIA does not list it for radios, so axe flags it, but the design system keeps it
 * on purpose after research with screen reader users (alphagov/govuk-frontend#979, known issue #1280).
 */
function isKnownDesignSystemException(rule: string, node: AxeNode): boolean {
  if (rule !== 'aria-allowed-attr' || !node.html.includes('govuk-radios__input')) return false;
  const attributes = [...node.any, ...node.all, ...node.none].flatMap((check) =>
    Array.isArray(check.data) ? (check.data as unknown[]).map(String) : [],
  );
  return attributes.length > 0 && attributes.every((attribute) => attribute.startsWith('aria-expanded'));
}

/** One scripts-on page per browser that serves copies of scripts-off pages to axe. */
const scratchPages = new WeakMap<Browser, Promise<{ page: Page; html: Map<string, string> }>>();

function scratchFor(browser: Browser): Promise<{ page: Page; html: Map<string, string> }> {
  let scratch = scratchPages.get(browser);
  if (!scratch) {
    scratch = (async () => {
      const context = await browser.newContext();
      await preloadAxe(context);
      const page = await context.newPage();
      const html = new Map<string, string>();
      await page.route(
        (candidate) => html.has(candidate.href),
        (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: html.get(route.request().url()),
          }),
      );
      return { page, html };
    })();
    scratchPages.set(browser, scratch);
  }
  return scratch;
}

/**
 * axe needs scripts, which a page in a JavaScript-off context cannot run, and so does the recorded focus walk
 * (keyboard.ts). So the page's DOM (exactly the server's HTML, since no script ran; the service has no
 * <noscript>) is served, scripts removed, at the same URL to a scratch page with scripts on, same viewport,
 * same stylesheets, and `check` runs there: same elements, same order, same focus styles.
 */
async function onScriptlessCopy<T>(page: Page, check: (copy: Page) => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (!browser) throw new Error('scriptless copy: the page has no browser');
  const url = page.url().split('#')[0];
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const scratch = await scratchFor(browser);
  scratch.html.set(url, html);
  try {
    await scratch.page.setViewportSize(page.viewportSize() ?? { width: 1024, height: 768 });
    await scratch.page.goto(url);
    return await check(scratch.page);
  } finally {
    scratch.html.delete(url);
  }
}

/** WCAG 1.4.10 reflow: at 320 CSS px wide nothing but a data table's own container may scroll sideways. */
async function reflowProblems(page: Page): Promise<string[]> {
  const original = page.viewportSize() ?? { width: 1024, height: 768 };
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    const overflow = await horizontalOverflow(page);
    if (!overflow.scrolls) return [];
    return [
      'the page scrolls sideways at 320 px wide',
      ...(overflow.culprits.length
        ? overflow.culprits.map((culprit) => `  wider than the viewport: ${culprit}`)
        : ['  (from inside .app-table-container: an absolutely positioned element escaping the box?)']),
    ];
  } finally {
    await page.setViewportSize(original);
  }
}
