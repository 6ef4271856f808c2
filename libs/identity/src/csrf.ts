import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The token a request sends back: the `x-csrf-token` header (scripts) or the `_csrf` form field. */
function tokenFromRequest(req: Request): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string' && header) return header;
  const body = req.body as Record<string, unknown> | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}

/** Signed-in sessions: synchroniser tokens kept in the server-side session. */
export const sessionCsrf = csrfSync({ getTokenFromRequest: tokenFromRequest });

const TOKEN = /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;

/**
 * Forms of visitors who are not signed in (sign-in, registration): OWASP's signed double-submit cookie, so
 * an anonymous visitor never needs a server-side session. The token is `<random>.<HMAC of random>`, kept in
 * an HttpOnly SameSite cookie (`__Host-` in production) and repeated in the form; a request is genuine when
 * both are present, equal and correctly signed. The signature stops a token someone planted in the cookie.
 */
export class AnonymousCsrf {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly cookieName: string,
    private readonly secure: boolean,
  ) {
    this.key = createHmac('sha256', secret).update('anonymous-csrf-cookie').digest();
  }

  /** The visitor's token, setting the cookie on the response when there is no valid one yet. */
  token(req: Request): string {
    const existing = this.cookieOf(req);
    if (existing) return existing;
    const random = randomBytes(32).toString('base64url');
    const token = `${random}.${this.sign(random)}`;
    req.res?.cookie(this.cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
    });
    // A page that asks twice in one request gets the same token.
    (req.cookies as Record<string, string> | undefined) ??= {};
    (req.cookies as Record<string, string>)[this.cookieName] = token;
    return token;
  }

  isValid(req: Request): boolean {
    const cookie = this.cookieOf(req);
    const sent = tokenFromRequest(req);
    if (!cookie || !sent || sent.length !== cookie.length) return false;
    return timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
  }

  /** The cookie's token when it is well-formed and signed by us, else undefined. */
  private cookieOf(req: Request): string | undefined {
    const value = (req.cookies as Record<string, string> | undefined)?.[this.cookieName];
    if (typeof value !== 'string' || !TOKEN.test(value)) return undefined;
    const [random, signature] = value.split('.');
    const expected = Buffer.from(this.sign(random));
    return timingSafeEqual(Buffer.from(signature), expected) ? value : undefined;
  }

  private sign(random: string): string {
    return createHmac('sha256', this.key).update(random).digest('base64url');
  }
}

/**
 * The CSRF token for a form or script on this request's page: the session's when someone is signed in,
 * else the anonymous double-submit token (which sets its cookie; no session is created either way).
 */
export function csrfTokenFor(req: Request): string {
  if (req.authMethod === 'session') return sessionCsrf.generateToken(req, false);
  if (!req.anonymousCsrf) throw new Error('csrfTokenFor needs the identity middleware on this route');
  return req.anonymousCsrf.token(req);
}

/** Whether a state-changing request carries the token its caller was given. */
export function isCsrfValid(req: Request): boolean {
  if (req.authMethod === 'session') return sessionCsrf.isRequestValid(req);
  return req.anonymousCsrf?.isValid(req) ?? false;
}
