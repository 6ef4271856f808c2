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
    mine = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { naceCode: '10.72', region: 'london' },
    });
    theirs = await buildCase(api, { adviserId: otherAdviser.user.id });
    for (const [name, who] of Object.entries({ adviser, otherAdviser, officer, strangerSme, sme: mine.sme }))
      tokens[name] = await buildToken(api, who.user);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('records an opportunity with its audit row and a stale-opportunity follow-up for the adviser', async () => {
    const res = await create(mine.caseId, tokens.adviser);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      caseId: mine.caseId,
      market: 'DE',
      source: 'social_media',
      value: { amountMinor: 2_500_000, currency: 'EUR', formatted: '€25,000.00' },
      status: 'prospect',
      version: 1,
    });
    expect(res.json).not.toHaveProperty('valueMinor');
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
    const eur = (amountMinor: number, formatted: string) => ({ amountMinor, currency: 'EUR', formatted });
    expect(own.json.totals).toEqual([
      {
        currency: 'EUR',
        count: 2,
        value: eur(4_000_000, '€40,000.00'),
        weighted: eur(2_600_000, '€26,000.00'),
      },
      {
        currency: 'USD',
        count: 1,
        value: { amountMinor: 500_000, currency: 'USD', formatted: 'US$5,000.00' },
        weighted: { amountMinor: 250_000, currency: 'USD', formatted: 'US$2,500.00' },
      },
    ]);
    // Every currency in EUR at today's rates (config/exchange-rates.yaml: USD 0.92 from 2026-01-01):
    // 4 000 000 + 500 000 × 0.92 = 4 460 000; weighted 2 600 000 + 250 000 × 0.92 = 2 830 000.
    expect(own.json.inReportingCurrency).toEqual({
      on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      value: eur(4_460_000, '€44,600.00'),
      weighted: eur(2_830_000, '€28,300.00'),
      rates: [{ currency: 'USD', rate: 0.92, from: '2026-01-01' }],
      missingRates: [],
    });
    expect(own.json).toMatchObject({ nextCursor: null, limit: 50 });
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
      value: eur(11_000_000, '€110,000.00'),
      weighted: eur(8_200_000, '€82,000.00'),
    });
    const active = await call('GET', '/api/v1/opportunities?market=JP&status=active', tokens.officer);
    expect((active.json.items as Json[]).map((o) => o.value)).toEqual([eur(3_000_000, '€30,000.00')]);
    expect((active.json.items as Json[])[0].weighted).toEqual(eur(2_400_000, '€24,000.00'));
    const firstQuarter = await call('GET', '/api/v1/opportunities?market=JP&quarter=2027-Q1', tokens.officer);
    expect(firstQuarter.json.total).toBe(0);
    const sector = await call('GET', '/api/v1/opportunities?market=JP&sector=C', tokens.officer);
    expect(sector.json.total).toBe(3); // 10.72 is manufacturing (C); the other case's company is not
    // The totals join the case only for filters on it (total is their count): by region, only mine's.
    const region = await call('GET', '/api/v1/opportunities?market=JP&region=london', tokens.officer);
    expect(region.json.total).toBe(3);
    expect((region.json.items as Json[]).map((o) => o.caseId)).toEqual([
      mine.caseId,
      mine.caseId,
      mine.caseId,
    ]);

    const bad = await call('GET', '/api/v1/opportunities?quarter=2027-Q5', tokens.officer);
    expect(bad.status).toBe(400);
    expect((bad.json.errors as Json[])[0].field).toBe('quarter');
    expect((await call('GET', '/api/v1/opportunities', tokens.sme)).status).toBe(404);
  });

  it('pages the pipeline by expected date with a signed cursor, the totals covering every page', async () => {
    for (const expectedOn of ['2027-08-03', '2027-08-01', '2027-08-02'])
      await create(
        mine.caseId,
        tokens.adviser,
        opportunity({ market: 'AU', valueMinor: 100_000, expectedOn }),
      );
    const first = await call('GET', '/api/v1/opportunities?market=AU&limit=2', tokens.officer);
    expect(first.status).toBe(200);
    expect((first.json.items as Json[]).map((o) => o.expectedOn)).toEqual(['2027-08-01', '2027-08-02']);
    expect(first.json).toMatchObject({ limit: 2, total: 3 });
    expect((first.json.totals as Json[])[0]).toMatchObject({ count: 3, value: { amountMinor: 300_000 } });
    expect(typeof first.json.nextCursor).toBe('string');

    const cursor = encodeURIComponent(first.json.nextCursor as string);
    const second = await call(
      'GET',
      `/api/v1/opportunities?market=AU&limit=2&cursor=${cursor}`,
      tokens.officer,
    );
    expect((second.json.items as Json[]).map((o) => o.expectedOn)).toEqual(['2027-08-03']);
    expect(second.json.nextCursor).toBeNull();
    expect((second.json.totals as Json[])[0]).toMatchObject({ count: 3 });

    const forged = `${(first.json.nextCursor as string).slice(0, -2)}AA`;
    const tampered = await call(
      'GET',
      `/api/v1/opportunities?cursor=${encodeURIComponent(forged)}`,
      tokens.officer,
    );
    expect(tampered.status).toBe(400);
    expect((tampered.json.errors as Json[])[0].field).toBe('cursor');
    const tooMany = await call('GET', '/api/v1/opportunities?limit=201', tokens.officer);
    expect(tooMany.status).toBe(400);
  });

  it('answers no total in the reporting currency, naming the currency, when a rate is missing (never a zero)', async () => {
    await create(
      mine.caseId,
      tokens.adviser,
      opportunity({ market: 'NZ', valueMinor: 900_000, currency: 'NZD' }),
    );
    await create(mine.caseId, tokens.adviser, opportunity({ market: 'NZ', valueMinor: 100_000 }));
    const res = await call('GET', '/api/v1/opportunities?market=NZ', tokens.officer);
    expect(res.status).toBe(200);
    expect(res.json.inReportingCurrency).toMatchObject({
      value: null,
      weighted: null,
      rates: [],
      missingRates: ['NZD'],
    });
    expect((res.json.totals as Json[]).map((t) => t.currency)).toEqual(['EUR', 'NZD']);
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
      const text = html.replace(/\u00a0|\u202f/g, ' ');
      expect(text).toContain('26.000,00 €'); // 2 600 000 cents, weighted
      // Converted into EUR with the rate date beside it (USD 0.92 from 1 January 2026).
      expect(text).toContain('Alle Währungen in EUR: 44.600,00 € geschätzt, 28.300,00 € gewichtet.');
      expect(text).toMatch(/USD 0,92 \(Kurs vom 1\. Januar 2026\)/);
      const missing = await (await web.get('/pipeline?market=NZ&lang=en')).text();
      expect(missing).toContain('No exchange rate for NZD into EUR on');
      const paged = await web.get('/pipeline?market=AU&limit=2');
      const next = /id="pipeline-next" href="([^"]+)"/.exec(await paged.text());
      expect(next).not.toBeNull();
      const secondPage = await (await web.get(next![1].replace(/&amp;/g, '&'))).text();
      expect(secondPage).toContain('First page');
      expect(secondPage).not.toContain('id="pipeline-next"');
      const bad = await web.get('/pipeline?quarter=soon');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('href="#quarter"');
      const sme = await signInWeb(api, mine.sme.user.email, mine.sme.password);
      expect((await sme.get('/pipeline')).status).toBe(404);
      expect((await sme.get(`/cases/${mine.caseId}/opportunities`)).status).toBe(404);
    });
  });
});
