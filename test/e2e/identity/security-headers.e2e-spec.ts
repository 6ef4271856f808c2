import { createUser, tokenFor } from '../../support/auth';
import { fetchRead as fetch } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

const METRICS_TOKEN = 'metrics-scraper-token-for-the-header-test-0123456789';

describe('security headers and cookies in production mode', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      NODE_ENV: 'production',
      SESSION_SECRET: 'production-like-secret-for-the-header-test-0123456789',
      APP_BASE_URL: 'https://export.example',
      // One trusted proxy, as behind a TLS-terminating load balancer.
      TRUST_PROXY_HOPS: '1',
      LOG_LEVEL: 'silent',
      METRICS_TOKEN,
    });
  });
  afterAll(() => api?.close());

  it.each([
    ['a page', '/sign-in', 200],
    ['a public page', '/', 200],
    ['an API answer', '/api/v1/me', 401],
    ['a 404 page', '/no-such-page', 404],
    ['an API 404', '/api/v1/no-such-thing', 404],
    ['a GOV.UK asset', '/govuk/govuk-frontend.min.css', 200],
    ['our static file', '/public/app.css', 200],
  ])('sends HSTS, CSP, frame-ancestors, nosniff and Referrer-Policy on %s', async (_what, path, status) => {
    const res = await fetch(`${api.url}${path}`, {
      headers: { accept: path.startsWith('/api') ? 'application/json' : 'text/html' },
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  /** Signs in through the form; `https` says whether the (trusted) proxy reports TLS. */
  const signIn = async (https: boolean): Promise<{ page: Response; signedIn: Response }> => {
    const { user, password } = await createUser(api, 'sme');
    const proto: Record<string, string> = https ? { 'x-forwarded-proto': 'https' } : {};
    const page = await fetch(`${api.url}/sign-in`, { headers: { accept: 'text/html', ...proto } });
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const signedIn = await fetch(`${api.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie, ...proto },
      body: new URLSearchParams({ email: user.email, password, _csrf: csrf }),
    });
    expect(signedIn.status).toBe(303);
    return { page, signedIn };
  };

  it('uses __Host- cookies that are Secure, HttpOnly and SameSite=Lax: the anonymous CSRF one, then the session', async () => {
    const { page, signedIn } = await signIn(true);
    expect(page.headers.getSetCookie().filter((c) => c.includes('sme.sid'))).toEqual([]);
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('__Host-sme.csrf=')) ?? '';
    const sessionCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Host-sme.sid=')) ?? '';
    for (const cookie of [csrfCookie, sessionCookie]) {
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).not.toMatch(/Domain=/i);
    }
  });

  it('never sends the session cookie over plain http', async () => {
    const { signedIn } = await signIn(false);
    expect(signedIn.headers.getSetCookie().filter((c) => c.includes('sme.sid'))).toEqual([]);
  });

  it('tells browsers and proxies not to store signed-in pages or personal-data API answers', async () => {
    const { user, password } = await createUser(api, 'sme');
    const token = await tokenFor(api, user.email, password);
    for (const path of ['/home', '/account/my-data', '/api/v1/me', '/api/v1/enrolments']) {
      const res = await fetch(`${api.url}${path}`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: path.startsWith('/api') ? 'application/json' : 'text/html',
        },
      });
      expect({ path, status: res.status, cacheControl: res.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cacheControl: 'no-store',
      });
    }
  });

  it('sends no X-Powered-By from the queue board (its own Express app)', async () => {
    const { user, password } = await createUser(api, 'admin');
    const token = await tokenFor(api, user.email, password);
    for (const path of ['/admin/queues/', '/admin/queues/api/queues']) {
      const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect({ path, status: res.status, poweredBy: res.headers.get('x-powered-by') }).toEqual({
        path,
        status: 200,
        poweredBy: null,
      });
    }
  });

  it('serves /metrics in production only with the scrape token', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(404);
    const scraped = await fetch(`${api.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('http_request_duration_seconds');
  });

  it('serves /metrics in production to the configured networks only', async () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'production-like-secret-for-the-header-test-0123456789',
      APP_BASE_URL: 'https://export.example',
      LOG_LEVEL: 'silent',
    };
    const inside = await startTestApi({ ...production, METRICS_ALLOWED_NETWORKS: '10.0.0.0/8, 127.0.0.0/8' });
    try {
      expect((await fetch(`${inside.url}/metrics`)).status).toBe(200);
    } finally {
      await inside.close();
    }
    const outside = await startTestApi({
      ...production,
      METRICS_ALLOWED_NETWORKS: '10.0.0.0/8,2001:db8::/32',
    });
    try {
      expect((await fetch(`${outside.url}/metrics`)).status).toBe(404);
    } finally {
      await outside.close();
    }
  });
});
