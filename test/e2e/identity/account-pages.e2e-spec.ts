import { confirmationLink, createUser, csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';

describe('registration and account admin pages', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const userCount = async (): Promise<number> =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM users'))[0].n;

  /** Fills the registration form (in `lang`) as a fresh visitor and sends it. */
  const register = async (form: Record<string, string>, lang = 'en'): Promise<Response> => {
    const session = webSession(api);
    const page = await session.get(`/register?lang=${lang}`);
    return session.post('/register', { ...form, _csrf: csrfFromHtml(await page.text()) });
  };

  it('registers an SME through the form, then the emailed link confirms the address and signs them in', async () => {
    const session = webSession(api);
    const page = await session.get('/register?lang=de');
    expect(await page.clone().text()).toContain('Konto erstellen');
    const res = await session.post('/register', {
      name: 'Jana Schmidt',
      email: 'jana@firma.example',
      password: 'ein langes passwort',
      _csrf: csrfFromHtml(await page.text()),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/register/check-email');
    expect(await (await session.get('/register/check-email')).text()).toContain('Prüfen Sie Ihre E-Mails');
    expect((await session.get('/home')).status).toBe(302);

    // The link opens a page with a button (a mail scanner opening the link confirms nothing)...
    const link = await confirmationLink(api, 'jana@firma.example');
    const confirmPage = await session.get(link);
    expect(confirmPage.status).toBe(200);
    const html = await confirmPage.text();
    expect(html).toContain('Bestätigen Sie Ihre E-Mail-Adresse');
    const [{ n: before }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE email = 'jana@firma.example'`,
    );
    expect(before).toBe(0);
    // ...which creates the account and signs them in.
    const token = new URL(link, api.url).searchParams.get('token')!;
    const confirmed = await session.post('/register/confirm', { token, _csrf: csrfFromHtml(html) });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/home');
    const home = await session.get('/home');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Jana Schmidt');
    // The link works once.
    expect((await webSession(api).get(link)).status).toBe(410);
  });

  it('answers a registration for an address that has an account exactly as for a new one', async () => {
    const { user } = await createUser(api, 'sme');
    const attempt = async (email: string) => {
      const res = await register({ name: 'Somebody', email, password: 'a long enough passphrase' });
      return { status: res.status, location: res.headers.get('location') };
    };
    expect(await attempt(user.email)).toEqual(await attempt('nobody-yet@firma.example'));
    const told = await api.dataSource.query(
      `SELECT 1 FROM notification WHERE kind = 'account.registration-attempt' AND recipient_user_id = $1`,
      [user.id],
    );
    expect(told).toHaveLength(1);
  });

  it('explains a password that is too easy to guess, in the page’s language', async () => {
    const res = await register(
      { name: 'Jonas Becker', email: 'jonas@firma.example', password: 'Sommer2026!!' },
      'de',
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#password"');
    expect(html).toContain('Das Passwort ist zu leicht zu erraten.');
  });

  it('shows field errors in an error summary, in the chosen language, and writes nothing', async () => {
    const before = await userCount();
    const session = webSession(api);
    const page = await session.get('/register?lang=es');
    const res = await session.post('/register', {
      name: '',
      email: 'not-an-email',
      password: 'short',
      _csrf: csrfFromHtml(await page.text()),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<title>\s*Error:/);
    for (const field of ['name', 'email']) expect(html).toContain(`href="#${field}"`);
    expect(html).toContain('Introduzca un correo electrónico con el formato correcto');
    expect(await userCount()).toBe(before);
  });

  it('refuses a smuggled role on the form (nothing written)', async () => {
    const before = await userCount();
    const session = webSession(api);
    const page = await session.get('/register');
    const res = await session.post('/register', {
      name: 'Eve',
      email: 'eve@evil.example',
      password: 'a long enough passphrase',
      role: 'admin',
      _csrf: csrfFromHtml(await page.text()),
    });
    expect(res.status).toBe(400);
    expect(await userCount()).toBe(before);
  });

  it('lets an admin create a staff account that can then sign in', async () => {
    const { user: admin, password } = await createUser(api, 'admin');
    const session = await signInWeb(api, admin.email, password);
    const list = await session.get('/admin/users');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(admin.email);
    const res = await session.post('/admin/users', {
      name: 'Olga Officer',
      email: 'Olga@Agency.example',
      role: 'officer',
      password: 'officer passphrase 1',
    });
    expect(res.status).toBe(303);
    const [row] = await api.dataSource.query("SELECT role FROM users WHERE email = 'olga@agency.example'");
    expect(row.role).toBe('officer');
    const audit = await api.dataSource.query(
      "SELECT actor_id FROM audit_event WHERE action = 'user.created' AND after->>'email' = 'olga@agency.example'",
    );
    expect(audit).toEqual([{ actor_id: admin.id }]);
    await signInWeb(api, 'olga@agency.example', 'officer passphrase 1');
  });

  it('re-shows the admin form with errors for a bad role or weak password', async () => {
    const { user: admin, password } = await createUser(api, 'admin');
    const session = await signInWeb(api, admin.email, password);
    const res = await session.post('/admin/users', {
      name: 'X',
      email: 'x@agency.example',
      role: 'superuser',
      password: 'password1234',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#role"');
  });

  it('stops a deactivated account from signing in', async () => {
    const { user: admin, password } = await createUser(api, 'admin');
    const target = await createUser(api, 'adviser');
    const session = await signInWeb(api, admin.email, password);
    expect((await session.post(`/admin/users/${target.user.id}/deactivate`, {})).status).toBe(303);
    await expect(signInWeb(api, target.user.email, target.password)).rejects.toThrow(/401/);
  });
});
