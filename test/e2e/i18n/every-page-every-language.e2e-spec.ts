import { DEMO_PASSWORD, DEMO_SEEDS, runDemoSeed } from '../../../apps/cli/src/seeds';
import { buildExportWin, existingUser } from '../../factories';
import { signInWeb, webSession, WebSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { LANGS, languageProblems, visibleText } from '../../support/page-language';

// The demo data (every role, cases in several states) and a few hundred pages on a shared machine.
jest.setTimeout(300_000);

/**
 * Links a crawl does not follow: files, the API, signing out, the language switcher's own links, and one
 * stored email's raw source on the local mail viewer (MIME headers such as Date are English by RFC 5322,
 * whatever the message's language; the viewer marks the source with the message's Content-Language).
 */
const SKIP =
  /^\/(api|assets|govuk|public)\/|^\/sign-out|\/download|\.(csv|xlsx|pdf|zip|json)\b|[?&]lang=|^\/admin\/mail\/[^/?]+/;
/** One page of each shape is enough: `/cases/<id>` stands for every case. */
const shape = (path: string): string =>
  path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\?.*$/, '');

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1]?.replace(/&amp;/g, '&');

/**
 * What a browser sends for a form a person submits without filling anything in: hidden fields (the CSRF
 * token, a record's version) as they are, every text field and text area empty, each select at its empty
 * choice (or its first), ticked boxes only if the page ticked them, and the first named submit button.
 */
