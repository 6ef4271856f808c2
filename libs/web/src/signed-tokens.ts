import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const TOKEN = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Tokens for links that need no sign-in (a survey, an expert's answer to an introduction): a record id and
 * its expiry, signed with a key derived from the service's secret for one purpose, so a token cannot be
 * forged, stretched or used for another kind of link. An altered token, or another purpose's, reads as none.
 */
export class SignedTokens {
  private readonly key: Buffer;

  /** `purpose` names the kind of link (e.g. `sme-satisfaction-survey-v1`): each gets its own key. */
  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, '', purpose, 32));
  }

  issue(id: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    return `${id}.${expires}.${this.sign(id, expires)}`;
  }

  /** The record id of a well-signed token, with whether it has expired; null when it is not one of ours. */
  read(token: string, now = new Date()): { id: string; expired: boolean } | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const [, id, expiresText, signature] = match;
    const expires = Number(expiresText);
    const expected = Buffer.from(this.sign(id, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return { id, expired: expires * 1000 <= now.getTime() };
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${id}.${expires}`).digest('base64url');
  }
}
