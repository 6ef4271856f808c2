import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { expectedVersion, RecordIdPipe, withETag, ApiRecordChange, ApiRecord } from '@app/web';
import { Body, Controller, Get, Headers, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntroductionResponse } from '../dto/network.responses';
import type { Response } from 'express';
import { UpdateIntroductionDto } from '../dto/introduction.dto';
import { IntroductionsService, type IntroductionView } from './introductions.service';

/** One introduction, for staff who may see its case; its case's adviser or an officer may withdraw it. */
@ApiTags('network')
@ApiBearerAuth()
@Roles('adviser', 'officer')
@Controller('api/v1/introductions')
export class IntroductionsController {
  constructor(private readonly introductions: IntroductionsService) {}

  @Get(':id')
  @ApiRecord(IntroductionResponse)
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IntroductionView> {
    return withETag(res, await this.introductions.get(actor, id));
  }

  @Patch(':id')
  @ApiRecordChange(IntroductionResponse)
  @ApiOperation({
    summary: 'Withdraw an introduction still waiting for the expert (If-Match: the version read)',
  })
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction')) id: string,
    @Body() body: UpdateIntroductionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IntroductionView> {
    return withETag(
      res,
      await this.introductions.withdraw(actor, id, expectedVersion(ifMatch, body.version), context),
    );
  }
}
