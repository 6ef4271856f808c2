import { buildCase, buildToken, buildUser, type SmeCase, type TestUser } from '../../factories';
import { csrfFromHtml, signInWeb, type WebSession } from '../../support/auth';
import { jsonCaller, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';

const BOOT_TIMEOUT_MS = 180_000;

/** A valid opportunity, with what a test changes. */
const opportunity = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  market: 'DE',
  product: 'Organic oat biscuits',
  buyerType: 'distributor',
  source: 'social_media',
  valueMinor: 2_500_000,
  currency: 'EUR',
  likelihood: 'medium',
  expectedOn: '2027-02-15',
  ...overrides,
});

describe('export opportunities: API, access, pipeline and pages', () => {
  let api: TestApi;
  let adviser: TestUser;
  let otherAdviser: TestUser;
  let officer: TestUser;
  let strangerSme: TestUser;
  let mine: SmeCase;
  let theirs: SmeCase;
  const tokens: Record<string, string> = {};
  const call = jsonCaller(() => api.url);

  const audits = (id: string): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT action, before, after FROM audit_event WHERE entity_type = 'export_opportunity' AND entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
  const staleFollowUps = (id: string): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT status, anchor_at, assignee_id FROM follow_up WHERE rule_code = 'opportunity-stale' AND subject_key = $1 ORDER BY created_at`,
      [id],
    );
  const create = async (caseId: string, token: string, body: Record<string, unknown> = opportunity()) =>
    call('POST', `/api/v1/cases/${caseId}/opportunities`, token, body);
  const patch = async (id: string, token: string, body: unknown, ifMatch?: string) => {
    const res = await fetch(`${api.url}/api/v1/opportunities/${id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, etag: res.headers.get('etag'), json: (await res.json()) as Json };
  };

  beforeAll(async () => {
    api = await startTestApi();
    adviser = await buildUser(api, 'adviser');
    otherAdviser = await buildUser(api, 'adviser');
    officer = await buildUser(api, 'officer');
    strangerSme = await buildUser(api, 'sme');
    mine = await buildCase(api, { adviserId: adviser.user.id, company: { naceCode: '10.72' } });
    theirs = await buildCase(api, { adviserId: otherAdviser.user.id });
    for (const [name, who] of Object.entries({ adviser, otherAdviser, officer, strangerSme, sme: mine.sme }))
      tokens[name] = await buildToken(api, who.user);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api.close());

  it('records an opportunity with its audit row and a stale-opportunity follow-up for the adviser', async () => {
    const res = await create(mine.caseId, tokens.adviser);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      caseId: mine.caseId,
      market: 'DE',
      source: 'social_media',
      valueMinor: 2_500_000,
      currency: 'EUR',
      status: 'prospect',
      version: 1,
    });
    const [audit] = await audits(res.json.id as string);
    expect(audit.action).toBe('export_opportunity.recorded');
    expect(audit.after).toMatchObject({ market: 'DE', valueMinor: 2_500_000, status: 'prospect' });
    const followUps = await staleFollowUps(res.json.id as string);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ status: 'scheduled', assignee_id: adviser.user.id });
    expect(new Date(followUps[0].anchor_at as string).toISOString().slice(0, 10)).toBe('2027-02-15');
  });

  it('refuses invalid fields with a field list, writing nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM export_opportunities`);
    const bad = await create(mine.caseId, tokens.adviser, opportunity({ market: 'XX', buyerType: 'friend' }));
    expect(bad.status).toBe(400);
    const fields = (bad.json.errors as Json[]).map((e) => e.field).sort();
    expect(fields).toEqual(['buyerType', 'market']);
    const notADay = await create(mine.caseId, tokens.adviser, opportunity({ expectedOn: '2027-02-30' }));
    expect(notADay.status).toBe(400);
    expect((notADay.json.errors as Json[]).map((e) => e.field)).toEqual(['expectedOn']);
    const after = await api.dataSource.query(`SELECT count(*)::int AS n FROM export_opportunities`);
    expect(after).toEqual(before);
  });

  it("lets the case's SME read them, and nobody else who is not on the case (404, audited)", async () => {
    const { json: created } = await create(
      mine.caseId,
      tokens.adviser,
      opportunity({ product: 'Oat crackers' }),
    );
    const own = await call('GET', `/api/v1/cases/${mine.caseId}/opportunities`, tokens.sme);
    expect(own.status).toBe(200);
    expect((own.json.items as Json[]).map((o) => o.product)).toContain('Oat crackers');
    expect((await call('GET', `/api/v1/opportunities/${created.id}`, tokens.sme)).status).toBe(200);

    for (const who of ['strangerSme', 'otherAdviser']) {
      expect((await call('GET', `/api/v1/cases/${mine.caseId}/opportunities`, tokens[who])).status).toBe(404);
      expect((await call('GET', `/api/v1/opportunities/${created.id}`, tokens[who])).status).toBe(404);
      expect((await patch(created.id as string, tokens[who], { likelihood: 'high' }, '"1"')).status).toBe(
        404,
      );
    }
    // The SME reads but does not change: staff record opportunities.
    expect((await create(mine.caseId, tokens.sme)).status).toBe(404);
    expect((await patch(created.id as string, tokens.sme, { likelihood: 'high' }, '"1"')).status).toBe(404);
    const denials = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND actor_id = $1`,
      [otherAdviser.user.id],
    );
    expect(denials[0].n).toBeGreaterThanOrEqual(3);
    expect((await call('GET', `/api/v1/opportunities/${created.id}`, tokens.officer)).status).toBe(200);
  });

  it('changes only with the version read (If-Match), moves along its statuses and needs a reason to lose', async () => {
    const { json: created } = await create(mine.caseId, tokens.adviser);
    const id = created.id as string;
    const noVersion = await patch(id, tokens.adviser, { likelihood: 'high' });
    expect(noVersion.status).toBe(400);
    expect((noVersion.json.errors as Json[])[0].field).toBe('version');

    const moved = await patch(id, tokens.adviser, { status: 'active', likelihood: 'high' }, '"1"');
    expect(moved.status).toBe(200);
    expect(moved.etag).toBe('"2"');
    expect(moved.json).toMatchObject({ status: 'active', likelihood: 'high', version: 2 });

    const stale = await patch(id, tokens.adviser, { notes: 'lost race' }, '"1"');
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'opportunity.version_conflict', currentVersion: 2 });

    const noReason = await patch(id, tokens.adviser, { status: 'lost' }, '"2"');
    expect(noReason.status).toBe(400);
    expect((noReason.json.errors as Json[]).map((e) => e.field)).toEqual(['closeReason']);
    const backwards = await patch(id, tokens.adviser, { status: 'prospect' }, '"2"');
    expect(backwards.status).toBe(400);
    expect((backwards.json.errors as Json[]).map((e) => e.field)).toEqual(['status']);

    const won = await patch(id, tokens.adviser, { status: 'won' }, 'W/"2"');
    expect(won.status).toBe(200);
    expect((await audits(id)).map((a) => a.action)).toEqual([
      'export_opportunity.recorded',
      'export_opportunity.moved',
      'export_opportunity.moved',
    ]);
    // Won: nothing left to chase; every earlier reminder was replaced or completed.
    const followUps = await staleFollowUps(id);
    expect(followUps.filter((f) => f.status === 'scheduled')).toEqual([]);
    expect(followUps.at(-1)!.status).toBe('done');
  });

  it("totals the pipeline per currency, weighted by likelihood: an adviser's own cases, an officer's all", async () => {
    // A fresh market code for this test's rows, so earlier tests' opportunities do not count.
    await create(
      mine.caseId,
      tokens.adviser,
      opportunity({ market: 'JP', valueMinor: 1_000_000, likelihood: 'low', expectedOn: '2027-04-10' }),
    );
    await create(
      mine.caseId,
      tokens.adviser,
      opportunity({
        market: 'JP',
        valueMinor: 3_000_000,
        likelihood: 'high',
        expectedOn: '2027-06-30',
        status: 'active',
      }),
    );
    await create(
      mine.caseId,
      tokens.adviser,
      opportunity({
        market: 'JP',
        valueMinor: 500_000,
        currency: 'USD',
        likelihood: 'medium',
        expectedOn: '2027-05-01',
      }),
    );
    await create(
      theirs.caseId,
      tokens.otherAdviser,
      opportunity({ market: 'JP', valueMinor: 7_000_000, likelihood: 'high', expectedOn: '2027-05-05' }),
    );

    const own = await call('GET', '/api/v1/opportunities?market=JP', tokens.adviser);
    expect(own.status).toBe(200);
    expect(own.json.total).toBe(3);
    // 1 000 000 × 20 % + 3 000 000 × 80 % = 2 600 000; 500 000 × 50 % = 250 000.
    expect(own.json.totals).toEqual([
      { currency: 'EUR', count: 2, valueMinor: 4_000_000, weightedMinor: 2_600_000 },
      { currency: 'USD', count: 1, valueMinor: 500_000, weightedMinor: 250_000 },
    ]);
    expect((own.json.items as Json[]).map((o) => o.expectedOn)).toEqual([
      '2027-04-10',
      '2027-05-01',
      '2027-06-30',
    ]);

    const all = await call('GET', '/api/v1/opportunities?market=jp&quarter=2027-q2', tokens.officer);
    expect(all.json.total).toBe(4);
    expect((all.json.totals as Json[])[0]).toEqual({
      currency: 'EUR',
      count: 3,
      valueMinor: 11_000_000,
      weightedMinor: 8_200_000,
    });
    const active = await call('GET', '/api/v1/opportunities?market=JP&status=active', tokens.officer);
    expect((active.json.items as Json[]).map((o) => o.valueMinor)).toEqual([3_000_000]);
    const firstQuarter = await call('GET', '/api/v1/opportunities?market=JP&quarter=2027-Q1', tokens.officer);
    expect(firstQuarter.json.total).toBe(0);
    const sector = await call('GET', '/api/v1/opportunities?market=JP&sector=C', tokens.officer);
    expect(sector.json.total).toBe(3); // 10.72 is manufacturing (C); the other case's company is not

    const bad = await call('GET', '/api/v1/opportunities?quarter=2027-Q5', tokens.officer);
    expect(bad.status).toBe(400);
    expect((bad.json.errors as Json[])[0].field).toBe('quarter');
    expect((await call('GET', '/api/v1/opportunities', tokens.sme)).status).toBe(404);
  });

  describe('pages', () => {
    let web: WebSession;
    beforeAll(async () => {
      web = await signInWeb(api, adviser.user.email, adviser.password);
    });

    it('adds an opportunity through the form, with the GOV.UK error summary first', async () => {
      const form = await web.get(`/cases/${mine.caseId}/opportunities/new`);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('name="_csrf"');

      const wrong = await web.post(`/cases/${mine.caseId}/opportunities`, {
        market: 'Germany',
        product: '',
        value: 'lots',
        currency: 'EUR',
        expectedOn: '2027-03-01',
      });
      expect(wrong.status).toBe(400);
      const errors = await wrong.text();
      expect(errors).toContain('govuk-error-summary');
      for (const href of ['#market', '#product', '#buyerType', '#source', '#value', '#likelihood'])
        expect(errors).toContain(`href="${href}"`);
      expect(errors).toContain('Enter a two-letter country code, like DE');

      const noToken = await web.post(`/cases/${mine.caseId}/opportunities`, { _csrf: 'forged' });
      expect(noToken.status).toBe(403);

      const added = await web.post(`/cases/${mine.caseId}/opportunities`, {
        market: 'fr',
        product: 'Cider vinegar',
        buyerType: 'marketplace',
        source: 'event',
        value: '12,500.50',
        currency: 'eur',
        likelihood: 'high',
        expectedOn: '2027-09-30',
        status: 'active',
        notes: 'Met at SIAL',
      });
      expect(added.status).toBe(303);
      expect(added.headers.get('location')).toBe(`/cases/${mine.caseId}/opportunities?notice=added`);
      const [row] = await api.dataSource.query(
        `SELECT market, currency, value_minor, status FROM export_opportunities WHERE product = 'Cider vinegar'`,
      );
      expect(row).toEqual({ market: 'FR', currency: 'EUR', value_minor: '1250050', status: 'active' });
      const list = await (await web.get(`/cases/${mine.caseId}/opportunities?notice=added`)).text();
      expect(list).toContain('Cider vinegar');
      expect(list).toContain('€12,500.50');
    });

    it('edits with the version the form was read at: a stale form is refused with what is saved now', async () => {
      const { json: created } = await create(
        mine.caseId,
        tokens.adviser,
        opportunity({ product: 'Rye bread' }),
      );
      const path = `/cases/${mine.caseId}/opportunities/${created.id}`;
      const page = await (await web.get(`${path}?lang=de`)).text();
      expect(page).toContain('name="version" value="1"');
      expect(page).toContain('value="25000,00"'); // the value in major units, as German writes it
      const fields = {
        _csrf: csrfFromHtml(page),
        market: 'DE',
        product: 'Rye bread',
        buyerType: 'distributor',
        source: 'social_media',
        value: '25000,00',
        currency: 'EUR',
        likelihood: 'medium',
        expectedOn: '2027-02-15',
        status: 'lost',
        closeReason: '',
        notes: '',
        version: '1',
      };
      const noReason = await web.post(path, fields);
      expect(noReason.status).toBe(400);
      expect(await noReason.text()).toContain('href="#closeReason"');

      await patch(created.id as string, tokens.officer, { likelihood: 'high' }, '"1"');
      const stale = await web.post(path, { ...fields, closeReason: 'Chose a local supplier' });
      expect(stale.status).toBe(409);
      const refused = await stale.text();
      expect(refused).toContain('name="version" value="2"');

      const saved = await web.post(path, { ...fields, closeReason: 'Chose a local supplier', version: '2' });
      expect(saved.status).toBe(303);
      const [row] = await api.dataSource.query(
        `SELECT status, close_reason, version FROM export_opportunities WHERE id = $1`,
        [created.id],
      );
      expect(row).toEqual({ status: 'lost', close_reason: 'Chose a local supplier', version: 3 });
    });

    it("shows the pipeline's totals in the page's language, and refuses a bad filter with an error summary", async () => {
      const page = await web.get('/pipeline?market=JP&lang=de');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Export-Pipeline');
      expect(html.replace(/\u00a0/g, ' ')).toContain('26.000,00 €'); // 2 600 000 cents, weighted
      const bad = await web.get('/pipeline?quarter=soon');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('href="#quarter"');
      const sme = await signInWeb(api, mine.sme.user.email, mine.sme.password);
      expect((await sme.get('/pipeline')).status).toBe(404);
      expect((await sme.get(`/cases/${mine.caseId}/opportunities`)).status).toBe(404);
    });
  });
});
