import { csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { createAdviser, createStaff, Staff } from '../advisers/support/advisers.factory';
import { buildCase } from '../../factories';
import { visibleText } from '../../support/page-language';
import { formatDate, localDate } from '@app/time';

/** The language of pages, field errors and the staff account's remembered choice. */
describe('page language', () => {
  let api: TestApi;
  let officer: Staff;
  let adviser: Staff;
  beforeAll(async () => {
    api = await startTestApi();
    officer = await createStaff(api, 'officer');
    adviser = await createAdviser(api, officer, { regions: ['london'] });
    await buildCase(api, { company: { legalName: 'Kestrel Optics Ltd' }, adviserId: adviser.user.id });
  });
  afterAll(() => api?.close());

  it('accepts ?lang= on staff pages whose query has fields of its own', async () => {
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    for (const path of ['/caseload?lang=de', '/reports?lang=de', '/caseload?sort=name&lang=de']) {
      const res = await web.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.text()).toMatch(/<html[^>]*lang="de"/);
    }
    await web.get('/caseload?lang=en');
  });

  it('heads the statistics with the financial year and a date in words, and gives From and To their own examples', async () => {
    const today = localDate(new Date(), 'Europe/London');
    const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
    const label = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
    const heads = {
      en: `${label} so far (to ${formatDate(today, 'Europe/London', 'en')})`,
      es: `${label} hasta ahora (al ${formatDate(today, 'Europe/London', 'es')})`,
      de: `${label} bisher (bis ${formatDate(today, 'Europe/London', 'de')})`,
    };
    for (const [lang, head] of Object.entries(heads)) {
      const text = visibleText(
        await (await webSession(api).get(`/statistics?lang=${lang}`)).text(),
        lang as 'en',
      );
      expect(text).toContain(head);
      expect(text).not.toMatch(/\d{4}-\d{2} (to|hasta|bis) \d{4}-\d{2}-\d{2}/);
    }
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const html = await (await web.get('/reports?lang=es')).text();
    const hint = (id: string): string | undefined =>
      new RegExp(`id="${id}-hint"[^>]*>\\s*([^<]*?)\\s*<`).exec(html)?.[1];
    expect(hint('from')).toMatch(/^Por ejemplo, \d{4}-\d{2}-\d{2}$/);
    expect(hint('to')).toMatch(/^Por ejemplo, \d{4}-\d{2}-\d{2}$/);
    expect(hint('from')).not.toBe(hint('to'));
    await web.get('/reports?lang=en');
  });

  it('counts cases with the language’s plural forms', async () => {
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    expect(visibleText(await (await web.get('/caseload?lang=en')).text())).toContain('1 case ·');
    expect(visibleText(await (await web.get('/caseload?lang=de')).text(), 'de')).toContain('1 Fall ·');
    expect(visibleText(await (await web.get('/caseload?lang=es')).text(), 'es')).toContain('1 caso ·');
    await web.get('/caseload?lang=en');
  });

  it('keeps the language a signed-in person chooses on the account, for every device', async () => {
    const first = await signInWeb(api, officer.user.email, officer.password);
    expect((await first.get('/caseload?lang=es')).status).toBe(200);
    const rows = (await api.dataSource.query('SELECT language FROM users WHERE id = $1', [
      officer.user.id,
    ])) as { language: string }[];
    expect(rows[0].language).toBe('es');
    const audit = (await api.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'user.language_changed' AND entity_id = $1`,
      [officer.user.id],
    )) as { after: unknown }[];
    expect(audit.map((r) => r.after)).toEqual([{ language: 'es' }]);
    // Another browser (no language cookie, English Accept-Language) gets the account's language.
    const second = await signInWeb(api, officer.user.email, officer.password);
    const page = await second.get('/caseload', { 'accept-language': 'en' });
    expect(await page.text()).toMatch(/<html[^>]*lang="es"/);
    await second.get('/caseload?lang=en');
  });

  it('words an unexpected form field for people, in the page’s language, with the translated prefix', async () => {
    const visitor = webSession(api);
    const form = await (await visitor.get('/register?lang=es')).text();
    const res = await visitor.post('/register', {
      email: 'someone@example.com',
      name: 'Someone',
      password: 'correct horse battery staple',
      confirmPassword: 'correct horse battery staple',
      _csrf: csrfFromHtml(form),
    });
    expect(res.status).toBe(400);
    const spanish = await res.text();
    const text = visibleText(spanish, 'es');
    expect(text).toContain('Algo ha fallado con este formulario');
    expect(text).not.toContain('is not a field this request accepts');
    // The summary links to something on the page: there is no control for a field the form lacks.
    const links = [...spanish.matchAll(/govuk-error-summary__list[\s\S]*?<\/ul>/g)].flatMap((list) =>
      [...list[0].matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect([id, spanish.includes(`id="${id}"`)]).toEqual([id, true]);
    expect(links).not.toContain('confirmPassword');

    const german = webSession(api);
    const page = await (await german.get('/register?lang=de')).text();
    const empty = await german.post('/register', {
      email: '',
      name: '',
      password: '',
      _csrf: csrfFromHtml(page),
    });
    const html = await empty.text();
    expect(html).toContain('<span class="govuk-visually-hidden">Fehler:</span> Geben Sie ein Passwort ein');
    expect(html).not.toContain('<span class="govuk-visually-hidden">Error:</span>');
  });
});