function emptySubmission(body: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (name: string | undefined, value: string): void => {
    if (name) (fields[name] ??= []).push(value);
  };
  for (const [input] of body.matchAll(/<input\b[^>]*>/gi)) {
    const type = (attribute(input, 'type') ?? 'text').toLowerCase();
    if (type === 'hidden') add(attribute(input, 'name'), attribute(input, 'value') ?? '');
    else if (type === 'checkbox' || type === 'radio') {
      if (/\bchecked\b/i.test(input)) add(attribute(input, 'name'), attribute(input, 'value') ?? 'on');
    } else if (type !== 'submit' && type !== 'button') add(attribute(input, 'name'), '');
  }
  for (const [textarea] of body.matchAll(/<textarea\b[^>]*>/gi)) add(attribute(textarea, 'name'), '');
  for (const [, tag, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const values = [...options.matchAll(/<option\b[^>]*>/gi)].map(
      ([option]) => attribute(option, 'value') ?? '',
    );
    add(attribute(tag, 'name'), values.includes('') ? '' : (values[0] ?? ''));
  }
  const button = [...body.matchAll(/<button\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .find((tag) => attribute(tag, 'name') && !/type="(button|reset)"/i.test(tag));
  if (button) add(attribute(button, 'name'), attribute(button, 'value') ?? '');
  return fields;
}

/**
 * A page's main form: its first POST form with a field a person fills in (not a form of buttons only, such
 * as signing out or marking a message read), with its action and what submitting it empty sends.
 */
function mainForm(
  html: string,
  path: string,
): { action: string; fields: Record<string, string[]> } | undefined {
  for (const [, attributes, body] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if (!/method="post"/i.test(attributes)) continue;
    const fillable =
      /<(textarea|select)\b/i.test(body) ||
      [...body.matchAll(/<input\b[^>]*>/gi)].some(([input]) => !/type="(hidden|submit|button)"/i.test(input));
    const fields = emptySubmission(body);
    if (!fillable || !fields._csrf) continue;
    const action = attribute(attributes, 'action') || path;
    if (SKIP.test(action)) continue;
    return { action, fields };
  }
  return undefined;
}

/** The texts of a page's GOV.UK error summary. */
const errorSummaryItems = (html: string): string[] =>
  [
    ...(/govuk-error-summary__list[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(
      /<li>([\s\S]*?)<\/li>/g,
    ),
  ]
    .map(([, item]) => visibleText(item))
    .filter((text) => text !== '');

/**
 * Every page a person of each role reaches by following links from their home page (and the public pages
 * for a visitor), on the demo data, in every language: none shows a raw key, a placeholder, an English UI
 * sentence or an English date on a Spanish or German page, a raw timestamp, or answers 500.
 */
describe('every page in every language', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const seeded = await runDemoSeed(DEMO_SEEDS);
    expect(seeded.seeded).toBe(true);
  });
  afterAll(() => api?.close());

  /**
   * Follows links from `starts` and checks every page in every language; on a page with a form, submits
   * its main form empty (with its CSRF token) in every language and checks the errors the same way: an
   * error summary, in the page's language (no item worded as on the English page), nothing raw.
   */
  async function crawl(
    web: WebSession,
    starts: string[],
    limit = 80,
  ): Promise<{ problems: Record<string, string[]>; errorPages: string[] }> {
    const seen = new Set<string>();
    const queue = [...starts];
    const problems: Record<string, string[]> = {};
    const errorPages: string[] = [];
    while (queue.length && seen.size < limit) {
      const path = queue.shift()!;
      // A start is a state of its own (`/caseload?stage=nonsense`); a followed link stands for its shape.
      const key = starts.includes(path) ? path : shape(path);
      if (seen.has(key)) continue;
      seen.add(key);
      let englishErrors: string[] = [];
      for (const lang of LANGS) {
        const url = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
        const res = await web.get(url);
        if (res.status >= 300 && res.status < 400) break; // a redirect (a finished form, sign-in): not a page
        const html = await res.text();
        const found = [
          ...(res.status >= 500 ? [`status ${res.status}`] : []),
          ...(res.headers.get('content-type')?.startsWith('text/html') ? languageProblems(html, lang) : []),
        ];
        if (found.length) problems[url] = found;
        if (lang === 'en')
          for (const match of html.matchAll(/href="(\/[^"#]*)/g)) {
            const link = match[1].replace(/&amp;/g, '&');
            if (!SKIP.test(link) && !seen.has(shape(link))) queue.push(link);
          }

        const form = mainForm(html, path.replace(/\?.*$/, ''));
        if (!form) continue;
        const posted = await web.post(form.action, form.fields);
        // Accepted empty (every field optional): not an error state.
        if (posted.status < 400) continue;
        const page = await posted.text();
        const items = errorSummaryItems(page);
        const errors = [
          ...(posted.status >= 500 ? [`status ${posted.status}`] : []),
          ...(posted.headers.get('content-type')?.startsWith('text/html')
            ? languageProblems(page, lang)
            : ['not a page']),
          ...(items.length ? [] : ['no error summary']),
          ...(lang === 'en'
            ? []
            : items.filter((item) => englishErrors.includes(item)).map((item) => `English error "${item}"`)),
        ];
        if (lang === 'en') englishErrors = items;
        if (errors.length) problems[`POST ${form.action} (${lang}, from ${url})`] = errors;
        errorPages.push(`${form.action} ${lang}`);
      }
    }
    // Staff switching languages keep the last one on their account: leave it English for the next crawl.
    await web.get('/home?lang=en');
    return { problems, errorPages };
  }

  /** The link a company gets to confirm an export win (recorded here on a demo case), as its email gives it. */
  async function winConfirmationPage(): Promise<string> {
    const [demo] = (await api.dataSource.query(
      `SELECT c.id AS case_id, c.assigned_adviser_id AS adviser FROM cases c
        WHERE c.assigned_adviser_id IS NOT NULL AND c.status <> 'closed' ORDER BY c.opened_at, c.id LIMIT 1`,
    )) as { case_id: string; adviser: string }[];
    const adviser = await existingUser(api, demo.adviser);
    const winId = await buildExportWin(api, adviser.user, demo.case_id);
    const [mail] = (await api.dataSource.query(
      `SELECT body_text FROM notification WHERE idempotency_key LIKE $1`,
      [`export-win-verification:${winId}:%`],
    )) as { body_text: string }[];
    return /\/export-wins\/verify\/[^\s?]+/.exec(mail.body_text)![0];
  }

  it('for a visitor who is not signed in', async () => {
    const winPage = await winConfirmationPage();
    const { problems, errorPages } = await crawl(webSession(api), [
      winPage,
      '/',
      '/sign-in',
      '/register',
      '/privacy',
      '/statistics',
      '/certificates/NOT-A-CODE',
      '/no-such-page',
    ]);
    expect(problems).toEqual({});
    for (const form of ['/sign-in', '/register', winPage])
      for (const lang of LANGS) expect(errorPages).toContain(`${form} ${lang}`);
  });

  // The least number of main-form error states each person's crawl reaches (sme2 and adviser1 reach no
  // form the others do not, so none is required of them).
  it.each([
    ['sme1@demo.example', 1],
    ['sme2@demo.example', 0],
    ['adviser1@demo.example', 0],
    ['officer1@demo.example', 10],
    ['admin@demo.example', 2],
    // The network's expert: their profile and leaving forms.
    ['ana.ruiz@experts.demo.example', 1],
  ])('for %s', async (email, forms) => {
    const web = await signInWeb(api, email, DEMO_PASSWORD);
    // The home page and everything linked from it, and pages in their error states (a filter refused).
    const { problems, errorPages } = await crawl(web, [
      '/home',
      '/caseload?stage=nonsense',
      '/reports?from=nonsense',
      '/admin/audit?from=nonsense',
    ]);
    expect(problems).toEqual({});
    // Each form's error state was checked in every language.
    expect(errorPages.length).toBeGreaterThanOrEqual(forms * LANGS.length);
  });
});
