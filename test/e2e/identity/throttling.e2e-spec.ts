import { freePort } from '@app/local-services';
import Redis from 'ioredis';
import { createUser } from '../../support/auth';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

const tokenRequest = (
  api: TestApi,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(`${api.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

describe('sign-in throttling (Redis-backed)', () => {
  let api: TestApi;
  let prefix: string;
  let redis: Redis;
  beforeAll(async () => {
    api = await startTestApi();
    prefix = process.env.REDIS_PREFIX!;
    redis = new Redis(process.env.TEST_REDIS_URL!);
  });
  afterAll(async () => {
    redis.disconnect();
    await api.close();
  });

  it('answers the 6th attempt after 5 bad passwords with 429, even with the right password', async () => {
    const { user, password } = await createUser(api, 'sme');
    for (let i = 0; i < 5; i++) {
      expect((await tokenRequest(api, user.email, `wrong password ${i}`)).status).toBe(401);
    }
    const sixth = await tokenRequest(api, user.email, password);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('60');
    expect(await readJson(sixth)).toMatchObject({ status: 429 });
    const failures = await api.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign_in_failed' AND entity_id = $1",
      [user.id],
    );
    expect(failures[0].n).toBe(5);
    // Counted in Redis under this api's prefix, so every api process shares the count.
    expect(await redis.keys(`${prefix}:login-failures:*`)).toHaveLength(2);
  });

  it('keeps counting per IP when the attacker moves to other accounts, and X-Forwarded-For does not reset it', async () => {
    // The previous test's failures already count against 127.0.0.1; a fresh api gives a clean slate.
    const fresh = await startTestApi();
    try {
      const victims = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createUser(fresh, 'sme')));
      for (let i = 0; i < 5; i++) {
        const res = await tokenRequest(fresh, victims[i].user.email, 'a wrong password', {
          'x-forwarded-for': `203.0.113.${i}`,
        });
        expect(res.status).toBe(401);
      }
      // A sixth account, a new spoofed address: still the same client IP, so still refused.
      const res = await tokenRequest(fresh, victims[5].user.email, victims[5].password, {
        'x-forwarded-for': '198.51.100.7',
      });
      expect(res.status).toBe(429);
    } finally {
      await fresh.close();
    }
  });

  it('throttles the sign-in page too, re-showing the form with 429', async () => {
    const fresh = await startTestApi();
    try {
      const { user } = await createUser(fresh, 'adviser');
      const { webSession, csrfFromHtml } = await import('../../support/auth');
      const session = webSession(fresh);
      const csrf = csrfFromHtml(await (await session.get('/sign-in')).text());
      for (let i = 0; i < 5; i++) {
        expect(
          (await session.post('/sign-in', { email: user.email, password: 'wrong wrong wrong', _csrf: csrf }))
            .status,
        ).toBe(401);
      }
      const res = await session.post('/sign-in', {
        email: user.email,
        password: 'wrong wrong wrong',
        _csrf: csrf,
      });
      expect(res.status).toBe(429);
      expect(await res.text()).toContain('Too many failed attempts');
    } finally {
      await fresh.close();
    }
  });
});

describe('sign-in while Redis is unreachable', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => api.close());

  it('still signs people in, and still throttles (in-process counts)', async () => {
    const { user, password } = await createUser(api, 'sme');
    expect((await tokenRequest(api, user.email, password)).status).toBe(201);
    for (let i = 0; i < 5; i++)
      expect((await tokenRequest(api, user.email, 'wrong password!!')).status).toBe(401);
    expect((await tokenRequest(api, user.email, password)).status).toBe(429);
  });
});
