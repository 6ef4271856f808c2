import { readJson } from '../../support/http';
import { confirmationLink, createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';

describe('auth API: register, token, me', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await api.dataSource.query(sql, params))[0].n);

  it('registers an SME once its email address is confirmed, lower-casing the email, and audits it without the password', async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'Owner@Acme.Example',
      name: 'Ana García',
      password: 'a long enough passphrase',
    });
    expect(res.status).toBe(202);
    expect(await readJson(res)).toEqual({ status: 'confirmation_sent', detail: expect.any(String) });
    // No account until the link in the email is followed.
    expect(await count("SELECT count(*) AS n FROM users WHERE email = 'owner@acme.example'")).toBe(0);
    const link = await confirmationLink(api, 'owner@acme.example');
    const token = new URL(link, api.url).searchParams.get('token');
    const confirmed = await post('/api/v1/auth/register/confirm', { token });
    expect(confirmed.status).toBe(201);
    const body = await readJson(confirmed);
    expect(body.user).toMatchObject({ email: 'owner@acme.example', role: 'sme', name: 'Ana García' });
    expect(body.user.passwordHash).toBeUndefined();
    const [row] = await api.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [body.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await api.dataSource.query(
      "SELECT * FROM audit_event WHERE action = 'user.created' AND entity_id = $1",
      [body.user.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ email: 'owner@acme.example', role: 'sme' });
    expect(JSON.stringify(audit[0])).not.toContain('argon2');
    expect(JSON.stringify(audit[0])).not.toContain('a long enough passphrase');
    // The password chosen at registration is the account's, and the link works once.
    expect(
      (
        await post('/api/v1/auth/token', {
          email: 'owner@acme.example',
          password: 'a long enough passphrase',
        })
      ).status,
    ).toBe(201);
    expect((await post('/api/v1/auth/register/confirm', { token })).status).toBe(410);
  });

  it('answers a registration for an existing email exactly as for a new one, and tells the owner by email', async () => {
    const { user } = await createUser(api, 'sme');
    const usersBefore = await count('SELECT count(*) AS n FROM users');
    const answer = async (email: string) => {
      const res = await post('/api/v1/auth/register', {
        email,
        name: 'Someone',
        password: 'another long passphrase',
      });
      const body = await readJson(res);
      return { status: res.status, body };
    };
    const existing = await answer(user.email.toUpperCase());
    const fresh = await answer(`fresh-${Date.now()}@acme.example`);
    expect(existing).toEqual(fresh);
    expect(existing.status).toBe(202);
    expect(await count('SELECT count(*) AS n FROM users')).toBe(usersBefore);
    const told = await api.dataSource.query(
      `SELECT recipient_user_id, subject, body_text FROM notification WHERE kind = 'account.registration-attempt'`,
    );
    expect(told).toEqual([
      expect.objectContaining({
        recipient_user_id: user.id,
        subject: 'Someone tried to register with your email address',
      }),
    ]);
    expect(told[0].body_text).toContain('/sign-in');
    // Trying again within the hour does not send a second email.
    await answer(user.email);
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE kind = 'account.registration-attempt'`),
    ).toBe(1);
  });

  it('rejects smuggled role, id and ownerId with 400 naming them, and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM users');
    const auditBefore = await count('SELECT count(*) AS n FROM audit_event');
    const res = await post('/api/v1/auth/register', {
      email: 'sneaky@acme.example',
      name: 'Sneaky',
      password: 'a long enough passphrase',
      role: 'admin',
      id: '00000000-0000-0000-0000-000000000001',
      ownerId: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const fields = (await readJson(res)).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['role', 'id', 'ownerId']));
    expect(await count('SELECT count(*) AS n FROM users')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM audit_event')).toBe(auditBefore);
  });

  it.each([
    ['short', 'short pw', 'password.tooShort'],
    ['common', 'password1234', 'password.common'],
    ['breached with a symbol', 'Password1234!', 'password.common'],
    ['a season, a year and symbols', 'Summer2026!!', 'password.common'],
  ])('refuses a %s password with a field error', async (_kind, password, code) => {
    const email = `pw-${password.length}-${code}@acme.example`;
    const res = await post('/api/v1/auth/register', { email, name: 'P', password });
    expect(res.status).toBe(400);
    expect((await readJson(res)).errors).toEqual([expect.objectContaining({ field: 'password', code })]);
    expect(await count('SELECT count(*) AS n FROM pending_registrations WHERE email = $1', [email])).toBe(0);
  });

  it('explains a weak password in the language the client asks for', async () => {
    const res = await post(
      '/api/v1/auth/register',
      { email: 'qwerty@acme.example', name: 'Q', password: 'Qwerty123456!' },
      { 'accept-language': 'es-ES,es;q=0.9' },
    );
    expect(res.status).toBe(400);
    const [error] = (await readJson(res)).errors;
    expect(error).toMatchObject({ field: 'password', code: 'password.common' });
    expect(error.message).toMatch(/^La contraseña es demasiado fácil de adivinar\. /);
  });

  it('issues a bearer token that /me accepts, stores only its hash, and revokes it', async () => {
    const { user, password } = await createUser(api, 'officer');
    const res = await post('/api/v1/auth/token', { email: user.email.toUpperCase(), password });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body.tokenType).toBe('Bearer');
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const stored = await api.dataSource.query('SELECT token_hash FROM api_tokens WHERE user_id = $1', [
      user.id,
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(body.token);

    const auth = { authorization: `Bearer ${body.token}` };
    const me = await fetch(`${api.url}/api/v1/me`, { headers: auth });
    expect(me.status).toBe(200);
    expect(await readJson(me)).toEqual(user);

    const revoke = await fetch(`${api.url}/api/v1/auth/token`, { method: 'DELETE', headers: auth });
    expect(revoke.status).toBe(204);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: auth })).status).toBe(401);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const { user } = await createUser(api, 'sme');
    const wrong = await post('/api/v1/auth/token', { email: user.email, password: 'not the right one' });
    const unknown = await post('/api/v1/auth/token', {
      email: 'nobody@nowhere.example',
      password: 'whatever it is',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await readJson(wrong), await readJson(unknown)];
    delete a.requestId;
    delete b.requestId;
    expect(a).toEqual(b);
  });

  it('answers 401 problem+json to an anonymous or bad-token API call', async () => {
    const anonymous = await fetch(`${api.url}/api/v1/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await readJson(anonymous)).toMatchObject({ status: 401, code: 'unauthenticated' });
    const bad = await fetch(`${api.url}/api/v1/me`, {
      headers: { authorization: 'Bearer sme_not-a-real-token' },
    });
    expect(bad.status).toBe(401);
  });

  it('ends tokens of a deactivated user', async () => {
    const { user, password } = await createUser(api, 'adviser');
    const token = await tokenFor(api, user.email, password);
    const { UsersService } = await import('@app/identity');
    const { UnitOfWork } = await import('@app/database');
    await api.app
      .get(UnitOfWork)
      .run((m) => api.app.get(UsersService).deactivate(m, user.id, { actorId: null }));
    expect(
      (await fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
    expect((await post('/api/v1/auth/token', { email: user.email, password })).status).toBe(401);
  });
});

