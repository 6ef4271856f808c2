import { buildToken, buildUser } from '../../factories';
import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { buildDuplicatePair } from '../companies/merge-fixtures';
import { apiClient } from '../enrolment/enrolment-fixtures';

jest.setTimeout(120_000);

/**
 * Record-level access after an officer merged two records of one company (issue 24): the company is one,
 * but each SME still owns only the case its own enrolment opened. The leak this fixes: the survivor's SME
 * (the company's primary contact) listed the other case's booking in "my training", read it
 * (`GET /api/v1/training/bookings/<id>` → 200) and could cancel it.
 */
describe('access after a company merge', () => {
  let api: TestApi;
  let officerApi: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    api = await startTestApi();
    officerApi = apiClient(api, await buildToken(api, (await buildUser(api, 'officer')).user));
  });
  afterAll(() => api?.close());

  it('after a merge no SME reads, lists or cancels the other SME’s records (the booking leak)', async () => {
    const { a, b, bookingA, bookingB } = await buildDuplicatePair(api);
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
});
