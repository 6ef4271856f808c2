import { CurrentUser, Roles, type Actor } from '@app/identity';
import { ApiRecord, RecordIdPipe, withETag } from '@app/web';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReferralResponse } from './referral.responses';
import { ReferralsService, type ReferralView } from './referrals.service';

/** One referral to a partner organisation, for staff who may see its case. */
@ApiTags('network')
@ApiBearerAuth()
@Roles('adviser', 'officer')
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get(':id')
  @ApiRecord(ReferralResponse)
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('referral')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralView> {
    return withETag(res, await this.referrals.get(actor, id));
  }
}
