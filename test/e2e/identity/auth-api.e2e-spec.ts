import { readJson } from '../../support/http';
import { createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';

describe('auth API: register, token, me', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await api.dataSource.query(sql, params))[0].n);

  it('registers an SME, lower-casing the email, and audits it without the password', async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'Owner@Acme.Example',
      name: 'Ana García',
      password: 'a long enough passphrase',
    });
    expect(res.status).toBe(201);
    const body = await readJson(res);
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
  });

  it('refuses the same email in another case with 409 and a field error', async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'OWNER@acme.example',
      name: 'Someone',
      password: 'another long passphrase',
    });
    expect(res.status).toBe(409);
    expect((await readJson(res)).errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'user.email_taken' }),
    ]);
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
  ])('refuses a %s password with a field error', async (_kind, password, code) => {
    const res = await post('/api/v1/auth/register', {
      email: `pw-${code}@acme.example`,
      name: 'P',
      password,
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).errors).toEqual([expect.objectContaining({ field: 'password', code })]);
    expect(await count('SELECT count(*) AS n FROM users WHERE email = $1', [`pw-${code}@acme.example`])).toBe(
      0,
    );
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
