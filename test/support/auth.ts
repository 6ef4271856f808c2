import type { Actor, Role } from '@app/identity';
import { buildUser, UserOverrides } from '../factories/user.factory';
import type { TestApi } from './test-api';

/** Creates an active user of any role. SMEs and staff alike: tests need staff without an admin page. */
export function createUser(
  api: TestApi,
  role: Role,
  overrides?: UserOverrides,
): Promise<{ user: Actor; password: string }> {
  return buildUser(api, role, overrides);
}

/** A bearer token from POST /api/v1/auth/token. */
export async function tokenFor(api: TestApi, email: string, password: string): Promise<string> {
  const res = await fetch(`${api.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A tiny cookie jar: enough for one origin and the session + language cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now(),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/**
 * Waits for the whole response (through a clone, so the caller can still read the body). express-session
 * holds back the last byte until it has saved the session; fetch resolves on the headers, so without this a
 * test could look at the database before the request has finished writing it.
 */
async function settled(res: Response): Promise<void> {
  await res.clone().arrayBuffer();
}

export function csrfFromHtml(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no _csrf field in the page');
  return match[1];
}

export interface WebSession {
  readonly jar: CookieJar;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Form POST; adds `_csrf` unless the form already has one (to test a wrong token). */
  post(path: string, form: Record<string, string | string[]>): Promise<Response>;
  csrfToken(): Promise<string>;
}

export function toForm(form: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body;
}

/** A browser-like session: cookies kept, redirects not followed, CSRF handled. */
export function webSession(api: TestApi, jar = new CookieJar()): WebSession {
  let token: string | undefined;
  const session: WebSession = {
    jar,
    async get(path, headers = {}) {
      const res = await fetch(`${api.url}${path}`, {
        redirect: 'manual',
        headers: { accept: 'text/html', cookie: jar.header(), ...headers },
      });
      jar.store(res);
      await settled(res);
      return res;
    },
    async post(path, form) {
      const fields = '_csrf' in form ? form : { ...form, _csrf: await session.csrfToken() };
      const res = await fetch(`${api.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: jar.header(),
        },
        body: toForm(fields),
      });
      jar.store(res);
      await settled(res);
      // Sign-in/out rotate the session, and with it the token.
      if (/^\/sign-(in|out)/.test(path)) token = undefined;
      return res;
    },
    async csrfToken() {
      if (token) return token;
      const res = await fetch(`${api.url}/api/v1/auth/csrf-token`, { headers: { cookie: jar.header() } });
      jar.store(res);
      token = ((await res.json()) as { csrfToken: string }).csrfToken;
      return token;
    },
  };
  return session;
}

/**
 * A visitor with an emailed link (signed in as nobody, JavaScript off) opens it and posts its form: the
 * page, its HTML, the answer to the post and that answer's body. An answered link shows no form: a replay
 * then takes its CSRF token from the session, as a script would.
 */
export async function answerLink(
  api: TestApi,
  path: string,
  form: Record<string, string>,
): Promise<{ page: Response; html: string; posted: Response; body: string }> {
  const visitor = webSession(api);
  const page = await visitor.get(path);
  const html = await page.text();
  const csrf = html.includes('name="_csrf"') ? csrfFromHtml(html) : await visitor.csrfToken();
  const posted = await visitor.post(path, { _csrf: csrf, ...form });
  return { page, html, posted, body: await posted.text() };
}

/** Signs in through the real /sign-in form and returns the signed-in session. */
export async function signInWeb(api: TestApi, email: string, password: string): Promise<WebSession> {
  const session = webSession(api);
  const page = await session.get('/sign-in');
  const res = await session.post('/sign-in', { email, password, _csrf: csrfFromHtml(await page.text()) });
  if (res.status !== 303) throw new Error(`sign-in as ${email}: ${res.status}`);
  return session;
}

/**
 * The confirmation link (path and query) of the latest registration email sent to this address: what the
 * person would click. The api writes the email as a notification row; the worker would deliver it.
 */
export async function confirmationLink(api: Pick<TestApi, 'dataSource'>, email: string): Promise<string> {
  const rows = (await api.dataSource.query(
    `SELECT body_text FROM notification WHERE kind = 'account.confirm-email' AND recipient_email = $1
      ORDER BY created_at DESC LIMIT 1`,
    [email.toLowerCase()],
  )) as { body_text: string }[];
  const link = /\/register\/confirm\?token=[A-Za-z0-9_-]+/.exec(rows[0]?.body_text ?? '')?.[0];
  if (!link) throw new Error(`no confirmation email to ${email}`);
  return link;
}

/** Registers an SME through the API and confirms its address as the emailed link would; returns the user. */
export async function registerSme(
  api: TestApi,
  details: { email: string; name: string; password: string },
): Promise<Actor> {
  const res = await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(details),
  });
  if (res.status !== 202) throw new Error(`register ${details.email}: ${res.status} ${await res.text()}`);
  const token = new URL(await confirmationLink(api, details.email), api.url).searchParams.get('token');
  const confirmed = await fetch(`${api.url}/api/v1/auth/register/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (confirmed.status !== 201) throw new Error(`confirm ${details.email}: ${confirmed.status}`);
  return ((await confirmed.json()) as { user: Actor }).user;
}
