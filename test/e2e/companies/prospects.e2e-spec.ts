import { randomBytes } from 'node:crypto';
import { buildAdviser, buildToken, buildUser, completeAnswers, type TestUser } from '../../factories';
import { csrfFromHtml, webSession } from '../../support/auth';
import { languageProblems } from '../../support/page-language';
import type { Json } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient } from '../enrolment/enrolment-fixtures';

jest.setTimeout(120_000);

/** Item 6 of issue 24: staff start a case for a company they met; it is a prospect until its contact acts. */
describe('prospects staff record', () => {
  let api: TestApi;
  let adviser: TestUser;
  let adviserApi: ReturnType<typeof apiClient>;
  let officerApi: ReturnType<typeof apiClient>;

  // KPI results are snapshotted for minutes per query: each read asks for a period starting on another day
  // (all of this suite's data is recent, so each period holds the same enrolments).
  let day = 0;
  const enrolled = async (): Promise<number> => {
    day += 1;
    const today = new Date().toISOString().slice(0, 10);
    const report = await officerApi.call(
      'GET',
      `/api/v1/reports/kpis?from=2020-01-${String(day).padStart(2, '0')}&to=${today}`,
    );
    expect(report.status).toBe(200);
    for (const group of report.body.groups as Json[])
      for (const kpi of group.kpis as Json[])
        if (kpi.key === 'reach.enrolments_received') return kpi.value as number;
    throw new Error('no enrolments KPI');
  };
  const invitationLink = async (email: string): Promise<string> => {
    const [mail] = await api.dataSource.query(
      `SELECT body_text, language, subject FROM notification WHERE kind = 'company-invitation.sme' AND recipient_email = $1`,
      [email],
    );
    const match = /\/invitations\/[A-Za-z0-9_.-]+\?lang=[a-z]{2}/.exec(mail.body_text as string);
    if (!match) throw new Error(`no invitation link in ${String(mail.body_text)}`);
    return match[0];
  };

  beforeAll(async () => {
    api = await startTestApi();
    adviser = await buildAdviser(api, { regions: ['north-west'], capacity: 20 });
    adviserApi = apiClient(api, await buildToken(api, adviser.user));
    officerApi = apiClient(api, await buildToken(api, (await buildUser(api, 'officer')).user));
  });
  afterAll(() => api?.close());

  it('records the company and a draft on its behalf, invites the contact, and counts nothing as enrolled until they submit', async () => {
    const before = await enrolled();
    const registrationNumber = `SC${randomBytes(4).toString('hex').toUpperCase()}`;
    const email = `lucia.${randomBytes(3).toString('hex')}@example.test`;
    const res = await adviserApi.call('POST', '/api/v1/companies/prospects', {
      legalName: 'Olivos del Sur Ltd',
      registrationNumber,
      registrationCountry: 'GB',
      region: 'north-west',
      postcode: 'm2 5pd',
      naceCode: '62.01',
      employees: 9,
      source: 'event',
      contact: {
        name: 'Lucía Gómez',
        jobRole: 'Owner',
        email,
        preferredLanguage: 'es',
        consentToContact: true,
      },
    });
    expect(res.status).toBe(201);
    const { companyId, enrolmentId } = res.body as { companyId: string; enrolmentId: string };
    const company = await adviserApi.call('GET', `/api/v1/companies/${companyId}`);
    expect(company.status).toBe(200);
    expect(company.body).toMatchObject({
      status: 'prospect',
      prospectSource: 'event',
      postcode: 'M2 5PD',
      cases: [],
    });
    expect(company.body.contacts).toEqual([
      expect.objectContaining({ email, isPrimary: true, userId: null, invitedAt: expect.any(String) }),
    ]);
    const [draft] = await api.dataSource.query(
      `SELECT user_id, created_by_id, status FROM enrolments WHERE id = $1`,
      [enrolmentId],
    );
    expect(draft).toEqual({ user_id: null, created_by_id: adviser.user.id, status: 'draft' });
    // Not enrolled: no case, not in the caseload, not in the KPIs.
    expect(
      (await adviserApi.call('GET', '/api/v1/cases')).body.items.map(
        (c: Json) => c.companyId ?? c.company?.id,
      ),
    ).not.toContain(companyId);
    expect(await enrolled()).toBe(before);

    // The invitation: in Spanish, a signed link that needs no sign-in.
    const [mail] = await api.dataSource.query(
      `SELECT language, subject FROM notification WHERE kind = 'company-invitation.sme' AND recipient_email = $1`,
      [email],
    );
    expect(mail).toMatchObject({ language: 'es', subject: expect.stringContaining('Olivos del Sur Ltd') });
    const link = await invitationLink(email);
    const visitor = webSession(api);
    const page = await visitor.get(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="es"');
    expect(html).toContain('Olivos del Sur Ltd');
    // The page the contact sees is in their language, and in the other two when they switch.
    for (const lang of ['en', 'es', 'de'] as const) {
      const other = await webSession(api).get(link.replace(/lang=[a-z]{2}/, `lang=${lang}`));
      expect(languageProblems(await other.text(), lang)).toEqual([]);
    }
    const forged = link.replace(
      /\/invitations\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/,
      (_m, a: string, b: string) => `/invitations/${a}.${b.slice(0, -2)}xx`,
    );
    expect((await visitor.get(forged)).status).toBe(404);

    const path = link.split('?')[0];
    const csrf = csrfFromHtml(html);
    const noConsent = await visitor.post(path, {
      _csrf: csrf,
      name: 'Lucía Gómez',
      password: 'olivos-cordoba-2026-prensa',
    });
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain('govuk-error-summary');
    const password = 'olivos-cordoba-2026-prensa';
    const accepted = await visitor.post(path, {
      _csrf: csrf,
      name: 'Lucía Gómez',
      password,
      consentToContact: 'true',
    });
    expect(accepted.status).toBe(303);
    expect((await visitor.get(path)).status).toBe(404); // used once
    const [user] = await api.dataSource.query(`SELECT id, role FROM users WHERE email = $1`, [email]);
    expect(user.role).toBe('sme');
    const [linked] = await api.dataSource.query(
      `SELECT cc.user_id, cc.consent_to_contact, e.user_id AS draft_user FROM company_contacts cc, enrolments e
        WHERE cc.company_id = $1 AND e.id = $2`,
      [companyId, enrolmentId],
    );
    expect(linked).toEqual({ user_id: user.id, consent_to_contact: true, draft_user: user.id });
    expect(await enrolled()).toBe(before);

    // The contact signs in, checks and completes the answers, and submits: now the company is enrolled.
    const token = (await (
      await fetch(`${api.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).json()) as { token?: string; accessToken?: string };
    const sme = apiClient(api, (token.token ?? token.accessToken)!);
    const mine = await sme.get(enrolmentId);
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('draft');
    const answers = completeAnswers({ company: { legalName: 'Olivos del Sur Ltd', registrationNumber } });
    const patched = await sme.patch(enrolmentId, answers, { 'if-match': `"${mine.body.version}"` });
    expect(patched.status).toBe(200);
    const submitted = await sme.submit(enrolmentId);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('eligible');
    const after = await officerApi.call('GET', `/api/v1/companies/${companyId}`);
    expect(after.body.status).toBe('enrolled');
    expect(after.body.cases).toHaveLength(1);
    expect(await enrolled()).toBe(before + 1);
  });

  it('refuses what it cannot record: a known company (409 naming it), bad fields (400), an SME (404)', async () => {
    const registrationNumber = `SC${randomBytes(4).toString('hex').toUpperCase()}`;
    const body = {
      legalName: 'Twice Recorded Ltd',
      registrationNumber,
      registrationCountry: 'GB',
      region: 'north-west',
      naceCode: '62.01',
      employees: 3,
      source: 'phone',
      contact: {
        name: 'Sam Lee',
        email: `sam.${randomBytes(3).toString('hex')}@example.test`,
        preferredLanguage: 'en',
      },
    };
    const key = { 'idempotency-key': `prospect-${registrationNumber}` };
    const first = await adviserApi.call('POST', '/api/v1/companies/prospects', body, key);
    expect(first.status).toBe(201);
    // A retry with the same Idempotency-Key gets the first answer and records nothing more.
    const retried = await adviserApi.call('POST', '/api/v1/companies/prospects', body, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);
    const again = await adviserApi.call('POST', '/api/v1/companies/prospects', {
      ...body,
      registrationNumber: registrationNumber.toLowerCase(),
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'company.exists', companyId: first.body.companyId });
    const bad = await adviserApi.call('POST', '/api/v1/companies/prospects', {
      ...body,
      source: 'carrier pigeon',
      region: 'atlantis',
      contact: { ...body.contact, email: 'x' },
    });
    expect(bad.status).toBe(400);
    const sme = apiClient(api, await buildToken(api, (await buildUser(api, 'sme')).user));
    expect((await sme.call('POST', '/api/v1/companies/prospects', body)).status).toBe(404);
  });

  it('has the staff form with an error summary, then the company page', async () => {
    const { signInWeb } = await import('../../support/auth');
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    expect((await web.get('/companies/new')).status).toBe(200);
    const wrong = await web.post('/companies/new', { legalName: '', source: 'event', contactLanguage: 'en' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('govuk-error-summary');
    const ok = await web.post('/companies/new', {
      source: 'referral',
      legalName: 'Fjord Lines AS',
      registrationNumber: `SC${randomBytes(4).toString('hex').toUpperCase()}`,
      registrationCountry: 'GB',
      region: 'north-west',
      naceCode: '62.01',
      employees: '4',
      contactName: 'Ingrid Berg',
      contactEmail: `ingrid.${randomBytes(3).toString('hex')}@example.test`,
      contactLanguage: 'de',
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(/^\/companies\/[0-9a-f-]{36}\?notice=prospect_recorded$/);
    const page = await web.get(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Fjord Lines AS');
  });
});
