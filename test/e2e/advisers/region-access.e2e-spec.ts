import { buildSmeCase, type SmeCase } from '../../factories';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { call, caller, type Caller } from '../training/support/training.factory';

/**
 * "Officers may widen an adviser's view to a region": read-only access to the region's cases (API, case
 * page, caseload scope), never the right to change them, granted through the audited adviser profile.
 */
describe('advisers: read-only access to a region an officer grants', () => {
  let api: TestApi;
  let officer: Caller;
  let owner: Caller;
  let cover: Caller;
  let inScotland: SmeCase;
  let inLondon: SmeCase;

  beforeAll(async () => {
    api = await startTestApi();
    [officer, owner, cover] = await Promise.all([
      caller(api, 'officer'),
      caller(api, 'adviser'),
      caller(api, 'adviser'),
    ]);
    for (const adviser of [owner, cover])
      expect(
        (
          await call(api, officer.token, 'POST', '/api/v1/advisers', {
            userId: adviser.user.id,
            capacity: 20,
            regions: ['scotland'],
          })
        ).status,
      ).toBe(201);
    inScotland = await buildSmeCase(api, {
      answers: { company: { region: 'scotland' } },
      adviserId: owner.user.id,
    });
    inLondon = await buildSmeCase(api, {
      answers: { company: { region: 'london' } },
      adviserId: owner.user.id,
    });
  }, 120_000);
  afterAll(() => api?.close());

  const caseload = async (who: Caller, query = ''): Promise<string[]> => {
    const res = await call(api, who.token, 'GET', `/api/v1/cases${query}`);
    expect(res.status).toBe(200);
    return ((await readJson(res)).items as Json[]).map((i) => i.caseId as string);
  };
  const logInteraction = (who: Caller, caseId: string): Promise<Response> =>
    call(api, who.token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
      kind: 'call',
      // Today: the case opened in this test's set-up, and an interaction cannot predate it.
      occurredOn: new Date().toISOString().slice(0, 10),
      notes: 'Covering while the adviser is away',
    });

  it('hides the case before an officer widens the view, and lists no region cases', async () => {
    expect((await call(api, cover.token, 'GET', `/api/v1/cases/${inScotland.caseId}`)).status).toBe(404);
    // The refusal is still a denial on the record, as for any adviser off the case.
    const denials = (await api.dataSource.query(
      `SELECT actor_id FROM audit_event WHERE action = 'access.denied' AND entity_id = $1`,
      [inScotland.caseId],
    )) as { actor_id: string }[];
    expect(denials.map((d) => d.actor_id)).toContain(cover.user.id);
    expect(await caseload(cover, '?scope=regions')).toEqual([]);
    // No toggle on the caseload page for an adviser with no widened regions.
    const page = await (await call(api, cover.token, 'GET', '/caseload')).text();
    expect(page).not.toContain('Cases in my regions');
  });

  it('lets officers ignore the scope: they see every case either way', async () => {
    const all = await caseload(officer, '?scope=regions');
    expect(all).toEqual(expect.arrayContaining([inScotland.caseId, inLondon.caseId]));
  });

  it('refuses an unknown region or scope with field errors', async () => {
    const bad = await call(api, officer.token, 'PATCH', `/api/v1/advisers/${cover.user.id}`, {
      visibleRegions: ['atlantis'],
    });
    expect(bad.status).toBe(400);
    expect(((await readJson(bad)).errors as Json[]).map((e) => e.field)).toContain('visibleRegions');
    const scope = await call(api, cover.token, 'GET', '/api/v1/cases?scope=everything');
    expect(scope.status).toBe(400);
    expect(scope.headers.get('content-type')).toContain('application/problem+json');
    expect(((await readJson(scope)).errors as Json[]).map((e) => e.field)).toContain('scope');
  });

  describe('once the officer lets the cover adviser see Scotland', () => {
    beforeAll(async () => {
      const res = await call(api, officer.token, 'PATCH', `/api/v1/advisers/${cover.user.id}`, {
        visibleRegions: ['scotland'],
      });
      expect(res.status).toBe(200);
    });

    it('records the change in the audit trail', async () => {
      const [row] = (await api.dataSource.query(
        `SELECT actor_id, before, after FROM audit_event
          WHERE action = 'adviser_profile.updated' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [cover.user.id],
      )) as { actor_id: string; before: Json; after: Json }[];
      expect(row.actor_id).toBe(officer.user.id);
      expect(row.before.visibleRegions).toEqual([]);
      expect(row.after.visibleRegions).toEqual(['scotland']);
    });

    it('shows the Scotland case, not the London one, through the API and the regions scope', async () => {
      expect((await call(api, cover.token, 'GET', `/api/v1/cases/${inScotland.caseId}`)).status).toBe(200);
      expect((await call(api, cover.token, 'GET', `/api/v1/cases/${inScotland.caseId}/audits`)).status).toBe(
        200,
      );
      expect((await call(api, cover.token, 'GET', `/api/v1/cases/${inLondon.caseId}`)).status).toBe(404);
      expect(await caseload(cover, '?scope=regions')).toEqual([inScotland.caseId]);
      // Their own caseload is unchanged (and empty).
      expect(await caseload(cover)).toEqual([]);
    });

    it('still refuses every change to the case (404), and writes nothing', async () => {
      const before = Number(
        (
          (await api.dataSource.query(`SELECT count(*)::int AS n FROM interactions WHERE case_id = $1`, [
            inScotland.caseId,
          ])) as { n: number }[]
        )[0].n,
      );
      expect((await logInteraction(cover, inScotland.caseId)).status).toBe(404);
      expect(
        (
          await call(api, cover.token, 'POST', `/api/v1/cases/${inScotland.caseId}/decline`, {
            reason: 'Not my region',
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(api, cover.token, 'POST', `/api/v1/cases/${inScotland.caseId}/outcomes`, {
            kind: 'new_market_entered',
            country: 'FR',
            occurredOn: '2026-11-01',
          })
        ).status,
      ).toBe(404);
      const after = Number(
        (
          (await api.dataSource.query(`SELECT count(*)::int AS n FROM interactions WHERE case_id = $1`, [
            inScotland.caseId,
          ])) as { n: number }[]
        )[0].n,
      );
      expect(after).toBe(before);
      // The assigned adviser still can.
      expect((await logInteraction(owner, inScotland.caseId)).status).toBe(201);
    });

    it('offers the regions view on the caseload page and shows the case page without actions', async () => {
      const list = await call(api, cover.token, 'GET', '/caseload?scope=regions');
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('Cases in my regions: Scotland');
      expect(html).toContain(`/cases/${inScotland.caseId}`);
      const page = await call(api, cover.token, 'GET', `/cases/${inScotland.caseId}`);
      expect(page.status).toBe(200);
      const casePage = await page.text();
      expect(casePage).not.toContain(`action="/cases/${inScotland.caseId}/interactions"`);
      // The assigned adviser's page does have the form (so the check above can fail).
      const ownPage = await (await call(api, owner.token, 'GET', `/cases/${inScotland.caseId}`)).text();
      expect(ownPage).toContain(`action="/cases/${inScotland.caseId}/interactions"`);
    });
  });
});
