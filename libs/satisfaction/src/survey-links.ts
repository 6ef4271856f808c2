import { AppConfig } from '@app/config';
import { SignedTokens } from '@app/web';
import { Injectable } from '@nestjs/common';

/**
 * The survey link's token: the survey id and its expiry, signed with a key derived from SESSION_SECRET,
 * so it needs no sign-in and cannot be forged or stretched. An expired or altered token reads as none.
 */
@Injectable()
export class SurveyLinks {
  private readonly tokens: SignedTokens;

  constructor(private readonly config: AppConfig) {
    this.tokens = new SignedTokens(config.SESSION_SECRET, 'sme-satisfaction-survey-v1');
  }

  token(surveyId: string, expiresAt: Date): string {
    return this.tokens.issue(surveyId, expiresAt);
  }

  /** The full link, in the SME's language. */
  url(surveyId: string, expiresAt: Date, language: string): string {
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    return `${base}/survey/${this.token(surveyId, expiresAt)}?lang=${language}`;
  }

  /** The survey id of a well-signed token, with whether it has expired; null when it is not one of ours. */
  read(token: string, now = new Date()): { surveyId: string; expired: boolean } | null {
    const read = this.tokens.read(token, now);
    return read && { surveyId: read.id, expired: read.expired };
  }
}
