import { AuditContext, AuditCtx } from '@app/audit-log';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { Actor, CurrentUser, Roles } from '@app/identity';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AwaitingDecisionList, EnrolmentList, EnrolmentResponse } from '../dto/enrolment.responses';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import {
  AppealDecisionDto,
  AppealDto,
  EnrolmentAnswersDto,
  EnrolmentListQueryDto,
  SubmitEnrolmentDto,
} from '../dto/enrolment-answers.dto';
import { type AwaitingDecision, EnrolmentService } from '../enrolment.service';
import type { EnrolmentView } from '../enrolment-view';
import {
  ApiConditional,
  ApiETag,
  RecordIdPipe,
  expectedVersion,
  withETag,
  ApiRecordChange,
  ApiRecord,
  type Page,
} from '@app/web';

const lang = (req: Request): string => req.lang ?? 'en';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('api/v1/enrolments')
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Post()
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @ApiETag()
  @Roles('sme')
  @ApiOperation({ summary: 'Start a draft enrolment (answers optional; validated in full on submit)' })
  @Idempotent({
    headers: (view) => ({
      Location: `/api/v1/enrolments/${String(view.id)}`,
      ETag: `"${String(view.version)}"`,
    }),
  })
  create(
    @CurrentUser() actor: Actor,
    @Body() answers: EnrolmentAnswersDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<EnrolmentView> {
    return this.enrolments.createDraft(actor, answers, context, { manager, lang: lang(req) });
  }

  @Get()
  @ApiOkResponse({ type: EnrolmentList })
  @Roles('sme', 'officer', 'admin')
  @ApiOperation({
    summary: "The caller's enrolments (SME), or all enrolments by status (officer), newest first",
    description:
      'Paged: `limit` (1–200, default 50) a page, `nextCursor` passed back as `cursor` for the next.',
  })
  list(@CurrentUser() actor: Actor, @Query() query: EnrolmentListQueryDto): Promise<Page<EnrolmentView>> {
    const { cursor, limit, status } = query;
    return this.enrolments.list(actor, { status }, { cursor, limit });
  }

  @Get('awaiting-decision')
  @ApiOkResponse({ type: AwaitingDecisionList })
  @Roles('officer', 'admin')
  @ApiOperation({
    summary: 'Submitted enrolments with no eligibility decision yet, oldest first, with their age in days',
  })
  async awaitingDecision(@CurrentUser() actor: Actor): Promise<{ items: AwaitingDecision[] }> {
    return { items: await this.enrolments.awaitingDecision(actor) };
  }

  @Get(':id')
  @ApiRecord(EnrolmentResponse)
  @Roles('sme', 'officer', 'admin')
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnrolmentView> {
    return withETag(res, await this.enrolments.get(actor, id));
  }

  @Patch(':id')
  @ApiRecordChange(EnrolmentResponse)
  @Roles('sme')
  @ApiOperation({
    summary: 'Change answers of a draft (If-Match optional); a submitted enrolment answers 409',
  })
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() answers: EnrolmentAnswersDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnrolmentView> {
    return withETag(
      res,
      await this.enrolments.updateDraft(actor, id, answers, context, {
        expectedVersion: expectedVersion(ifMatch),
        lang: lang(req),
      }),
    );
  }

  @Post(':id/submit')
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiConditional()
  @Roles('sme')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit: full validation, duplicates, eligibility and (if eligible) the case' })
  @Idempotent()
  submit(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() body: SubmitEnrolmentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<EnrolmentView> {
    const version = expectedVersion(ifMatch, body.version);
    return this.enrolments.submit(actor, id, context, { manager, lang: lang(req), expectedVersion: version });
  }

  @Post(':id/appeal')
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @Roles('sme')
  @ApiOperation({ summary: 'Appeal an ineligible decision, once, with a reason' })
  @Idempotent()
  appeal(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() body: AppealDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<EnrolmentView> {
    return this.enrolments.appeal(actor, id, body.reason, context, { manager, lang: lang(req) });
  }

  @Post(':id/withdraw')
  @ApiOkResponse({ type: EnrolmentResponse })
  @Roles('sme')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a draft or an ineligible application' })
  withdraw(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @AuditCtx() context: AuditContext,
  ): Promise<EnrolmentView> {
    return this.enrolments.withdraw(actor, id, context);
  }

  @Post(':id/appeal/decision')
  @ApiOkResponse({ type: EnrolmentResponse })
  @Roles('officer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: "An officer's decision on an appeal: upheld opens the case" })
  decide(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() body: AppealDecisionDto,
    @AuditCtx() context: AuditContext,
  ): Promise<EnrolmentView> {
    return this.enrolments.decideAppeal(actor, id, body.decision, context);
  }

  @Post(':id/decision')
  @ApiOkResponse({ type: EnrolmentResponse })
  @Roles('officer', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide a submitted enrolment left without a decision: the eligibility check of a submission',
  })
  decideSubmitted(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @AuditCtx() context: AuditContext,
  ): Promise<EnrolmentView> {
    return this.enrolments.decideSubmitted(actor, id, context);
  }
}
