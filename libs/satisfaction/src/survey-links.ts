import { AppConfig } from '@app/config';
import { SignedLinkKey } from '@app/web';
import { Injectable } from '@nestjs/common';

const TOKEN = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * The survey link's token: the survey id and its expiry, signed with a key derived from SESSION_SECRET,
 * so it needs no sign-in and cannot be forged or stretched. An expired or altered token reads as none.
 */
@Injectable()
export class SurveyLinks {
  private readonly key: SignedLinkKey;

  constructor(private readonly config: AppConfig) {
    this.key = new SignedLinkKey(config.SESSION_SECRET, 'sme-satisfaction-survey-v1');
  }

  token(surveyId: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    return `${surveyId}.${expires}.${this.key.sign(`${surveyId}.${expires}`)}`;
  }

  /** The full link, in the SME's language. */
  url(surveyId: string, expiresAt: Date, language: string): string {
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    return `${base}/survey/${this.token(surveyId, expiresAt)}?lang=${language}`;
  }

  /** The survey id of a well-signed token, with whether it has expired; null when it is not one of ours. */
  read(token: string, now = new Date()): { surveyId: string; expired: boolean } | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const [, surveyId, expiresText, signature] = match;
    if (!this.key.verify(`${surveyId}.${expiresText}`, signature)) return null;
    return { surveyId, expired: Number(expiresText) * 1000 <= now.getTime() };
  }
}
