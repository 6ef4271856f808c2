import { startTestApi, TestApi } from '../../support/test-api';

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
    });
  });
  afterAll(() => api.close());

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

  it('uses a __Host- session cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await fetch(`${api.url}/sign-in`, {
      headers: { accept: 'text/html', 'x-forwarded-proto': 'https' },
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-sme.sid=')) ?? '';
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('never sends the session cookie over plain http', async () => {
    const res = await fetch(`${api.url}/sign-in`, { headers: { accept: 'text/html' } });
    expect(res.headers.getSetCookie().filter((c) => c.includes('sme.sid'))).toEqual([]);
  });
});
