import { startTestApi, TestApi } from '../../support/test-api';
import { fetchRead as fetch } from '../../support/http';

describe('start page', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('renders in English with the GOV.UK template, service name and a start button', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en" class="govuk-template');
    expect(html).toContain('govuk-service-navigation');
    expect(html).toContain('SME Export Programme');
    expect(html).toMatch(
      /<title>Get help to start exporting, or to export more – SME Export Programme – Trade Agency<\/title>/,
    );
    expect(html).toContain('govuk-button--start');
    expect(html).toContain('href="/govuk/govuk-frontend.min.css"');
  });

  it('switches to Spanish with ?lang=es and remembers the choice in a cookie', async () => {
    const res = await fetch(`${api.url}/?lang=es`);
    const html = await res.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('Empezar ahora');
    expect(html).toContain('Exportador proactivo');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lang=es;/);
    expect(cookie).toMatch(/HttpOnly/i);

    const again = await fetch(`${api.url}/`, { headers: { cookie: 'lang=es' } });
    expect(await again.text()).toContain('Empezar ahora');
  });

  it("puts the per-response CSP nonce on GOV.UK's inline script", async () => {
    const res = await fetch(`${api.url}/`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(await res.text()).toContain(`<script nonce="${nonce}">`);
  });

  it('serves GOV.UK Frontend assets from the package', async () => {
    const css = await fetch(`${api.url}/govuk/govuk-frontend.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    const font = await fetch(`${api.url}/assets/images/favicon.svg`);
    expect(font.status).toBe(200);
  });
});
