import { buildSmeCase, buildToken, buildUser, type TestUser } from '../../factories';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient } from '../enrolment/enrolment-fixtures';
import { buildDuplicatePair } from './merge-fixtures';

jest.setTimeout(120_000);

/**
 * Item 7 of issue 24: an officer's merge makes one company. Contacts, cases (with their bookings and
 * certificates), enrolments and SME accounts move to the survivor; of two open cases the officer's choice
 * continues and the other closes as a duplicate; and no SME can then read another SME's records.
 */
describe('merging two records of one company', () => {
  let api: TestApi;
  let officer: TestUser;
  let officerApi: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    api = await startTestApi();
    officer = await buildUser(api, 'officer');
    officerApi = apiClient(api, await buildToken(api, officer.user));
  });
  afterAll(() => api?.close());

  it('asks which case continues when both are open, then closes the other as a duplicate, linked', async () => {
    const { a, b, bookingA, bookingB } = await buildDuplicatePair(api);
    const unchosen = await officerApi.call('POST', `/api/v1/companies/${b.companyId}/merge`, {
      intoCompanyId: a.companyId,
    });
    expect(unchosen.status).toBe(400);
    expect(unchosen.body.errors).toEqual([
      expect.objectContaining({ field: 'continuingCaseId', code: 'required' }),
    ]);
    const res = await officerApi.call('POST', `/api/v1/companies/${b.companyId}/merge`, {
      intoCompanyId: a.companyId,
      continuingCaseId: b.caseId,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      casesMoved: 1,
      contactsMoved: 1,
      continuingCaseId: b.caseId,
      closedCaseIds: [a.caseId],
    });

    const company = await officerApi.call('GET', `/api/v1/companies/${a.companyId}`);
    expect(company.body.mergedFrom).toEqual([{ id: b.companyId, legalName: 'Northern Looms Limited' }]);
    expect(company.body.contacts.map((c: { userId: string }) => c.userId).sort()).toEqual(
      [a.sme.user.id, b.sme.user.id].sort(),
    );
    expect(company.body.contacts.filter((c: { isPrimary: boolean }) => c.isPrimary)).toHaveLength(1);
    const cases = company.body.cases as { id: string; status: string; closureReason: string | null }[];
    expect(cases.find((c) => c.id === b.caseId)).toMatchObject({
      status: 'awaiting_assignment',
      closureReason: null,
    });
    expect(cases.find((c) => c.id === a.caseId)).toMatchObject({
      status: 'closed',
      closureReason: 'duplicate',
    });
    // Bookings stay on their cases, which now both belong to the survivor.
    const bookings = await api.dataSource.query(
      `SELECT b.id, c.company_id FROM training_booking b JOIN cases c ON c.id = b.case_id WHERE b.id = ANY($1::uuid[])`,
      [[bookingA, bookingB]],
    );
    expect(bookings.map((r: { company_id: string }) => r.company_id)).toEqual([a.companyId, a.companyId]);
    // Each case's history names the other.
    const [linked] = await api.dataSource.query(
      `SELECT ref_id FROM case_timeline_events WHERE case_id = $1 AND kind = 'case.duplicate_merged'`,
      [b.caseId],
    );
    expect(linked.ref_id).toBe(a.caseId);
    const [closed] = await api.dataSource.query(`SELECT closure_summary FROM cases WHERE id = $1`, [
      a.caseId,
    ]);
    expect(closed.closure_summary).toContain(b.caseId);
    const merged = await officerApi.call('GET', `/api/v1/companies/${b.companyId}`);
    expect(merged.body.mergedIntoId).toBe(a.companyId);
  });

  it('merges from the duplicate flag too (officer), and an adviser cannot merge', async () => {
    const a = await buildSmeCase(api, {
      answers: { company: { legalName: 'Lantern Glassworks Ltd', region: 'south-west' } },
    });
    const b = await buildSmeCase(api, {
      answers: { company: { legalName: 'Lantern Glasswork Ltd', region: 'south-west' } },
    });
    const flags = await officerApi.call('GET', '/api/v1/duplicate-flags?limit=200');
    const flag = flags.body.items.find((f: { company: { id: string } }) => f.company.id === b.companyId);
    expect(flag).toBeDefined();
    const adviser = apiClient(api, await buildToken(api, (await buildUser(api, 'adviser')).user));
    expect(
      (await adviser.call('POST', `/api/v1/companies/${b.companyId}/merge`, { intoCompanyId: a.companyId }))
        .status,
    ).toBe(404);
    const merged = await officerApi.call('POST', `/api/v1/duplicate-flags/${flag.id}/merge`, {
      continuingCaseId: a.caseId,
    });
    expect(merged.status).toBe(200);
    const [kase] = await api.dataSource.query(`SELECT status, closure_reason FROM cases WHERE id = $1`, [
      b.caseId,
    ]);
    expect(kase).toEqual({ status: 'closed', closure_reason: 'duplicate' });
  });
});
