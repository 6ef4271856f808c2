import { AppConfig } from '@app/config';
import { Public, SignedLinkPages, SignedLinkPagesController } from '@app/identity';
import { formatDate } from '@app/time';
import { Controller } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptReferralDto, ReportReferralResultDto } from './referral.dto';
import type { ReferralLinkKind } from './referral-links';
import { ReferralsService, type OpenedReferral } from './referrals.service';

/** What both partner pages show: the company, the adviser, the reason and until when the link works. */
function referralModel(kind: ReferralLinkKind, config: AppConfig) {
  return (opened: OpenedReferral, res: Response): Record<string, unknown> => {
    const lang = typeof res.locals.lang === 'string' ? res.locals.lang : 'en';
    const r = opened.referral;
    return {
      kind,
      referral: {
        partnerName: opened.partner.name,
        companyName: opened.companyName,
        adviserName: opened.adviserName,
        reason: r.reason,
        result: r.result,
        expiresOn: formatDate(
          kind === 'accept' ? r.acceptExpiresAt : r.resultExpiresAt,
          config.PROGRAMME_TIME_ZONE,
          lang,
        ),
      },
    };
  };
}

/**
 * The page a partner's "accept" link opens: no sign-in (the signed token is the credential), the reason
 * and the company, one button that works without JavaScript. Accepting counts once: a second click shows
 * that it was accepted and changes and sends nothing; an expired link says so (410).
 */
@ApiExcludeController()
@Public()
@Controller('referrals/accept/:token')
export class ReferralAcceptPagesController extends SignedLinkPagesController<
  OpenedReferral,
  AcceptReferralDto
> {
  constructor(referrals: ReferralsService, config: AppConfig) {
    super(
      new SignedLinkPages({
        open: (token) => referrals.open('accept', token),
        entity: 'referral',
        view: 'network/referral-link',
        titles: 'referrals.link.titles',
        dto: AcceptReferralDto,
        fields: (body) => ({ accept: body.accept ?? '' }),
        answer: (opened, _value, context) => referrals.accept(opened.referral.id, context),
        path: (token) => `/referrals/accept/${token}`,
        translations: 'referrals',
        answeredStatus: 200,
        model: referralModel('accept', config),
      }),
    );
  }
}

/** The page a partner's "report the result" link opens: what came of the referral, with a note; counts once. */
@ApiExcludeController()
@Public()
@Controller('referrals/result/:token')
export class ReferralResultPagesController extends SignedLinkPagesController<
  OpenedReferral,
  ReportReferralResultDto
> {
  constructor(referrals: ReferralsService, config: AppConfig) {
    super(
      new SignedLinkPages({
        open: (token) => referrals.open('result', token),
        entity: 'referral',
        view: 'network/referral-link',
        titles: 'referrals.link.titles',
        dto: ReportReferralResultDto,
        fields: (body) => ({ result: body.result ?? '', note: body.note ?? '' }),
        answer: (opened, value, context) => referrals.report(opened.referral.id, value, context),
        path: (token) => `/referrals/result/${token}`,
        translations: 'referrals',
        answeredStatus: 200,
        model: referralModel('result', config),
      }),
    );
  }
}
