import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newJourney } from './support/browser';
import { axeViolations, checkPage } from './support/page-check';

/**
 * The checks themselves, on small pages with known defects: a page check that passed everything would
 * make every journey's accessibility claim worthless, so each defect must be caught, with and without
 * JavaScript.
 */
const ORIGIN = 'http://fixtures.test';
const SUFFIX = ' – SME Export Programme – Trade Agency';

const STYLE = `
  body { margin: 0; font: 19px/1.3 sans-serif; color: #0b0c0c; background: #fff; }
  a, input { color: #1d70b8; }
  button { color: #fff; background: #00703c; border: 0; }
  a:focus, button:focus, input:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
  .govuk-skip-link { position: absolute; left: -9999px; }
  .govuk-skip-link:focus { position: static; left: auto; display: block; }
  .app-table-container { overflow-x: auto; max-width: 100%; }
`;

function fixture(options: { title: string; lang?: string; head?: string; body: string }): string {
  return `<!DOCTYPE html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.title}</title>
    <style>${STYLE}</style>${options.head ?? ''}</head>
    <body><a href="#main-content" class="govuk-skip-link">Skip to main content</a>
    <header><a href="/">Service</a></header>
    <main id="main-content"><h1>A page</h1>${options.body}</main>
    <footer><a href="/privacy">Privacy</a></footer></body></html>`;
}

const GOOD_FORM = `<form method="post"><label for="name">Name</label><input id="name" name="name">
  <button type="submit">Continue</button></form>`;

const PAGES: Record<string, string> = {
  '/good': fixture({ title: `Good${SUFFIX}`, body: GOOD_FORM }),
  '/wide-table': fixture({
    title: `Table${SUFFIX}`,
    body: `<div class="app-table-container"><table><caption>Wide</caption><tr><th scope="col" style="min-width:900px">A</th></tr></table></div>`,
  }),
  '/broken': fixture({
    title: 'Broken page',
    lang: 'de',
    head: '<style>.pale { color: #ccc; } a:focus { outline: none; background: none; }</style>',
    body: `<p class="pale">Hard to read</p><input name="unlabelled"><div style="width:700px">Too wide</div>
      <a href="/elsewhere">A link</a>`,
  }),
  '/no-skip-link': fixture({ title: `No skip link${SUFFIX}`, body: GOOD_FORM }).replace(
    '<a href="#main-content" class="govuk-skip-link">Skip to main content</a>',
    '',
  ),
  '/conditional-radio': fixture({
    title: `Conditional radio${SUFFIX}`,
    body: `<fieldset><legend>Exported?</legend>
      <input class="govuk-radios__input" type="radio" id="yes" name="q" value="yes" aria-controls="more" aria-expanded="false">
      <label for="yes">Yes</label><div id="more"></div></fieldset>`,
  }),
  '/radio-bad-aria': fixture({
    title: `Radio with wrong ARIA${SUFFIX}`,
    body: `<fieldset><legend>Exported?</legend>
      <input class="govuk-radios__input" type="radio" id="yes" name="q" value="yes" aria-pressed="false">
      <label for="yes">Yes</label></fieldset>`,
  }),
  '/mixed-languages': fixture({
    title: `Fall – KMU-Exportprogramm – Außenhandelsagentur`,
    lang: 'de',
    body: `<h2>Log an interaction</h2><p>Abgeschlossen am 4 December 2026</p><p>timeline.case.opened</p>
      <p>{{count}} Fälle</p><p>22,500 Fälle seit 2026-12-04T10:00:00.000Z</p>`,
  }),
  '/trap': fixture({
    title: `Trap${SUFFIX}`,
    body: `${GOOD_FORM}<script>
      document.getElementById('name').addEventListener('keydown', (event) => {
        if (event.key === 'Tab') event.preventDefault();
      });</script>`,
  }),
};

