import { AppConfig } from '@app/config';
import { SignedLinkKey } from '@app/web';
import { Injectable } from '@nestjs/common';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^(${UUID})\\.(${UUID})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);

/** What a well-signed verification token says. */
export interface WinLinkClaims {
  winId: string;
  /** The link's own random id: only the link most recently sent for the win (and not yet answered) works. */
  nonce: string;
  expired: boolean;
}

/**
 * The link a company follows to confirm or dispute a win: the win, a random nonce and the expiry, signed
 * with a key of its own derived from SESSION_SECRET. It cannot be guessed (a random nonce and an HMAC),
 * stretched or pointed at another win (the signature covers all three), and it works once: answering,
 * or a newer link, retires its nonce.
 */
@Injectable()
export class WinLinks {
  private readonly key: SignedLinkKey;

  constructor(private readonly config: AppConfig) {
    this.key = new SignedLinkKey(config.SESSION_SECRET, 'sme-export-win-verification-v1');
  }

  token(winId: string, nonce: string, expiresAt: Date): string {
    const payload = `${winId}.${nonce}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${payload}.${this.key.sign(payload)}`;
  }

  /** The full link, in the contact's language. */
  url(winId: string, nonce: string, expiresAt: Date, language: string): string {
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    return `${base}/export-wins/verify/${this.token(winId, nonce, expiresAt)}?lang=${language}`;
  }

  /** The claims of a token this service signed; null for anything else (made up, altered, another kind). */
  read(token: string, now = new Date()): WinLinkClaims | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const [, winId, nonce, expires, signature] = match;
    if (!this.key.verify(`${winId}.${nonce}.${expires}`, signature)) return null;
    return { winId, nonce, expired: Number(expires) * 1000 <= now.getTime() };
  }
}
