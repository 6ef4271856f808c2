import { createUser, signInWeb, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient, completeAnswers } from './enrolment-fixtures';

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('officer enrolment review pages', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const smeClient = async () => {
    const { user, password } = await createUser(api, 'sme');
    return apiClient(api, await tokenFor(api, user.email, password));
  };

  it('lists near duplicates and appeals; merge, dismiss, uphold and reject work from the page', async () => {
    const a = await smeClient();
    const b = await smeClient();
    const enrol = async (
      client: ReturnType<typeof apiClient>,
      answers: ReturnType<typeof completeAnswers>,
    ) => {
      const created = await client.create(answers);
      return (await client.submit(created.body.id)).body;
    };
    await enrol(
      a,
      completeAnswers({ company: { legalName: 'Copperfield Bakery Ltd', region: 'east-midlands' } }),
    );
    await enrol(
      b,
      completeAnswers({ company: { legalName: 'Copperfield Bakeries Ltd', region: 'east-midlands' } }),
    );
    const ineligible = await enrol(a, completeAnswers({ company: { employees: 300 } }));
    await a.appeal(ineligible.id, 'We now have 240 employees.');

    const { user, password } = await createUser(api, 'officer');
    const web = await signInWeb(api, user.email, password);
    const page = await web.get('/enrolment-review');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Copperfield Bakeries Ltd');
    expect(html).toContain('Similar name in the same region');
    expect(html).toContain('We now have 240 employees.');
    const flagId = /\/enrolment-review\/flags\/([0-9a-f-]{36})\/merge/.exec(html)![1];

    const merged = await web.post(`/enrolment-review/flags/${flagId}/merge`, {});
    expect(merged.status).toBe(303);
    expect(merged.headers.get('location')).toBe('/enrolment-review?done=merged');
    const [flag] = await api.dataSource.query(
      `SELECT status, resolved_by_id FROM duplicate_flags WHERE id = $1`,
      [flagId],
    );
    expect(flag).toEqual({ status: 'merged', resolved_by_id: user.id });

    const upheld = await web.post(`/enrolment-review/appeals/${ineligible.id}/upheld`, {});
    expect(upheld.status).toBe(303);
    const [row] = await api.dataSource.query(
      `SELECT e.status, c.status AS case_status FROM enrolments e JOIN cases c ON c.enrolment_id = e.id WHERE e.id = $1`,
      [ineligible.id],
    );
    expect(row).toEqual({ status: 'eligible', case_status: 'awaiting_assignment' });
    expect(await (await web.get('/enrolment-review')).text()).toContain('There are no appeals waiting.');
  });

  it('is not there for SMEs or advisers', async () => {
    for (const role of ['sme', 'adviser'] as const) {
      const { user, password } = await createUser(api, role);
      const web = await signInWeb(api, user.email, password);
      expect((await web.get('/enrolment-review')).status).toBe(404);
    }
  });
});
