import { randomBytes } from 'node:crypto';
import {
  assignCase,
  buildAdviser,
  buildSmeCase,
  buildToken,
  buildUser,
  type SmeCase,
  type TestUser,
} from '../../factories';
import { CaseFollowUps } from '@app/follow-ups';
import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient } from '../enrolment/enrolment-fixtures';

jest.setTimeout(120_000);

/** Items 3 and 4 of issue 24: the company page, its search, contacts and staff corrections. */
describe('the company record', () => {
  let api: TestApi;
  let officer: TestUser;
  let adviser: TestUser;
  let otherAdviser: TestUser;
  let admin: TestUser;
  let kase: SmeCase;
  let officerApi: ReturnType<typeof apiClient>;
  let adviserApi: ReturnType<typeof apiClient>;
  let otherAdviserApi: ReturnType<typeof apiClient>;
  const name = `Harbour Kilns ${randomBytes(3).toString('hex')} Ltd`;

  beforeAll(async () => {
    api = await startTestApi();
    officer = await buildUser(api, 'officer');
    admin = await buildUser(api, 'admin');
    adviser = await buildAdviser(api, { regions: ['north-west'], capacity: 20 });
    otherAdviser = await buildAdviser(api, { regions: ['london'], capacity: 20 });
    kase = await buildSmeCase(api, { answers: { company: { legalName: name, tradingName: 'Kilnworks' } } });
    await assignCase(api, kase.caseId, adviser.user.id);
    officerApi = apiClient(api, await buildToken(api, officer.user));
    adviserApi = apiClient(api, await buildToken(api, adviser.user));
    otherAdviserApi = apiClient(api, await buildToken(api, otherAdviser.user));
  });
  afterAll(() => api?.close());

  it('shows identity, contacts, every case and one activity feed, newest first and paged', async () => {
    const res = await officerApi.call('GET', `/api/v1/companies/${kase.companyId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({
      id: kase.companyId,
      legalName: name,
      tradingName: 'Kilnworks',
      region: 'north-west',
      status: 'enrolled',
      cases: [{ id: kase.caseId, status: 'active' }],
    });
    // The SME who enrolled is the company's primary contact.
    expect(res.body.contacts).toEqual([
      expect.objectContaining({ userId: kase.sme.user.id, email: kase.sme.user.email, isPrimary: true }),
    ]);
    const first = await officerApi.call('GET', `/api/v1/companies/${kase.companyId}/activity?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await officerApi.call(
      'GET',
      `/api/v1/companies/${kase.companyId}/activity?limit=100&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const all = [...first.body.items, ...rest.body.items] as { at: string; source: string; kind: string }[];
    const times = all.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const kinds = all.map((i) => `${i.source}:${i.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'timeline:case.opened',
        'timeline:assignment.started',
        'email:case-opened.sme',
        'record:company.created',
      ]),
    );
    // A cursor of another company's feed is refused, not followed.
    const foreign = await officerApi.call(
      'GET',
      `/api/v1/companies/${(await buildSmeCase(api)).companyId}/activity?cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(foreign.status).toBe(400);
  });

  it('is for staff who may see the company: 404 for another adviser, an admin and an SME', async () => {
    expect((await adviserApi.call('GET', `/api/v1/companies/${kase.companyId}`)).status).toBe(200);
    expect((await otherAdviserApi.call('GET', `/api/v1/companies/${kase.companyId}`)).status).toBe(404);
    const adminApi = apiClient(api, await buildToken(api, admin.user));
    expect((await adminApi.call('GET', `/api/v1/companies/${kase.companyId}`)).status).toBe(404);
    const smeApi = apiClient(api, await buildToken(api, kase.sme.user));
    expect((await smeApi.call('GET', `/api/v1/companies/${kase.companyId}`)).status).toBe(404);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND entity_type = 'company' AND entity_id = $1`,
      [kase.companyId],
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('finds companies by fuzzy name, trading name, registration number, postcode and contact email', async () => {
    const find = async (client: ReturnType<typeof apiClient>, q: string) =>
      ((await client.call('GET', `/api/v1/companies?q=${encodeURIComponent(q)}`)).body.items ?? []).map(
        (i: { id: string }) => i.id,
      );
    const [reg] = await api.dataSource.query(`SELECT registration_number FROM companies WHERE id = $1`, [
      kase.companyId,
    ]);
    expect(await find(officerApi, name.replace('Kilns', 'Kilms'))).toContain(kase.companyId); // a typo
    expect(await find(officerApi, 'kilnwork')).toContain(kase.companyId);
    expect(await find(officerApi, reg.registration_number.toLowerCase())).toContain(kase.companyId);
    expect(await find(officerApi, kase.sme.user.email.toUpperCase())).toContain(kase.companyId);
    expect(await find(officerApi, 'Nothing Like It Anywhere')).not.toContain(kase.companyId);
    // An adviser finds the companies of its cases, not the others'.
    expect(await find(adviserApi, name)).toContain(kase.companyId);
    expect(await find(otherAdviserApi, name)).not.toContain(kase.companyId);
  });

  it('lets the case adviser correct the details with If-Match, audited before and after; a stale version is 409', async () => {
    const read = await adviserApi.call('GET', `/api/v1/companies/${kase.companyId}`);
    const version = read.body.version as number;
    const res = await adviserApi.call(
      'PATCH',
      `/api/v1/companies/${kase.companyId}`,
      { tradingName: 'Kilnworks North', postcode: 'm1 1ae', employees: 14 },
      { 'if-match': `"${version}"` },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tradingName: 'Kilnworks North', postcode: 'M1 1AE', employees: 14 });
    expect(res.body.version).toBe(version + 1);
    const [audit] = await api.dataSource.query(
      `SELECT before, after, actor_id FROM audit_event WHERE action = 'company.corrected' AND entity_id = $1`,
      [kase.companyId],
    );
    expect(audit.actor_id).toBe(adviser.user.id);
    expect(audit.before).toMatchObject({ tradingName: 'Kilnworks', employees: 12 });
    expect(audit.after).toMatchObject({ tradingName: 'Kilnworks North', employees: 14, postcode: 'M1 1AE' });
    const stale = await adviserApi.call(
      'PATCH',
      `/api/v1/companies/${kase.companyId}`,
      { employees: 15 },
      { 'if-match': `"${version}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('company.version_conflict');
    const bad = await officerApi.call(
      'PATCH',
      `/api/v1/companies/${kase.companyId}`,
      { region: 'atlantis', website: 'not a url' },
      { 'if-match': `"${version + 1}"` },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['website']);
    const unknownRegion = await officerApi.call(
      'PATCH',
      `/api/v1/companies/${kase.companyId}`,
      { region: 'atlantis' },
      { 'if-match': `"${version + 1}"` },
    );
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.body.errors[0]).toMatchObject({ field: 'region' });
    const noVersion = await officerApi.call('PATCH', `/api/v1/companies/${kase.companyId}`, { employees: 3 });
    expect(noVersion.status).toBe(400);
    expect(
      (
        await otherAdviserApi.call(
          'PATCH',
          `/api/v1/companies/${kase.companyId}`,
          { employees: 3 },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(404);
  });

  it('keeps several contacts; one primary gets the emails in their language; archived ones stay in the history', async () => {
    const added = await adviserApi.call('POST', `/api/v1/companies/${kase.companyId}/contacts`, {
      name: 'Greta Vogel',
      jobRole: 'Export manager',
      email: 'Greta.Vogel@example.test',
      phone: '+49 30 1234567',
      preferredLanguage: 'de',
      isPrimary: true,
      consentToContact: true,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      email: 'greta.vogel@example.test',
      isPrimary: true,
      preferredLanguage: 'de',
    });
    const view = await adviserApi.call('GET', `/api/v1/companies/${kase.companyId}`);
    const primaries = view.body.contacts.filter((c: { isPrimary: boolean }) => c.isPrimary);
    expect(primaries).toEqual([expect.objectContaining({ id: added.body.id })]);
    const invalid = await adviserApi.call('POST', `/api/v1/companies/${kase.companyId}/contacts`, {
      name: '',
      email: 'nope',
      preferredLanguage: 'fr',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'name',
      'preferredLanguage',
    ]);

    // A reminder email about the case now goes to the primary contact, in German.
    const smeContact = await api.dataSource.query(
      `SELECT id FROM company_contacts WHERE company_id = $1 AND user_id = $2`,
      [kase.companyId, kase.sme.user.id],
    );
    const recipient = await api.dataSource.transaction((m) =>
      api.app.get(CaseFollowUps).smeContact(m, kase.caseId),
    );
    expect(recipient).toMatchObject({
      email: 'greta.vogel@example.test',
      language: 'de',
      name: 'Greta Vogel',
    });

    const edited = await adviserApi.call(
      'PUT',
      `/api/v1/companies/${kase.companyId}/contacts/${added.body.id}`,
      {
        name: 'Greta Vogel-Braun',
        email: 'greta.vogel@example.test',
        preferredLanguage: 'de',
        isPrimary: true,
      },
      { 'if-match': `"${added.body.version}"` },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.name).toBe('Greta Vogel-Braun');
    const archived = await adviserApi.call(
      'POST',
      `/api/v1/companies/${kase.companyId}/contacts/${added.body.id}/archive`,
      {},
    );
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ isPrimary: false, archivedAt: expect.any(String) });
    // Primary passes back to the remaining contact; the archived one is still listed.
    const after = await adviserApi.call('GET', `/api/v1/companies/${kase.companyId}`);
    expect(after.body.contacts.find((c: { id: string }) => c.id === smeContact[0].id).isPrimary).toBe(true);
    expect(after.body.contacts.find((c: { id: string }) => c.id === added.body.id).archivedAt).not.toBeNull();
    const actions = (
      await api.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_type = 'company_contact' AND entity_id = $1 ORDER BY id`,
        [added.body.id],
      )
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['company_contact.added', 'company_contact.updated', 'company_contact.archived']);
    expect(
      (
        await otherAdviserApi.call('POST', `/api/v1/companies/${kase.companyId}/contacts`, {
          name: 'X',
          email: 'x@example.test',
          preferredLanguage: 'en',
        })
      ).status,
    ).toBe(404);
  });

  it('has the staff pages: search, the company, corrections and contacts with their error summaries', async () => {
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const search = await web.get(`/companies?q=${encodeURIComponent(name)}`);
    expect(search.status).toBe(200);
    expect(await search.text()).toContain(`/companies/${kase.companyId}`);
    const page = await web.get(`/companies/${kase.companyId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="company-activity"');
    expect(html).toContain('id="company-contacts"');
    const form = await web.get(`/companies/${kase.companyId}/edit`);
    const version = /name="version" value="(\d+)"/.exec(await form.text())![1];
    const wrong = await web.post(`/companies/${kase.companyId}/edit`, {
      version,
      legalName: name,
      region: 'north-west',
      naceCode: '62.01',
      employees: 'many',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('govuk-error-summary');
    const ok = await web.post(`/companies/${kase.companyId}/edit`, {
      version,
      legalName: name,
      region: 'north-west',
      naceCode: '62.01',
      employees: '16',
      website: 'https://kilns.example',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/companies/${kase.companyId}?notice=corrected`);
    const contact = await web.post(`/companies/${kase.companyId}/contacts/new`, {
      name: 'Ana Ruiz',
      email: 'ana.ruiz@example.test',
      preferredLanguage: 'es',
      consentToContact: 'true',
    });
    expect(contact.status).toBe(303);
    const other = await signInWeb(api, otherAdviser.user.email, otherAdviser.password);
    expect((await other.get(`/companies/${kase.companyId}`)).status).toBe(404);
    expect((await other.get(`/companies/${kase.companyId}/edit`)).status).toBe(404);
  });
});
