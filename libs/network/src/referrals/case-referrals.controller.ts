import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { ApiETag, RecordIdPipe } from '@app/web';
import type { EntityManager } from 'typeorm';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateReferralDto } from './referral.dto';
import { ReferralList, ReferralResponse } from './referral.responses';
import { ReferralsService, type ReferralView } from './referrals.service';

/** A case's referrals to partner organisations: staff who may see the case list them; its adviser or an officer refers. */
@ApiTags('network')
@ApiBearerAuth()
@Roles('adviser', 'officer')
@Controller('api/v1/cases/:id/referrals')
export class CaseReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @ApiOkResponse({ type: ReferralList })
  async list(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
  ): Promise<{ items: ReferralView[] }> {
    return { items: await this.referrals.listForCase(actor, id) };
  }

  @Post()
  @HttpCode(201)
  @Idempotent({
    headers: (body) => ({
      Location: `/api/v1/referrals/${String(body.id)}`,
      ETag: `"${String(body.version)}"`,
    }),
  })
  @ApiCreatedResponse({
    type: ReferralResponse,
    headers: { Location: { description: 'The referral', schema: { type: 'string' } } },
  })
  @ApiETag()
  @ApiOperation({
    summary:
      "Refer the case to a partner (config/partners.yaml) with a reason and the company's recorded consent: the partner is emailed signed links to accept and report the result",
  })
  async refer(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: CreateReferralDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
  ): Promise<ReferralView> {
    return this.referrals.refer(actor, id, body, context, manager);
  }
}
