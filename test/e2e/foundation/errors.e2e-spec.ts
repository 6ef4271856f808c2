import { fetchRead as fetch, readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

describe('error responses', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const noLeaks = (text: string): void => {
    expect(text).not.toMatch(/\n\s+at /); // stack frames
    expect(text).not.toMatch(/node_modules|\.ts:\d+/);
    expect(text).not.toMatch(/SELECT|INSERT|syntax error at/i);
  };

  it('answers an unknown API route with problem+json 404', async () => {
    const res = await fetch(`${api.url}/api/v1/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await res.text();
    noLeaks(text);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/no-such-thing' });
    expect(body.requestId).toEqual(res.headers.get('x-request-id'));
  });

  it('answers a malformed JSON body with problem+json 400', async () => {
    const res = await fetch(`${api.url}/api/v1/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"legalName": "Acme',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await res.text();
    noLeaks(text);
    expect(JSON.parse(text)).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('refuses bodies over 100 kB with 413', async () => {
    const res = await fetch(`${api.url}/api/v1/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'x'.repeat(120_000) }),
    });
    expect(res.status).toBe(413);
    expect(await readJson(res)).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('shows browsers the GOV.UK "Page not found" page, in their language', async () => {
    const res = await fetch(`${api.url}/no-such-page?lang=de`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('govuk-template');
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('Seite nicht gefunden');
  });

  it('keeps a sane caller request id and replaces a hostile one', async () => {
    const kept = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-12345678');
    const replaced = await fetch(`${api.url}/health`, { headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers on pages, API answers and static assets', async () => {
    for (const path of ['/', '/api/v1/no-such-thing', '/govuk/govuk-frontend.min.css']) {
      const res = await fetch(`${api.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});