describe('registration throttling', () => {
  const register = (api: TestApi, ip: string, i: number): Promise<Response> =>
    fetch(`${api.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({
        email: `burst-${i}-${Date.now()}@acme.example`,
        name: 'B',
        password: 'a long enough passphrase',
      }),
    });

  it('limits registrations per client address, with Retry-After', async () => {
    const api = await startTestApi({ TRUST_PROXY_HOPS: '1', REGISTRATIONS_PER_CLIENT_PER_HOUR: '3' });
    try {
      for (let i = 0; i < 3; i++) expect((await register(api, '203.0.113.5', i)).status).toBe(202);
      const refused = await register(api, '203.0.113.5', 3);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('3600');
      expect((await readJson(refused)).code).toBe('auth.registration_throttled');
      // Another client is not affected.
      expect((await register(api, '198.51.100.5', 4)).status).toBe(202);
      expect(
        Number((await api.dataSource.query('SELECT count(*) AS n FROM pending_registrations'))[0].n),
      ).toBe(4);
    } finally {
      await api.close();
    }
  });

  it('limits registrations for the whole service, whoever sends them', async () => {
    const api = await startTestApi({ TRUST_PROXY_HOPS: '1', REGISTRATIONS_PER_MINUTE: '2' });
    try {
      expect((await register(api, '203.0.113.6', 0)).status).toBe(202);
      expect((await register(api, '203.0.113.7', 1)).status).toBe(202);
      expect((await register(api, '203.0.113.8', 2)).status).toBe(429);
    } finally {
      await api.close();
    }
  });
});
