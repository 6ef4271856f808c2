import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { ApiRecord, ApiRecordChange, expectedVersion, RecordIdPipe, withETag } from '@app/web';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExpertDecisionDto, LeaveProgrammeDto, OwnExpertProfileDto } from '../dto/expert-account.dto';
import { ExpertAnswerResponse, ExpertRequestList, ExpertResponse } from '../dto/network.responses';
import type { ExpertView } from '../experts/experts.service';
import { ExpertAccountService, type ExpertRequestView } from './expert-account.service';

/**
 * The signed-in expert's own side through the API, the same service as their pages: their profile, the
 * introductions asked of them, pausing, resuming and leaving. (Mounted before ExpertsController, so that
 * `me` is not read as an expert's id.)
 */
@ApiTags('experts')
@ApiBearerAuth()
@Roles('expert')
@Controller('api/v1/experts/me')
export class ExpertSelfController {
  constructor(private readonly account: ExpertAccountService) {}

  @Get()
  @ApiRecord(ExpertResponse)
  @ApiOperation({ summary: "The signed-in expert's own profile" })
  async profile(@CurrentUser() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<ExpertView> {
    return withETag(res, await this.account.profile(actor));
  }

  @Patch()
  @ApiRecordChange(ExpertResponse)
  @ApiOperation({ summary: 'Change their own profile (If-Match: the version read); not name or email' })
  async update(
    @CurrentUser() actor: Actor,
    @Body() body: OwnExpertProfileDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExpertView> {
    const { version, ...change } = body;
    return withETag(
      res,
      await this.account.update(actor, change, expectedVersion(ifMatch, version), context),
    );
  }

  @Get('introductions')
  @ApiOkResponse({ type: ExpertRequestList })
  @ApiOperation({ summary: 'The introductions asked of them: waiting for an answer, and answered' })
  requests(
    @CurrentUser() actor: Actor,
  ): Promise<{ waiting: ExpertRequestView[]; answered: ExpertRequestView[] }> {
    return this.account.requests(actor);
  }

  @Post('introductions/:id/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertAnswerResponse })
  @ApiOperation({
    summary: 'Accept or decline an introduction asked of them (counted once; 410 once it has expired)',
  })
  async answer(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction')) id: string,
    @Body() body: ExpertDecisionDto,
    @AuditCtx() context: AuditContext,
  ): Promise<{ changed: boolean }> {
    return { changed: await this.account.answer(actor, id, body.decision, context) };
  }

  @Post('pause')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  @ApiOperation({ summary: 'Pause: not suggested or asked for introductions until they resume' })
  pause(@CurrentUser() actor: Actor, @AuditCtx() context: AuditContext): Promise<ExpertView> {
    return this.account.setActive(actor, false, context);
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOkResponse({ type: ExpertResponse })
  @ApiOperation({ summary: 'Resume after a pause' })
  resume(@CurrentUser() actor: Actor, @AuditCtx() context: AuditContext): Promise<ExpertView> {
    return this.account.setActive(actor, true, context);
  }

  @Post('leave')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Left: profile inactive, consent withdrawn, account deactivated' })
  @ApiOperation({ summary: 'Leave the programme (send `{"confirm": "yes"}`)' })
  async leave(
    @CurrentUser() actor: Actor,
    @Body() _body: LeaveProgrammeDto,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await this.account.leave(actor, context);
  }
}
