import { randomUUID } from 'node:crypto';
import {
  buildBooking,
  buildCase,
  buildOpportunity,
  buildToken,
  buildTokens,
  buildUser,
  type SmeCase,
  type TestUser,
} from '../../factories';
import { signInWeb, type WebSession } from '../../support/auth';
import { jsonCaller, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';

const BOOT_TIMEOUT_MS = 180_000;

const win = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  customerName: 'Hafenkontor GmbH',
  customerCountry: 'DE',
  goodsOrServices: 'goods',
  description: 'Oat biscuits for a Hamburg wholesaler',
  winType: 'new_market',
  currency: 'EUR',
  firstYear: 2027,
  valuesMinor: [1_000_000, 1_500_000, 2_000_000],
  supportDecisive: true,
  supportMeasures: ['agents-distributors'],
  ...overrides,
});

describe('export wins: API, access and pages', () => {
  let api: TestApi;
  let adviser: TestUser;
  let otherAdviser: TestUser;
  let strangerSme: TestUser;
  let mine: SmeCase;
  let theirs: SmeCase;
  let tokens: Record<string, string>;
  const call = jsonCaller(() => api.url);
  const record = (caseId: string, token: string, body: Record<string, unknown> = win()) =>
    call('POST', `/api/v1/cases/${caseId}/export-wins`, token, body);
  const winOpportunity = async (caseId: string, by: TestUser): Promise<string> => {
    const id = await buildOpportunity(api, by.user, caseId);
    const res = await fetch(`${api.url}/api/v1/opportunities/${id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await buildToken(api, by.user)}`,
        'content-type': 'application/json',
        'if-match': '"1"',
      },
      body: JSON.stringify({ status: 'won' }),
    });
    expect(res.status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    api = await startTestApi();
    adviser = await buildUser(api, 'adviser');
    otherAdviser = await buildUser(api, 'adviser');
    strangerSme = await buildUser(api, 'sme');
    mine = await buildCase(api, { adviserId: adviser.user.id });
    theirs = await buildCase(api, { adviserId: otherAdviser.user.id });
    tokens = await buildTokens(api, { adviser, otherAdviser, strangerSme, sme: mine.sme });
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('records a win directly, its value by year and total, with an audit row; its SME reads it, nobody else', async () => {
    const res = await record(mine.caseId, tokens.adviser);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      caseId: mine.caseId,
      opportunityId: null,
      winType: 'new_market',
      total: { amountMinor: 4_500_000, currency: 'EUR', formatted: '€45,000.00' },
      // Already in the reporting currency: no rate needed, the day it was recorded beside it.
      totalInReportingCurrency: {
        on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
        value: { amountMinor: 4_500_000, currency: 'EUR', formatted: '€45,000.00' },
        rate: null,
        missingRate: false,
      },
      years: [
        { year: 2027, value: { amountMinor: 1_000_000, currency: 'EUR', formatted: '€10,000.00' } },
        { year: 2028, value: { amountMinor: 1_500_000, currency: 'EUR', formatted: '€15,000.00' } },
        { year: 2029, value: { amountMinor: 2_000_000, currency: 'EUR', formatted: '€20,000.00' } },
      ],
      supportDecisive: true,
      supportMeasures: ['agents-distributors'],
      trainingModules: [],
    });
    const [audit] = await api.dataSource.query(
      `SELECT action, after FROM audit_event WHERE entity_type = 'export_win' AND entity_id = $1`,
      [res.json.id],
    );
    expect(audit).toMatchObject({ action: 'export_win.recorded', after: { totalMinor: 4_500_000 } });

    const own = await call('GET', `/api/v1/cases/${mine.caseId}/export-wins`, tokens.sme);
    expect(res.json).not.toHaveProperty('totalMinor');
    expect(res.json).not.toHaveProperty('valuesMinor');
    expect((own.json.items as Json[]).map((w) => w.id)).toContain(res.json.id);
    expect((await call('GET', `/api/v1/export-wins/${res.json.id}`, tokens.sme)).status).toBe(200);
    for (const who of ['strangerSme', 'otherAdviser']) {
      expect((await call('GET', `/api/v1/cases/${mine.caseId}/export-wins`, tokens[who])).status).toBe(404);
      expect((await call('GET', `/api/v1/export-wins/${res.json.id}`, tokens[who])).status).toBe(404);
    }
    expect((await record(mine.caseId, tokens.sme)).status).toBe(404);
    expect((await record(mine.caseId, tokens.otherAdviser)).status).toBe(404);
  });

  it('records a win from a won opportunity of the case, once', async () => {
    const open = await buildOpportunity(api, adviser.user, mine.caseId);
    const notWon = await record(mine.caseId, tokens.adviser, win({ opportunityId: open }));
    expect(notWon.status).toBe(400);
    expect(notWon.json.errors).toEqual([expect.objectContaining({ field: 'opportunityId', code: 'notWon' })]);

    const elsewhere = await winOpportunity(theirs.caseId, otherAdviser);
    const wrongCase = await record(mine.caseId, tokens.adviser, win({ opportunityId: elsewhere }));
    expect(wrongCase.status).toBe(400);
    expect(wrongCase.json.errors).toEqual([
      expect.objectContaining({ field: 'opportunityId', code: 'unknown' }),
    ]);

    const won = await winOpportunity(mine.caseId, adviser);
    const first = await record(mine.caseId, tokens.adviser, win({ opportunityId: won }));
    expect(first.status).toBe(201);
    expect(first.json.opportunityId).toBe(won);
    const again = await record(mine.caseId, tokens.adviser, win({ opportunityId: won }));
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('export_win.already_recorded');
  });

  it("converts a win's total into the reporting currency at the rate of the day it was recorded, in the caller's language", async () => {
    const res = await fetch(`${api.url}/api/v1/cases/${mine.caseId}/export-wins`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.adviser}`,
        'content-type': 'application/json',
        'accept-language': 'de',
      },
      body: JSON.stringify(win({ currency: 'GBP', valuesMinor: [1_000_000, 1_500_000] })),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Json;
    const recordedOn = body.totalInReportingCurrency as Json;
    // GBP 1.17 from 2026-01-01 (config/exchange-rates.yaml): £25,000.00 → €29,250.00.
    expect(recordedOn).toMatchObject({
      value: { amountMinor: 2_925_000, currency: 'EUR' },
      rate: { currency: 'GBP', rate: 1.17, from: '2026-01-01' },
      missingRate: false,
    });
    expect(((recordedOn.value as Json).formatted as string).replace(/\s/g, ' ')).toBe('29.250,00 €');
    expect(((body.total as Json).formatted as string).replace(/\s/g, ' ')).toBe('25.000,00 £');

    const noRate = await record(mine.caseId, tokens.adviser, win({ currency: 'NZD' }));
    expect(noRate.status).toBe(201);
    expect(noRate.json.totalInReportingCurrency).toMatchObject({
      value: null,
      rate: null,
      missingRate: true,
    });
  });

  it('credits only known support measures and training the case booked; one to five years', async () => {
    const count = async (): Promise<number> =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM export_wins`))[0].n as number;
    const before = await count();
    const sixYears = await record(mine.caseId, tokens.adviser, win({ valuesMinor: [1, 2, 3, 4, 5, 6] }));
    expect(sixYears.status).toBe(400);
    expect((sixYears.json.errors as Json[]).map((e) => e.field)).toEqual(['valuesMinor']);
    const noYears = await record(mine.caseId, tokens.adviser, win({ valuesMinor: [] }));
    expect(noYears.status).toBe(400);
    const unknown = await record(mine.caseId, tokens.adviser, win({ supportMeasures: ['magic'] }));
    expect(unknown.json.errors).toEqual([expect.objectContaining({ field: 'supportMeasures' })]);
    const notBooked = await record(
      mine.caseId,
      tokens.adviser,
      win({ trainingModules: ['social-media-foundations'] }),
    );
    expect(notBooked.json.errors).toEqual([expect.objectContaining({ field: 'trainingModules' })]);
    expect(await count()).toBe(before);

    await buildBooking(api, mine.sme.user, mine.caseId, { moduleCode: 'social-media-foundations' });
    const credited = await record(
      mine.caseId,
      tokens.adviser,
      win({ trainingModules: ['social-media-foundations'], supportMeasures: ['social-media-training'] }),
    );
    expect(credited.status).toBe(201);
    expect(credited.json.trainingModules).toEqual(['social-media-foundations']);
  });

  describe('pages', () => {
    let web: WebSession;
    let theCase: SmeCase;
    beforeAll(async () => {
      web = await signInWeb(api, adviser.user.email, adviser.password);
      theCase = await buildCase(api, { adviserId: adviser.user.id });
    });

    it('records the win of a won opportunity through the form, with the GOV.UK error summary first', async () => {
      const won = await winOpportunity(theCase.caseId, adviser);
      const list = await (await web.get(`/cases/${theCase.caseId}/opportunities`)).text();
      expect(list).toContain(`/cases/${theCase.caseId}/export-wins/new?opportunity=${won}`);

      const form = await (
        await web.get(`/cases/${theCase.caseId}/export-wins/new?opportunity=${won}`)
      ).text();
      expect(form).toContain(`name="opportunityId" value="${won}"`);
      expect(form).toMatch(/name="currency"[^>]*value="EUR"/);

      const empty = await web.post(`/cases/${theCase.caseId}/export-wins`, { opportunityId: won });
      expect(empty.status).toBe(400);
      const errors = await empty.text();
      expect(errors).toContain('govuk-error-summary');
      for (const href of ['#customerName', '#goodsOrServices', '#winType', '#value1', '#supportDecisive'])
        expect(errors).toContain(`href="${href}"`);

      const filled = {
        opportunityId: won,
        customerName: 'Hafenkontor GmbH',
        customerCountry: 'de',
        goodsOrServices: 'goods',
        description: 'Biscuits',
        winType: 'first_export',
        currency: 'EUR',
        firstYear: '2027',
        value1: '10,000',
        supportDecisive: 'yes',
      };
      const gap = await web.post(`/cases/${theCase.caseId}/export-wins`, { ...filled, value3: '5,000' });
      expect(gap.status).toBe(400);
      expect(await gap.text()).toContain('leaving no year blank before the last');
      // An opportunity of another case: the message stands where the summary links, prefixed for screen
      // readers in the page's language (here German).
      await web.get('/home?lang=de');
      const elsewhere = await web.post(`/cases/${theCase.caseId}/export-wins`, {
        ...filled,
        value1: '10000', // "10,000" reads as ten in German
        opportunityId: randomUUID(),
      });
      await web.get('/home?lang=en');
      expect(elsewhere.status).toBe(400);
      expect(await elsewhere.text()).toMatch(
        /<p id="opportunityId" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Fehler:<\/span> Wählen Sie eine Exportchance dieses Falls/,
      );

      const saved = await web.post(`/cases/${theCase.caseId}/export-wins`, {
        ...filled,
        value2: '12,500.50',
        supportMeasures: ['trade-visits', 'social-media-training'],
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`/cases/${theCase.caseId}/export-wins?notice=recorded`);
      const [row] = await api.dataSource.query(
        `SELECT opportunity_id, values_minor, total_minor, support_measures FROM export_wins WHERE case_id = $1`,
        [theCase.caseId],
      );
      expect(row).toEqual({
        opportunity_id: won,
        values_minor: ['1000000', '1250050'],
        total_minor: '2250050',
        support_measures: ['trade-visits', 'social-media-training'],
      });
      const wins = await (await web.get(`/cases/${theCase.caseId}/export-wins?lang=es`)).text();
      expect(wins.replace(/\u00a0/g, ' ')).toContain('22.500,50 €');
      expect(wins).toContain('Total en EUR');
      expect(wins).toContain('Declarado: pendiente de confirmación por la empresa');
      await web.get('/home?lang=en');
      // Recorded: the opportunity no longer offers to record it.
      const after = await (await web.get(`/cases/${theCase.caseId}/opportunities`)).text();
      expect(after).not.toContain(`export-wins/new?opportunity=${won}`);
    });
  });
});
