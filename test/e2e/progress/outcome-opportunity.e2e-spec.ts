import { buildCase, buildOpportunity, buildToken, buildUser } from '../../factories';
import { signInWeb } from '../../support/auth';
import { jsonCaller, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';

const today = (): string => new Date().toISOString().slice(0, 10);

/** Outcomes of a case may name one of its export opportunities, and only one of its own. */
describe('progress: an outcome linked to an export opportunity of its case', () => {
  let api: TestApi;
  const people: Record<
    'adviser' | 'otherAdviser' | 'strangerSme',
    Awaited<ReturnType<typeof buildUser>>
  > = {} as never;
  const tokens: Record<string, string> = {};
  const cases: Record<'mine' | 'theirs', Awaited<ReturnType<typeof buildCase>>> = {} as never;
  const opportunities: Record<'mine' | 'theirs', string> = { mine: '', theirs: '' };
  const call = jsonCaller(() => api.url);
  const outcome = (extra: Record<string, unknown>): Record<string, unknown> => ({
    kind: 'distributor_signed',
    country: 'DE',
    occurredOn: today(),
    ...extra,
  });
  const outcomeCount = async (caseId: string): Promise<number> =>
    (
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM export_outcomes WHERE case_id = $1`, [
        caseId,
      ])) as { n: number }[]
    )[0].n;
  /** Posts an outcome on my case as `who`, naming `opportunityId`. */
  const postOutcome = (who: string, opportunityId?: string) =>
    call(
      'POST',
      `/api/v1/cases/${cases.mine.caseId}/outcomes`,
      tokens[who],
      outcome(opportunityId === undefined ? {} : { opportunityId }),
    );

  beforeAll(async () => {
    api = await startTestApi();
    for (const name of ['adviser', 'otherAdviser'] as const) people[name] = await buildUser(api, 'adviser');
    people.strangerSme = await buildUser(api, 'sme');
    for (const [name, who] of Object.entries(people)) tokens[name] = await buildToken(api, who.user);
    cases.mine = await buildCase(api, { adviserId: people.adviser.user.id });
    cases.theirs = await buildCase(api, { adviserId: people.otherAdviser.user.id });
    opportunities.mine = await buildOpportunity(api, people.adviser.user, cases.mine.caseId);
    opportunities.theirs = await buildOpportunity(api, people.otherAdviser.user, cases.theirs.caseId, {
      market: 'FR',
    });
  }, 180_000);
  afterAll(() => api.close());

  it('records the link, answers it, audits it and shows it on the case page', async () => {
    const res = await postOutcome('adviser', opportunities.mine);
    expect(res.status).toBe(201);
    const recorded = res.json.outcome as Json;
    expect(recorded).toMatchObject({ kind: 'distributor_signed', opportunityId: opportunities.mine });

    const view = await call('GET', `/api/v1/cases/${cases.mine.caseId}/progress`, tokens.adviser);
    expect((view.json.outcomes as Json[]).map((o) => o.opportunityId)).toEqual([opportunities.mine]);

    const audits = (await api.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'export_outcome.recorded' AND entity_id = $1`,
      [recorded.id],
    )) as { after: Json }[];
    expect(audits.map((a) => a.after.opportunityId)).toEqual([opportunities.mine]);

    // Without a link the outcome works as before.
    const plain = await postOutcome('adviser');
    expect(plain.status).toBe(201);
    expect((plain.json.outcome as Json).opportunityId).toBeNull();

    const web = await signInWeb(api, people.adviser.user.email, people.adviser.password);
    const page = await web.get(`/cases/${cases.mine.caseId}/progress`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const label = 'test factory goods (Germany)';
    expect(html).toContain(`<a class="govuk-link" href="/opportunities/${opportunities.mine}">${label}</a>`);
    expect(html).toMatch(
      new RegExp(`<option value="${opportunities.mine}"[^>]*>${label.replace(/[()]/g, '\\$&')}</option>`),
    );
    expect(html).not.toContain(opportunities.theirs);
  });

  it("refuses another case's opportunity with a field error, recording nothing", async () => {
    const before = await outcomeCount(cases.mine.caseId);
    const res = await postOutcome('adviser', opportunities.theirs);
    expect(res.status).toBe(400);
    expect((res.json.errors as Json[]).map((e) => [e.field, e.code])).toEqual([
      ['opportunityId', 'sameCase'],
    ]);
    const notAnId = await postOutcome('adviser', 'not-an-id');
    expect(notAnId.status).toBe(400);
    expect((notAnId.json.errors as Json[]).map((e) => e.field)).toEqual(['opportunityId']);
    expect(await outcomeCount(cases.mine.caseId)).toBe(before);

    // The form says so in the GOV.UK error summary.
    const web = await signInWeb(api, people.adviser.user.email, people.adviser.password);
    const form = await web.post(`/cases/${cases.mine.caseId}/progress/outcomes`, {
      ...outcome({ opportunityId: opportunities.theirs }),
    } as Record<string, string>);
    expect(form.status).toBe(400);
    const html = await form.text();
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain('Choose an opportunity of this case');
    expect(await outcomeCount(cases.mine.caseId)).toBe(before);
  });

  it('answers 404 to those who may not see the case, whatever opportunity they name', async () => {
    for (const who of ['otherAdviser', 'strangerSme'])
      for (const named of [opportunities.mine, opportunities.theirs])
        expect([who, (await postOutcome(who, named)).status]).toEqual([who, 404]);
    expect(await outcomeCount(cases.mine.caseId)).toBe(2);
  });
});
