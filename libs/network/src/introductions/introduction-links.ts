import { AppConfig } from '@app/config';
import { SignedTokens } from '@app/web';
import { Injectable } from '@nestjs/common';

export const DECISIONS = ['accept', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The links in an expert's introduction email: one signed, expiring token per introduction (no sign-in;
 * experts have no account), opening a page that asks for the answer. Opening it changes nothing, so a mail
 * scanner following the link cannot answer for the expert.
 */
@Injectable()
export class IntroductionLinks {
  private readonly tokens: SignedTokens;

  constructor(private readonly config: AppConfig) {
    this.tokens = new SignedTokens(config.SESSION_SECRET, 'sme-network-introduction-v1');
  }

  url(introductionId: string, expiresAt: Date, language: string, decision: Decision): string {
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    const token = this.tokens.issue(introductionId, expiresAt);
    return `${base}/introductions/respond/${token}?decision=${decision}&lang=${language}`;
  }

  read(token: string, now = new Date()): { introductionId: string; expired: boolean } | null {
    const read = this.tokens.read(token, now);
    return read && { introductionId: read.id, expired: read.expired };
  }
}
