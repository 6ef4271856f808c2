import { AuditContext, AuditCtx } from '@app/audit-log';
import { InvalidInputError } from '@app/errors';
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
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AppealDecisionDto,
  AppealDto,
  EnrolmentAnswersDto,
  EnrolmentListQueryDto,
  SubmitEnrolmentDto,
} from '../dto/enrolment-answers.dto';
import { EnrolmentService } from '../enrolment.service';
import type { EnrolmentView } from '../enrolment-view';
import { IdempotencyService } from '../idempotency.service';
import { RecordIdPipe } from './uuid-param.pipe';

/** `If-Match: "3"` or `3` (a weak `W/"3"` too): the version the client last saw. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new InvalidInputError([
      {
        field: 'If-Match',
        code: 'format',
        message: 'If-Match must be the version number from the ETag, e.g. "3"',
      },
    ]);
  }
  return Number(match[1]);
}

const lang = (req: Request): string => req.lang ?? 'en';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('api/v1/enrolments')
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles('sme')
  @ApiOperation({ summary: 'Start a draft enrolment (answers optional; validated in full on submit)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @CurrentUser() actor: Actor,
    @Body() answers: EnrolmentAnswersDto,
    @Headers('idempotency-key') key: string | undefined,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.idempotency.run(
      { userId: actor.id, key, operation: 'POST /api/v1/enrolments', body: req.body, status: 201 },
      (manager) => this.enrolments.createDraft(actor, answers, context, { manager, lang: lang(req) }),
    );
    const view = result.body as unknown as EnrolmentView;
    res
      .status(result.status)
      .location(`/api/v1/enrolments/${view.id}`)
      .setHeader('ETag', `"${view.version}"`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.json(result.body);
  }

  @Get()
  @Roles('sme', 'officer', 'admin')
  @ApiOperation({ summary: "The caller's enrolments (SME), or all enrolments by status (officer)" })
  list(@CurrentUser() actor: Actor, @Query() query: EnrolmentListQueryDto): Promise<EnrolmentView[]> {
    return this.enrolments.list(actor, { status: query.status });
  }

  @Get(':id')
  @Roles('sme', 'officer', 'admin')
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnrolmentView> {
    const view = await this.enrolments.get(actor, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(':id')
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
    const view = await this.enrolments.updateDraft(actor, id, answers, context, {
      expectedVersion: parseIfMatch(ifMatch),
      lang: lang(req),
    });
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/submit')
  @Roles('sme')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit: full validation, duplicates, eligibility and (if eligible) the case' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async submit(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() body: SubmitEnrolmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const expectedVersion = body.version ?? parseIfMatch(ifMatch);
    const result = await this.idempotency.run(
      {
        userId: actor.id,
        key,
        operation: `POST /api/v1/enrolments/${id}/submit`,
        body: req.body,
        status: 200,
      },
      (manager) => this.enrolments.submit(actor, id, context, { manager, lang: lang(req), expectedVersion }),
    );
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  }

  @Post(':id/appeal')
  @Roles('sme')
  @ApiOperation({ summary: 'Appeal an ineligible decision, once, with a reason' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async appeal(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() body: AppealDto,
    @Headers('idempotency-key') key: string | undefined,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.idempotency.run(
      {
        userId: actor.id,
        key,
        operation: `POST /api/v1/enrolments/${id}/appeal`,
        body: req.body,
        status: 201,
      },
      (manager) => this.enrolments.appeal(actor, id, body.reason, context, { manager, lang: lang(req) }),
    );
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  }

  @Post(':id/withdraw')
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
}
