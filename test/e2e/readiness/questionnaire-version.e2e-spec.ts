import { createUser, tokenFor } from '../../support/auth';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

/** GET /api/v1/readiness/questionnaire?version=: a bad version is a 400 naming it, an unknown one a 404. */
describe('questionnaire version parameter', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    const { user, password } = await createUser(api, 'sme');
    token = await tokenFor(api, user.email, password);
  });
  afterAll(() => api?.close());

  const get = (query: string) =>
    fetch(`${api.url}/api/v1/readiness/questionnaire${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it.each(['', '%20', '-1', '1.5', 'abc', '1e3', '+1', '0x1', '99999999999999999999'])(
    'answers version=%s with 400 and a field error',
    async (value) => {
      const res = await get(`?version=${value}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = await readJson(res);
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['version']);
    },
  );

  it.each(['2', '0', '00', '7', '123456789'])(
    'answers a version that does not exist (%s) with 404',
    async (value) => {
      const res = await get(`?version=${value}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await readJson(res)).code).toBe('questionnaire.not_found');
    },
  );

  it('serves version 1 and the current one', async () => {
    const one = await get('?version=1');
    expect(one.status).toBe(200);
    expect((await readJson(one)).version).toBe(1);
    const current = await get('');
    expect(current.status).toBe(200);
    expect((await readJson(current)).version).toBe(1);
  });

  it('refuses a second version parameter', async () => {
    expect((await get('?version=1&version=2')).status).toBe(400);
  });
});
