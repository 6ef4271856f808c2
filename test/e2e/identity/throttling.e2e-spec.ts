import { freePort } from '@app/local-services';
import Redis from 'ioredis';
import { CookieJar, createUser, csrfFromHtml } from '../../support/auth';
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
    expect(await redis.keys(`${prefix}:login-failures:*`)).not.toEqual([]);
  });

  it('keeps counting per client IP when the attacker moves to other accounts, and X-Forwarded-For does not reset it', async () => {
    // The previous test's failures already count against 127.0.0.1; a fresh api gives a clean slate.
    const fresh = await startTestApi();
    try {
      const victims = await Promise.all(Array.from({ length: 21 }, () => createUser(fresh, 'sme')));
      // 20 failures from one client, one per account (password spraying), each under a new spoofed address.
      for (let i = 0; i < 20; i++) {
        const res = await tokenRequest(fresh, victims[i].user.email, 'a wrong password', {
          'x-forwarded-for': `203.0.113.${i}`,
        });
        expect(res.status).toBe(401);
      }
      // Another account, another spoofed address: still the same client IP, so still refused.
      const res = await tokenRequest(fresh, victims[20].user.email, victims[20].password, {
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

/** Sign-in calls from a given client address (one trusted proxy reports it) with an optional cookie jar. */
function clientAt(api: TestApi, ip: string, jar = new CookieJar()) {
  return {
    jar,
    token: async (email: string, password: string): Promise<Response> => {
      const res = await tokenRequest(api, email, password, { 'x-forwarded-for': ip, cookie: jar.header() });
      jar.store(res);
      return res;
    },
    signInPage: async (email: string, password: string): Promise<Response> => {
      const page = await fetch(`${api.url}/sign-in`, {
        headers: { accept: 'text/html', 'x-forwarded-for': ip, cookie: jar.header() },
      });
      jar.store(page);
      const res = await fetch(`${api.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': ip,
          cookie: jar.header(),
        },
        body: new URLSearchParams({ email, password, _csrf: csrfFromHtml(await page.text()) }),
      });
      jar.store(res);
      await res.arrayBuffer();
      return res;
    },
  };
}

describe('sign-in throttling per account and client, known devices, alerts', () => {
  let api: TestApi;
  let redis: Redis;
  beforeAll(async () => {
    api = await startTestApi({ TRUST_PROXY_HOPS: '1' });
    redis = new Redis(process.env.TEST_REDIS_URL!);
  });
  afterAll(async () => {
    redis.disconnect();
    await api.close();
  });

  it('locks out only the guessing client: the owner signs in from their known device or another client', async () => {
    const { user, password } = await createUser(api, 'admin');
    const owner = clientAt(api, '198.51.100.10');
    expect((await owner.signInPage(user.email, password)).status).toBe(303);
    expect(owner.jar.get('sme.device')).toBeDefined();

    const attacker = clientAt(api, '203.0.113.66');
    for (let i = 0; i < 5; i++)
      expect((await attacker.token(user.email, `guess number ${i}`)).status).toBe(401);
    // The guessing client is refused even the right password...
    expect((await attacker.token(user.email, password)).status).toBe(429);
    // ...but the owner is not: from their known device, from a new client elsewhere, and from a known
    // device behind the attacker's very address (one office, one NAT).
    expect((await clientAt(api, '198.51.100.10', owner.jar).signInPage(user.email, password)).status).toBe(
      303,
    );
    expect((await clientAt(api, '192.0.2.44').token(user.email, password)).status).toBe(201);
    const deviceOnly = new CookieJar();
    deviceOnly.set('sme.device', owner.jar.get('sme.device')!);
    expect((await clientAt(api, '203.0.113.66', deviceOnly).token(user.email, password)).status).toBe(201);
  });

  it('backs off: each lock-out of the same client is twice as long as the one before', async () => {
    const { user } = await createUser(api, 'sme');
    const attacker = clientAt(api, '203.0.113.77');
    for (let i = 0; i < 4; i++) expect((await attacker.token(user.email, `guess ${i}`)).status).toBe(401);
    const fifth = await attacker.token(user.email, 'guess 4');
    expect(fifth.status).toBe(401);
    const locked = await attacker.token(user.email, 'guess 5');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    const retryAfters: string[] = [];
    for (let round = 0; round < 3; round++) {
      // The lock runs out (its key expires in Redis) and the client guesses again.
      const locks = await redis.keys(`${process.env.REDIS_PREFIX}:login-lock:*`);
      expect(locks.length).toBeGreaterThan(0);
      await redis.del(...locks);
      expect((await attacker.token(user.email, `guess again ${round}`)).status).toBe(401);
      retryAfters.push((await attacker.token(user.email, 'and again')).headers.get('retry-after') ?? '');
    }
    expect(retryAfters).toEqual(['120', '240', '480']);
  });

  it('alerts every admin once (audit row, in-app and email) when one account is attacked from many clients', async () => {
    const admins = await Promise.all([createUser(api, 'admin'), createUser(api, 'admin')]);
    const { user, password } = await createUser(api, 'officer');
    const owner = clientAt(api, '198.51.100.20');
    expect((await owner.token(user.email, password)).status).toBe(201);
    const alerts = async () =>
      api.dataSource.query(
        `SELECT actor_id, entity_type, after FROM audit_event WHERE action = 'auth.attack_suspected' AND entity_id = $1`,
        [user.id],
      );
    // 40 guesses from 20 addresses: no single client reaches its own limit.
    for (let i = 0; i < 40; i++) {
      const res = await clientAt(api, `203.0.113.${100 + (i % 20)}`).token(user.email, `spray ${i}`);
      expect([401, 429]).toContain(res.status);
    }
    const rows = await alerts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity_type: 'user',
      after: expect.objectContaining({ target: 'account' }),
    });
    const notified = await api.dataSource.query(
      `SELECT recipient_user_id, recipient_email, subject FROM notification WHERE kind = 'security.sign-in-attack'`,
    );
    const everyAdmin = await api.dataSource.query(`SELECT id FROM users WHERE role = 'admin' AND active`);
    expect(everyAdmin.length).toBeGreaterThanOrEqual(admins.length);
    expect(notified.map((n: { recipient_user_id: string }) => n.recipient_user_id).sort()).toEqual(
      everyAdmin.map((a: { id: string }) => a.id).sort(),
    );
    expect(notified[0].subject).toContain('sign-in');
    // Unknown clients are now refused this account; the owner's known device is not.
    expect((await clientAt(api, '192.0.2.99').token(user.email, password)).status).toBe(429);
    expect((await owner.token(user.email, password)).status).toBe(201);
  });
});

describe('sign-in while Redis is unreachable', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => api?.close());

  it('still signs people in, and still throttles (in-process counts)', async () => {
    const { user, password } = await createUser(api, 'sme');
    expect((await tokenRequest(api, user.email, password)).status).toBe(201);
    for (let i = 0; i < 5; i++)
      expect((await tokenRequest(api, user.email, 'wrong password!!')).status).toBe(401);
    expect((await tokenRequest(api, user.email, password)).status).toBe(429);
  });
});
