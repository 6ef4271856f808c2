import { createUser, csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';

const COOKIE = 'sme.sid';

describe('web sign-in, sessions and CSRF', () => {
  let api: TestApi;
  beforeAll(async () => {
    // A short idle limit so the test ages a session by minutes, not half an hour.
    api = await startTestApi({ SESSION_IDLE_MINUTES: '2', SESSION_ABSOLUTE_HOURS: '1' });
  });
  afterAll(() => api?.close());

  const sessionRow = async (
    cookie: string | undefined,
  ): Promise<{ sid: string; data: Record<string, unknown> } | undefined> => {
    const sid = decodeURIComponent(cookie ?? '')
      .replace(/^s:/, '')
      .split('.')[0];
    const rows = await api.dataSource.query('SELECT sid, data FROM user_sessions WHERE sid = $1', [sid]);
    return rows[0];
  };
  const shiftSession = (
    sid: string,
    field: 'lastSeenAt' | 'signedInAt',
    minutesAgo: number,
  ): Promise<unknown> =>
    api.dataSource.query(
      `UPDATE user_sessions SET data = jsonb_set(data, '{${field}}', to_jsonb($2::bigint)) WHERE sid = $1`,
      [sid, Date.now() - minutesAgo * 60_000],
    );

  it('redirects an anonymous page request to sign-in with returnTo', async () => {
    const res = await webSession(api).get('/home');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sign-in?returnTo=%2Fhome');
  });

  it('shows the sign-in page in GOV.UK style, translated, with a CSRF field', async () => {
    const res = await webSession(api).get('/sign-in?lang=es');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('govuk-input');
    expect(html).toContain('Iniciar sesión');
    expect(csrfFromHtml(html).length).toBeGreaterThan(20);
  });

  it('shows an error summary linking to the field on a wrong password, without saying which part was wrong', async () => {
    const { user } = await createUser(api, 'sme');
    const session = webSession(api);
    const page = await session.get('/sign-in');
    const res = await session.post('/sign-in', {
      email: user.email,
      password: 'wrong password!',
      _csrf: csrfFromHtml(await page.text()),
    });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toMatch(/<title>\s*Error:/);
    expect(html).toContain('href="#email"');
    expect(html).toContain('The email address or password is not correct');
  });

  it('rotates the session id at sign-in, then goes to returnTo', async () => {
    const { user, password } = await createUser(api, 'officer');
    const session = webSession(api);
    const page = await session.get('/sign-in?returnTo=/admin/audit');
    // Nobody is signed in yet, so there is no session to fixate: the sign-in form works without one.
    const before = session.jar.get(COOKIE);
    expect(before).toBeUndefined();
    const res = await session.post('/sign-in', {
      email: user.email,
      password,
      returnTo: '/admin/audit',
      _csrf: csrfFromHtml(await page.text()),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/audit');
    const after = session.jar.get(COOKIE);
    expect(after).toBeDefined();
    const row = await sessionRow(after);
    expect(row?.data.userId).toBe(user.id);
    const cookieLine = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`)) ?? '';
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    expect((await session.get('/home')).status).toBe(200);
  });

  it('ignores an off-site returnTo', async () => {
    const { user, password } = await createUser(api, 'sme');
    const session = webSession(api);
    const page = await session.get('/sign-in');
    const res = await session.post('/sign-in', {
      email: user.email,
      password,
      returnTo: '//evil.example/',
      _csrf: csrfFromHtml(await page.text()),
    });
    expect(res.headers.get('location')).toBe('/home');
  });

  it('ends a session idle for longer than SESSION_IDLE_MINUTES, server-side', async () => {
    const { user, password } = await createUser(api, 'adviser');
    const session = await signInWeb(api, user.email, password);
    expect((await session.get('/home')).status).toBe(200);
    const row = await sessionRow(session.jar.get(COOKIE));
    await shiftSession(row!.sid, 'lastSeenAt', 3);
    const res = await session.get('/home');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/sign-in');
    expect(await sessionRow(`s:${row!.sid}.x`)).toBeUndefined();
  });

  it('keeps a session used within the idle limit', async () => {
    const { user, password } = await createUser(api, 'adviser');
    const session = await signInWeb(api, user.email, password);
    const row = await sessionRow(session.jar.get(COOKIE));
    await shiftSession(row!.sid, 'lastSeenAt', 1);
    expect((await session.get('/home')).status).toBe(200);
  });

  it('ends a busy session at the absolute limit', async () => {
    const { user, password } = await createUser(api, 'adviser');
    const session = await signInWeb(api, user.email, password);
    const row = await sessionRow(session.jar.get(COOKIE));
    await shiftSession(row!.sid, 'signedInAt', 61);
    expect((await session.get('/home')).status).toBe(302);
    expect(await sessionRow(`s:${row!.sid}.x`)).toBeUndefined();
  });

  it('sign-out deletes the server session, so a replayed cookie is anonymous', async () => {
    const { user, password } = await createUser(api, 'sme');
    const session = await signInWeb(api, user.email, password);
    const cookie = session.jar.get(COOKIE)!;
    const res = await session.post('/sign-out', {});
    expect(res.status).toBe(303);
    expect(await sessionRow(cookie)).toBeUndefined();
    const replay = await fetch(`${api.url}/home`, {
      redirect: 'manual',
      headers: { cookie: `${COOKIE}=${cookie}`, accept: 'text/html' },
    });
    expect(replay.status).toBe(302);
    const audit = await api.dataSource.query(
      "SELECT 1 FROM audit_event WHERE action = 'auth.signed_out' AND actor_id = $1",
      [user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('does not sign out on GET', async () => {
    const { user, password } = await createUser(api, 'sme');
    const session = await signInWeb(api, user.email, password);
    expect((await session.get('/sign-out')).status).toBe(404);
    expect((await session.get('/home')).status).toBe(200);
  });

  describe('anonymous visitors', () => {
    const sessionRows = async (): Promise<number> =>
      (await api.dataSource.query('SELECT count(*)::int AS n FROM user_sessions'))[0].n;

    it('get no session row or session cookie from the CSRF token, sign-in and register pages', async () => {
      const before = await sessionRows();
      for (let i = 0; i < 5; i++) {
        for (const path of ['/api/v1/auth/csrf-token', '/sign-in', '/register']) {
          const res = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
          expect(res.status).toBe(200);
          await res.arrayBuffer();
          expect(res.headers.getSetCookie().filter((c) => c.startsWith(`${COOKIE}=`))).toEqual([]);
        }
      }
      expect(await sessionRows()).toBe(before);
    });

    it('still sign in through the form, and only then hold a session row', async () => {
      const { user, password } = await createUser(api, 'sme');
      const before = await sessionRows();
      const session = webSession(api);
      const page = await session.get('/sign-in');
      expect(await sessionRows()).toBe(before);
      const res = await session.post('/sign-in', {
        email: user.email,
        password,
        _csrf: csrfFromHtml(await page.text()),
      });
      expect(res.status).toBe(303);
      expect(await sessionRows()).toBe(before + 1);
      expect((await sessionRow(session.jar.get(COOKIE)))?.data.userId).toBe(user.id);
    });

    it.each([
      ['without the CSRF cookie', 'no-cookie'],
      ['with another visitor’s cookie', 'other-cookie'],
      ['with a forged cookie and token pair', 'forged'],
    ])('are refused (403) a sign-in %s, and nothing is audited as a sign-in', async (_why, kind) => {
      const { user, password } = await createUser(api, 'sme');
      const mine = webSession(api);
      const token = csrfFromHtml(await (await mine.get('/sign-in')).text());
      const other = webSession(api);
      await other.get('/sign-in');
      const forged = 'A'.repeat(43) + '.' + 'B'.repeat(43);
      const cookieName = [...mine.jar.header().matchAll(/([^=; ]+)=/g)].map((m) => m[1])[0];
      const cookie =
        kind === 'no-cookie' ? '' : kind === 'other-cookie' ? other.jar.header() : `${cookieName}=${forged}`;
      const res = await fetch(`${api.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ email: user.email, password, _csrf: kind === 'forged' ? forged : token }),
      });
      expect(res.status).toBe(403);
      const signIns = await api.dataSource.query(
        "SELECT 1 FROM audit_event WHERE action = 'auth.signed_in' AND entity_id = $1",
        [user.id],
      );
      expect(signIns).toEqual([]);
    });
  });

  describe('CSRF', () => {
    it.each([
      ['missing', undefined],
      ['wrong', 'not-the-token'],
    ])('a form POST with a %s token gets 403 and changes nothing', async (_kind, token) => {
      const { user: admin, password } = await createUser(api, 'admin');
      const { user: victim } = await createUser(api, 'adviser');
      const session = await signInWeb(api, admin.email, password);
      const form: Record<string, string> = {};
      if (token !== undefined) form._csrf = token;
      else form._csrf = '';
      const res = await session.post(`/admin/users/${victim.id}/deactivate`, form);
      expect(res.status).toBe(403);
      const [row] = await api.dataSource.query('SELECT active FROM users WHERE id = $1', [victim.id]);
      expect(row.active).toBe(true);
      // ...and the same request with the right token works.
      const ok = await session.post(`/admin/users/${victim.id}/deactivate`, {
        _csrf: await session.csrfToken(),
      });
      expect(ok.status).toBe(303);
      const [after] = await api.dataSource.query('SELECT active FROM users WHERE id = $1', [victim.id]);
      expect(after.active).toBe(false);
    });

    it('a cookie-authenticated API call without x-csrf-token gets 403; with it, it works', async () => {
      const { user, password } = await createUser(api, 'sme');
      const session = await signInWeb(api, user.email, password);
      const call = (headers: Record<string, string>): Promise<Response> =>
        fetch(`${api.url}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.jar.header(), ...headers },
          body: JSON.stringify({
            email: `x-${Date.now()}@acme.example`,
            name: 'X',
            password: 'a long enough passphrase',
          }),
        });
      expect((await call({})).status).toBe(403);
      expect((await call({ 'x-csrf-token': await session.csrfToken() })).status).toBe(202);
    });
  });
});
