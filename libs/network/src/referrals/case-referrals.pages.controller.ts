import { AuditContext, AuditCtx } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PartnerDirectory } from './partner-directory';
import { CreateReferralDto } from './referral.dto';
import { ReferralsService } from './referrals.service';

/**
 * A case's referrals to partner organisations, for its assigned adviser and officers: the referrals so far
 * with the partner's answer and result, and one form (partner radios, reason, the company's consent) that
 * works without JavaScript and shows the GOV.UK error summary.
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller('cases/:id/referrals')
export class CaseReferralsPagesController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly partners: PartnerDirectory,
    private readonly referrals: ReferralsService,
  ) {}

  @Get()
  async page(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, actor, id, 200, { notice: notice === 'referred' ? notice : undefined });
  }

  @Post()
  async refer(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    await submitForm(res, {
      dto: CreateReferralDto,
      fields: {
        partnerCode: body.partnerCode ?? '',
        reason: body.reason ?? '',
        smeConsent: body.smeConsent ?? false,
      },
      run: (value) => this.referrals.refer(actor, id, value, context),
      redirect: () => `/cases/${id}/referrals?notice=referred`,
      again: (status, errors) => this.render(res, actor, id, status, { values: body, errors }),
      errors: { translations: 'referrals' },
    });
  }

  private async render(
    res: Response,
    actor: Actor,
    caseId: string,
    status: number,
    state: { notice?: string; values?: Record<string, unknown>; errors?: ErrorView },
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, caseId);
    res.status(status).render('network/case-referrals', {
      staffPage: true,
      caseId: kase.id,
      partners: this.partners.partners,
      referrals: await this.referrals.listForCase(actor, kase.id),
      notice: state.notice,
      values: state.values ?? {},
      errorSummary: [],
      fieldErrors: {},
      ...state.errors,
    });
  }
}
