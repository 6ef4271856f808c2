import { AppConfig } from '@app/config';
import { SignedTokens } from '@app/web';
import { Injectable } from '@nestjs/common';

export type ReferralLinkKind = 'accept' | 'result';

/**
 * The links in a partner's referral email: one to accept the referral and one to report its result later,
 * each a signed, expiring token for the referral (partners have no account) with its own key, so one cannot
 * stand for the other. Opening a link changes nothing, so a mail scanner cannot answer for the partner.
 */
@Injectable()
export class ReferralLinks {
  private readonly tokens: Record<ReferralLinkKind, SignedTokens>;

  constructor(private readonly config: AppConfig) {
    this.tokens = {
      accept: new SignedTokens(config.SESSION_SECRET, 'sme-network-referral-accept-v1'),
      result: new SignedTokens(config.SESSION_SECRET, 'sme-network-referral-result-v1'),
    };
  }

  url(kind: ReferralLinkKind, referralId: string, expiresAt: Date, language: string): string {
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    return `${base}/referrals/${kind}/${this.tokens[kind].issue(referralId, expiresAt)}?lang=${language}`;
  }

  read(
    kind: ReferralLinkKind,
    token: string,
    now = new Date(),
  ): { referralId: string; expired: boolean } | null {
    const read = this.tokens[kind].read(token, now);
    return read && { referralId: read.id, expired: read.expired };
  }
}
