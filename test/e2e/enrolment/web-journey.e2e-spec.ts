import { createUser, signInWeb, tokenFor, WebSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient, completeAnswers, uniqueRegistration } from './enrolment-fixtures';

/** The text of a page with tags removed and whitespace collapsed, for content assertions. */
const textOf = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

interface Wording {
  lang: 'en' | 'es';
  start: string;
  errorTitle: string;
  legalNameMissing: string;
  unknownCountry: string;
  exportMarkets: string;
  targetMarkets: string;
  checkTitle: string;
  marketName: string;
  accepted: string;
  homeStatus: string;
}

const WORDING: Wording[] = [
  {
    lang: 'en',
    start: 'Start your application',
    errorTitle: 'Error: Your company',
    legalNameMissing: 'Enter the legal name of the company',
    unknownCountry: 'We do not recognise "Narnia" as a country',
    exportMarkets: 'France, Germany',
    targetMarkets: 'United States, Japan',
    checkTitle: 'Check your answers before submitting',
    marketName: 'Japan',
    accepted: 'Your company can join the programme',
    homeStatus: 'Accepted',
  },
  {
    lang: 'es',
    start: 'Empezar la solicitud',
    errorTitle: 'Error: Su empresa',
    legalNameMissing: 'Escriba la razón social de la empresa',
    unknownCountry: 'No reconocemos «Narnia» como país',
    exportMarkets: 'Francia, Alemania',
    targetMarkets: 'Estados Unidos, Japón',
    checkTitle: 'Compruebe sus respuestas antes de enviar',
    marketName: 'Japón',
    accepted: 'Su empresa puede participar en el programa',
    homeStatus: 'Aceptada',
  },
];

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('enrolment web journey', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  async function signedInSme(lang: string): Promise<WebSession> {
    const { user, password } = await createUser(api, 'sme', { name: 'Ana Exporter' });
    const web = await signInWeb(api, user.email, password);
    await web.get(`/home?lang=${lang}`); // remembered in the lang cookie from here on
    return web;
  }

  async function expectRedirect(res: Response, location: string | RegExp): Promise<string> {
    expect(res.status).toBe(303);
    const to = res.headers.get('location') ?? '';
    if (typeof location === 'string') expect(to).toBe(location);
    else expect(to).toMatch(location);
    return to;
  }

  it.each(WORDING)(
    'fills the form page by page, with one error round-trip, and submits ($lang)',
    async (w) => {
      const web = await signedInSme(w.lang);
      const home = await web.get('/home');
      expect(home.status).toBe(200);
      expect(textOf(await home.text())).toContain(w.start);

      expect((await web.get('/enrol')).status).toBe(200);
      const created = await expectRedirect(await web.post('/enrol', {}), /^\/enrol\/[0-9a-f-]{36}\/company$/);
      const base = created.replace(/\/company$/, '');
      const companyPage = await web.get(`${base}/company`);
      expect(companyPage.status).toBe(200);
      const companyHtml = await companyPage.text();
      expect(companyHtml).toContain('<label class="govuk-label govuk-label--s" for="company-legalName">');
      expect(companyHtml).toContain(`lang="${w.lang}"`);

      const registration = uniqueRegistration();
      const company = {
        'company-legalName': '',
        'company-registrationNumber': registration,
        'company-registrationCountry': 'GB',
        'company-yearFounded': '2009',
        'company-website': 'https://acme.example',
        'social-0-platform': 'linkedin',
        'social-0-url': 'https://www.linkedin.com/company/acme',
        action: 'continue',
      };
      // Error round-trip: the legal name is missing.
      const invalid = await web.post(`${base}/company`, company);
      expect(invalid.status).toBe(400);
      const errorHtml = await invalid.text();
      expect(errorHtml).toContain('govuk-error-summary');
      expect(errorHtml).toContain('href="#company-legalName"');
      expect(textOf(errorHtml)).toContain(w.legalNameMissing);
      expect(errorHtml).toMatch(new RegExp(`<title>${w.errorTitle}`));
      expect(errorHtml).toContain(`value="${registration}"`); // what was typed is kept
      // … and nothing of the rejected page was saved: no answer, no audit row.
      const enrolmentId = base.split('/').pop();
      const [draft] = (await api.dataSource.query(
        `SELECT registration_number, version FROM enrolments WHERE id = $1`,
        [enrolmentId],
      )) as { registration_number: string | null; version: number }[];
      expect(draft.registration_number).toBeNull();
      const [{ n: draftUpdates }] = (await api.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'enrolment.draft_updated'`,
        [enrolmentId],
      )) as { n: number }[];
      expect(draftUpdates).toBe(0);

      await expectRedirect(
        await web.post(`${base}/company`, { ...company, 'company-legalName': 'Acme Widgets Ltd' }),
        `${base}/size`,
      );
      await expectRedirect(
        await web.post(`${base}/size`, {
          'company-employees': '12',
          'company-currency': 'GBP',
          'company-turnoverMinor': '2,500,000',
          'company-balanceSheetMinor': '',
          action: 'continue',
        }),
        `${base}/sector-region`,
      );
      await expectRedirect(
        await web.post(`${base}/sector-region`, {
          'company-naceCode': '62.01',
          'company-region': 'north-west',
          action: 'continue',
        }),
        `${base}/export-status`,
      );
      const unknownCountry = await web.post(`${base}/export-status`, {
        'exportStatus-exportedLast12Months': 'yes',
        'exportStatus-exportSharePercent': '15',
        'exportStatus-markets': 'France, Narnia',
        'exportStatus-orderOrigin': 'unsolicited',
        action: 'continue',
      });
      expect(unknownCountry.status).toBe(400);
      expect(textOf(await unknownCountry.text())).toContain(w.unknownCountry);
      await expectRedirect(
        await web.post(`${base}/export-status`, {
          'exportStatus-exportedLast12Months': 'yes',
          'exportStatus-exportSharePercent': '15',
          'exportStatus-markets': w.exportMarkets,
          'exportStatus-orderOrigin': 'unsolicited',
          action: 'continue',
        }),
        `${base}/target-markets`,
      );
      await expectRedirect(
        await web.post(`${base}/target-markets`, { targetMarkets: w.targetMarkets, action: 'continue' }),
        `${base}/barriers`,
      );
      await expectRedirect(
        await web.post(`${base}/barriers`, {
          'barriers-selected': ['operational', 'social_media'],
          'barriers-note': '',
          action: 'continue',
        }),
        `${base}/help`,
      );
      await expectRedirect(
        await web.post(`${base}/help`, { helpWanted: ['market-research'], action: 'continue' }),
        `${base}/consent`,
      );
      await expectRedirect(
        await web.post(`${base}/consent`, { 'consent-dataProcessing': 'yes', action: 'continue' }),
        `${base}/check`,
      );

      const check = await web.get(`${base}/check`);
      expect(check.status).toBe(200);
      const checkText = textOf(await check.text());
      expect(checkText).toContain(w.checkTitle);
      expect(checkText).toContain('Acme Widgets Ltd');
      expect(checkText).toContain(w.marketName);
      expect(checkText).toContain('62.01 – Computer programming activities');

      await expectRedirect(await web.post(`${base}/check`, {}), `${base}/confirmation`);
      const confirmation = await web.get(`${base}/confirmation`);
      expect(confirmation.status).toBe(200);
      expect(textOf(await confirmation.text())).toContain(w.accepted);

      const after = textOf(await (await web.get('/home')).text());
      expect(after).toContain(w.homeStatus);
      const [row] = await api.dataSource.query(
        `SELECT e.status, e.target_markets, e.export_markets, e.turnover_minor, c.stage
         FROM enrolments e JOIN cases c ON c.enrolment_id = e.id WHERE e.registration_number = $1`,
        [registration],
      );
      expect(row).toEqual({
        status: 'eligible',
        target_markets: ['US', 'JP'],
        export_markets: ['FR', 'DE'],
        turnover_minor: '250000000',
        stage: 'passive_exporter',
      });
    },
  );

  it('saves and comes back later: the draft is kept and the home page offers to continue', async () => {
    const web = await signedInSme('en');
    const base = (await web.post('/enrol', {})).headers.get('location')!.replace(/\/company$/, '');
    await expectRedirect(
      await web.post(`${base}/company`, { 'company-legalName': 'Later Ltd', action: 'later' }),
      '/home?saved=1',
    );
    const home = textOf(await (await web.get('/home?saved=1')).text());
    expect(home).toContain('Your answers have been saved');
    expect(home).toContain('Later Ltd');
    expect(home).toContain('Continue your application');
    // Starting again resumes the same draft.
    await expectRedirect(await web.post('/enrol', {}), `${base}/company`);
    expect(await (await web.get(`${base}/company`)).text()).toContain('value="Later Ltd"');
    expect((await web.get(`${base}/no-such-question`)).status).toBe(404);
  });

  it('shows saved amounts again in the language of the page, so saving again changes nothing', async () => {
    const web = await signedInSme('de');
    const base = (await web.post('/enrol', {})).headers.get('location')!.replace(/\/company$/, '');
    const sizeField = async (name: string): Promise<string | undefined> => {
      const html = await (await web.get(`${base}/size`)).text();
      const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? '';
      return /value="([^"]*)"/.exec(input)?.[1];
    };
    const save = async (currency: string, turnover: string, balanceSheet: string) => {
      const res = await web.post(`${base}/size`, {
        'company-employees': '12',
        'company-currency': currency,
        'company-turnoverMinor': turnover,
        'company-balanceSheetMinor': balanceSheet,
        action: 'later',
      });
      await expectRedirect(res, '/home?saved=1');
    };

    // Cents with the German decimal comma, which saving the page again reads back unchanged.
    await save('EUR', '980.000,50', '1.234,05');
    const [{ turnover_minor }] = (await api.dataSource.query(
      `SELECT turnover_minor FROM enrolments WHERE id = $1`,
      [base.split('/')[2]],
    )) as { turnover_minor: string }[];
    expect(turnover_minor).toBe('98000050');
    expect(await sizeField('company-turnoverMinor')).toBe('980000,50');
    expect(await sizeField('company-balanceSheetMinor')).toBe('1234,05');
    await save('EUR', '980000,50', '1234,05');
    expect(await sizeField('company-turnoverMinor')).toBe('980000,50');
  });

  it('shows the missing answers on check-your-answers, linking to the page that asks them', async () => {
    const web = await signedInSme('en');
    const base = (await web.post('/enrol', {})).headers.get('location')!.replace(/\/company$/, '');
    const res = await web.post(`${base}/check`, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain(`href="${base}/sector-region?change=1#company-region"`);
  });

  it('says which country list to choose from when the posted country is not a country', async () => {
    const web = await signedInSme('en');
    const base = (await web.post('/enrol', {})).headers.get('location')!.replace(/\/company$/, '');
    const res = await web.post(`${base}/company`, {
      'company-legalName': 'Acme Widgets Ltd',
      'company-registrationCountry': 'XX',
      action: 'continue',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#company-registrationCountry"');
    expect(textOf(html)).toContain('Select the country where the company is registered');
  });

  it('refuses a form without the CSRF token', async () => {
    const web = await signedInSme('en');
    const res = await web.post('/enrol', { _csrf: 'forged' });
    expect(res.status).toBe(403);
  });

  it('shows another SME a 404 for an enrolment that is not theirs', async () => {
    const owner = await signedInSme('en');
    const base = (await owner.post('/enrol', {})).headers.get('location')!.replace(/\/company$/, '');
    const stranger = await signedInSme('en');
    expect((await stranger.get(`${base}/company`)).status).toBe(404);
    expect(
      (await stranger.post(`${base}/company`, { 'company-legalName': 'Hijack', action: 'later' })).status,
    ).toBe(404);
  });

  it('shows the SME its adviser on the home page once the case is assigned', async () => {
    const { user, password } = await createUser(api, 'sme');
    const token = await tokenFor(api, user.email, password);
    const sme = apiClient(api, token);
    const created = await sme.create(completeAnswers());
    const submitted = await sme.submit(created.body.id);
    const web = await signInWeb(api, user.email, password);
    expect(textOf(await (await web.get('/home')).text())).toContain('We are choosing your adviser');
    const adviser = await createUser(api, 'adviser', { name: 'Ada Adviser' });
    await api.dataSource.query(`UPDATE cases SET assigned_adviser_id = $1, status = 'active' WHERE id = $2`, [
      adviser.user.id,
      submitted.body.case.id,
    ]);
    const home = textOf(await (await web.get('/home')).text());
    expect(home).toContain('Ada Adviser');
    expect(home).toContain(adviser.user.email);
  });

  it('leaves staff on their own home page', async () => {
    const { user, password } = await createUser(api, 'officer');
    const web = await signInWeb(api, user.email, password);
    const res = await web.get('/home');
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).not.toContain('Your export programme');
    expect((await web.get('/enrol')).status).toBe(404);
  });
});