describe('the page check catches what it claims to', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const body = PAGES[new URL(route.request().url()).pathname];
      return body
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
        : route.fulfill({ status: 404, body: 'not found' });
    });
    await page.goto(`${ORIGIN}${path}`);
    return page;
  }

  describe.each([
    ['JavaScript on', true],
    ['JavaScript off', false],
  ])('%s', (_mode, javaScript) => {
    let context: BrowserContext;
    beforeEach(async () => {
      context = await newJourney(browser, { javaScript });
    });
    afterEach(() => context.close());

    it('passes a page that meets every check, and a wide table inside its own scroll container', async () => {
      await checkPage(await open(context, '/good'), { name: 'good' });
      await checkPage(await open(context, '/wide-table'), { name: 'wide table' });
    });

    it('reports every defect of a broken page at once', async () => {
      const page = await open(context, '/broken');
      const failure = checkPage(page, { name: 'harness broken page' });
      await expect(failure).rejects.toThrow('<html lang="de">, expected "en"');
      await expect(failure).rejects.toThrow(
        'title "Broken page" does not follow "Page – SME Export Programme',
      );
      await expect(failure).rejects.toThrow('form control without a label: <input name="unlabelled">');
      await expect(failure).rejects.toThrow('axe color-contrast');
      await expect(failure).rejects.toThrow('axe label');
      await expect(failure).rejects.toThrow('the page scrolls sideways at 320 px wide');
      await expect(failure).rejects.toThrow('has no visible focus indicator: <a href="/elsewhere">');
    });

    it('fails a German page with English words, an English date or number, a raw key or a placeholder', async () => {
      const page = await open(context, '/mixed-languages');
      const failure = checkPage(page, { name: 'harness mixed languages', lang: 'de', keyboard: false });
      await expect(failure).rejects.toThrow('English text "Log an interaction"');
      await expect(failure).rejects.toThrow('English date "4 December 2026"');
      await expect(failure).rejects.toThrow('English number "22,500"');
      await expect(failure).rejects.toThrow('raw key "timeline.case.opened"');
      await expect(failure).rejects.toThrow('placeholder "{{count}}"');
      await expect(failure).rejects.toThrow('ISO timestamp "2026-12-04T10:00:00"');
    });

    it('fails a page whose first Tab does not reach a skip link', async () => {
      const page = await open(context, '/no-skip-link');
      await expect(checkPage(page, { name: 'harness no skip link' })).rejects.toThrow('not the skip link');
    });
  });

  it('fails a second page that reuses another page title, and an error page without "Error:"', async () => {
    const context = await newJourney(browser);
    try {
      await checkPage(await open(context, '/good'), { name: 'good' });
      await expect(checkPage(await open(context, '/good'), { name: 'another page' })).rejects.toThrow(
        'is also the title of "good"',
      );
      await expect(checkPage(await open(context, '/good'), { name: 'good', errors: true })).rejects.toThrow(
        'lacks the "Error: " prefix',
      );
    } finally {
      await context.close();
    }
  });

  it("accepts GOV.UK's aria-expanded on a conditional-reveal radio, and nothing else", async () => {
    const context = await newJourney(browser);
    try {
      await checkPage(await open(context, '/conditional-radio'), { name: 'conditional radio' });
      await expect(
        checkPage(await open(context, '/radio-bad-aria'), { name: 'harness radio bad aria' }),
      ).rejects.toThrow('axe aria-allowed-attr');
    } finally {
      await context.close();
    }
  });

  it('fails a page that traps keyboard focus (JavaScript on)', async () => {
    const context = await newJourney(browser, { javaScript: true });
    try {
      const page = await open(context, '/trap');
      await expect(checkPage(page, { name: 'harness trap' })).rejects.toThrow('focus trap');
    } finally {
      await context.close();
    }
  });

  it('scans a page whose context was not prepared for axe: axe is injected for that scan', async () => {
    const context = await browser.newContext();
    try {
      const page = await open(context, '/broken');
      const violations = await axeViolations(page);
      expect(violations.some((v) => v.startsWith('axe label'))).toBe(true);
      expect(violations.some((v) => v.startsWith('axe color-contrast'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
