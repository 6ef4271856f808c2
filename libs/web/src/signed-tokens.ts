import { SignedLinkKey } from './signed-link-key';

const TOKEN = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Tokens for links that need no sign-in (a survey, an expert's answer to an introduction): a record id and
 * its expiry, signed with a key derived from the service's secret for one purpose (SignedLinkKey), so a
 * token cannot be forged, stretched or used for another kind of link. An altered token, or another
 * purpose's, reads as none.
 */
export class SignedTokens {
  private readonly key: SignedLinkKey;

  /** `purpose` names the kind of link (e.g. `sme-satisfaction-survey-v1`): each gets its own key. */
  constructor(secret: string, purpose: string) {
    this.key = new SignedLinkKey(secret, purpose);
  }

  issue(id: string, expiresAt: Date): string {
    const payload = `${id}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${payload}.${this.key.sign(payload)}`;
  }

  /** The record id of a well-signed token, with whether it has expired; null when it is not one of ours. */
  read(token: string, now = new Date()): { id: string; expired: boolean } | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const [, id, expiresText, signature] = match;
    if (!this.key.verify(`${id}.${expiresText}`, signature)) return null;
    return { id, expired: Number(expiresText) * 1000 <= now.getTime() };
  }
}
