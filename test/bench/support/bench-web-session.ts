import { CookieJar, csrfFromHtml, toForm } from '../../support/auth';
import { BENCH_PASSWORD } from '../seed';
import type { SoakRecorder } from './soak-recorder';

/**
 * A browser of the soak: keeps its cookies, follows no redirects, and says it came through the TLS proxy
 * (X-Forwarded-Proto: https), as production's browsers do, so the api sets its Secure cookies.
 */
export class BenchWebSession {
  private readonly jar = new CookieJar();

  constructor(
    private readonly baseUrl: string,
    private readonly recorder: SoakRecorder,
  ) {}

  async get(group: string, path: string): Promise<Response | undefined> {
    const res = await this.recorder.request(group, `${this.baseUrl}${path}`, {
      headers: { accept: 'text/html', cookie: this.jar.header(), 'x-forwarded-proto': 'https' },
    });
    if (res) this.jar.store(res);
    return res;
  }

  /** A form POST with the page's CSRF token in `_csrf`. */
  async post(group: string, path: string, form: Record<string, string>): Promise<Response | undefined> {
    const res = await this.recorder.request(group, `${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.jar.header(),
        'x-forwarded-proto': 'https',
      },
      body: toForm(form),
    });
    if (res) this.jar.store(res);
    return res;
  }

  /** Signs in through the real page: GET the form, read its CSRF token, POST the seeded credentials. */
  async signIn(email: string): Promise<void> {
    const page = await this.get('sign-in', '/sign-in');
    if (page?.status !== 200) throw new Error(`GET /sign-in answered ${page?.status}`);
    const csrf = csrfFromHtml(await page.text());
    const res = await this.post('sign-in', '/sign-in', { email, password: BENCH_PASSWORD, _csrf: csrf });
    if (res?.status !== 303) throw new Error(`signing in as ${email} answered ${res?.status}`);
  }

  /** The CSRF token of a page of this session (forms need it in `_csrf`). */
  async csrfFrom(group: string, path: string): Promise<string> {
    const page = await this.get(group, path);
    if (page?.status !== 200) throw new Error(`GET ${path} answered ${page?.status}`);
    return csrfFromHtml(await page.text());
  }
}
