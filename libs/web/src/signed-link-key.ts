import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The key of one kind of emailed link that needs no sign-in (a survey, a win to confirm): derived from
 * SESSION_SECRET for that purpose alone, so a token of one kind never passes for another. The link's
 * token carries its payload and this key's HMAC of it; a payload altered by one character reads as none.
 */
export class SignedLinkKey {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, '', purpose, 32));
  }

  /** The signature of `payload` (base64url, 43 characters). */
  sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  /** Whether `signature` is this key's signature of `payload` (in constant time). */
  verify(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
