import { DEMO_PASSWORD, DEMO_SEEDS, runDemoSeed } from '../../../apps/cli/src/seeds';
import { signInWeb, webSession, WebSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { LANGS, languageProblems } from '../../support/page-language';

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
  afterAll(() => api.close());

  async function crawl(web: WebSession, starts: string[], limit = 80): Promise<Record<string, string[]>> {
    const seen = new Set<string>();
    const queue = [...starts];
    const problems: Record<string, string[]> = {};
    while (queue.length && seen.size < limit) {
      const path = queue.shift()!;
      // A start is a state of its own (`/caseload?stage=nonsense`); a followed link stands for its shape.
      const key = starts.includes(path) ? path : shape(path);
      if (seen.has(key)) continue;
      seen.add(key);
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
      }
    }
    // Staff switching languages keep the last one on their account: leave it English for the next crawl.
    await web.get('/home?lang=en');
    return problems;
  }

  it('for a visitor who is not signed in', async () => {
    const problems = await crawl(webSession(api), [
      '/',
      '/sign-in',
      '/register',
      '/privacy',
      '/statistics',
      '/certificates/NOT-A-CODE',
      '/no-such-page',
    ]);
    expect(problems).toEqual({});
  });

  it.each([
    'sme1@demo.example',
    'sme2@demo.example',
    'adviser1@demo.example',
    'officer1@demo.example',
    'admin@demo.example',
  ])('for %s', async (email) => {
    const web = await signInWeb(api, email, DEMO_PASSWORD);
    // The home page and everything linked from it, and pages in their error states (a filter refused).
    const problems = await crawl(web, [
      '/home',
      '/caseload?stage=nonsense',
      '/reports?from=nonsense',
      '/admin/audit?from=nonsense',
    ]);
    expect(problems).toEqual({});
  });
});
