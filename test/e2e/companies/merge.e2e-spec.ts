import {
  buildBooking,
  buildSmeCase,
  buildToken,
  buildUser,
  type SmeCase,
  type TestUser,
} from '../../factories';
import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient } from '../enrolment/enrolment-fixtures';

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
  afterAll(() => api.close());

  /** Two SMEs enrolled the same firm under two registration numbers; each booked training on its case. */
  async function pair(): Promise<{ a: SmeCase; b: SmeCase; bookingA: string; bookingB: string }> {
    const a = await buildSmeCase(api, { answers: { company: { legalName: 'Northern Looms Ltd' } } });
    const b = await buildSmeCase(api, { answers: { company: { legalName: 'Northern Looms Limited' } } });
    const bookingA = await buildBooking(api, a.sme.user, a.caseId, {
      moduleCode: 'social-media-foundations',
    });
    const bookingB = await buildBooking(api, b.sme.user, b.caseId, {
      moduleCode: 'social-media-foundations',
    });
    return { a, b, bookingA, bookingB };
  }

  it('asks which case continues when both are open, then closes the other as a duplicate, linked', async () => {
    const { a, b, bookingA, bookingB } = await pair();
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
    expect(cases.find((c) => c.id === b.caseId)).toMatchObject({ status: 'active' });
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

  it('after a merge no SME reads, lists or cancels the other SME’s records (the booking leak)', async () => {
    const { a, b, bookingA, bookingB } = await pair();
    const res = await officerApi.call('POST', `/api/v1/companies/${b.companyId}/merge`, {
      intoCompanyId: a.companyId,
      continuingCaseId: a.caseId,
    });
    expect(res.status).toBe(200);
    const smeA = apiClient(api, await buildToken(api, a.sme.user));
    const smeB = apiClient(api, await buildToken(api, b.sme.user));
    // The survivor's SME (its company's primary contact) cannot read the other applicant's booking or case.
    expect((await smeA.call('GET', `/api/v1/training/bookings/${bookingB}`)).status).toBe(404);
    expect((await smeA.call('GET', `/api/v1/cases/${b.caseId}/training`)).status).toBe(404);
    expect((await smeA.call('GET', `/api/v1/training/bookings/${bookingA}`)).status).toBe(200);
    // … nor the other way round.
    expect((await smeB.call('GET', `/api/v1/training/bookings/${bookingA}`)).status).toBe(404);
    expect((await smeB.call('GET', `/api/v1/training/bookings/${bookingB}`)).status).toBe(200);
    // "My training" lists only its own case's booking, and the other's cannot be cancelled.
    const webA = await signInWeb(api, a.sme.user.email, a.sme.password);
    const mine = await (await webA.get('/training')).text();
    expect(mine).toContain(bookingA);
    expect(mine).not.toContain(bookingB);
    const cancel = await webA.post(`/training/bookings/${bookingB}/cancel`, {});
    expect(cancel.status).toBe(404);
    const [booking] = await api.dataSource.query(`SELECT status FROM training_booking WHERE id = $1`, [
      bookingB,
    ]);
    expect(booking.status).not.toBe('cancelled');
  });

  it('merges from the duplicate flag too (officer), and an adviser cannot merge', async () => {
    const a = await buildSmeCase(api, {
      answers: { company: { legalName: 'Lantern Glassworks Ltd', region: 'south-west' } },
    });
    const b = await buildSmeCase(api, {
      answers: { company: { legalName: 'Lantern Glasswork Ltd', region: 'south-west' } },
    });
    const flags = await officerApi.call('GET', '/api/v1/duplicate-flags');
    const flag = flags.body.find((f: { company: { id: string } }) => f.company.id === b.companyId);
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
