import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { normaliseEmail } from '../users.service';

const KEPT_DAYS = 180;
const VALUE = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/**
 * OWASP's device cookies: after a successful sign-in the browser (or API client) keeps a signed cookie
 * naming the account and a random device id. A sign-in that presents it comes from a known client, which
 * the throttle counts on its own: a stranger guessing the password cannot lock its owner out.
 */
@Injectable()
export class DeviceCookies {
  private readonly key: Buffer;
  readonly cookieName: string;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.SESSION_SECRET).update('device-cookie').digest();
    this.cookieName = config.isProduction ? '__Host-sme.device' : 'sme.device';
  }

  /** A stable, keyed id for an email address (never the address itself in Redis or a cookie). */
  accountKey(email: string): string {
    return this.mac(`account:${normaliseEmail(email)}`)
      .toString('hex')
      .slice(0, 32);
  }

  /** The device id when the request carries a genuine device cookie for this account, else null. */
  deviceOf(req: Request, email: string): string | null {
    const value = (req.cookies as Record<string, string> | undefined)?.[this.cookieName];
    const match = typeof value === 'string' ? VALUE.exec(value) : null;
    if (!match || match[1] !== this.accountKey(email)) return null;
    const expected = Buffer.from(this.sign(match[1], match[2]));
    return timingSafeEqual(Buffer.from(match[3]), expected) ? match[2] : null;
  }

  /** After a successful sign-in: (re)issues the cookie for this account, keeping a known device's id. */
  remember(req: Request, email: string): void {
    const account = this.accountKey(email);
    const device = this.deviceOf(req, email) ?? randomBytes(16).toString('base64url');
    req.res?.cookie(this.cookieName, `${account}.${device}.${this.sign(account, device)}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      maxAge: KEPT_DAYS * 24 * 3600 * 1000,
    });
  }

  private sign(account: string, device: string): string {
    return this.mac(`device:${account}.${device}`).toString('base64url');
  }

  private mac(value: string): Buffer {
    return createHmac('sha256', this.key).update(value).digest();
  }
}
