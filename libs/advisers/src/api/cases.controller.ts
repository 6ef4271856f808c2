import { ApiConditional, ApiETag, expectedVersion, withETag, ApiRecordChange, ApiRecord } from '@app/web';
import { AuditContext, AuditCtx } from '@app/audit-log';
import { CaseClosureService } from '@app/cases';
import { UnitOfWork } from '@app/database';
import { InvalidInputError } from '@app/errors';
import type { Actor } from '@app/identity';
import { CurrentUser, Roles } from '@app/identity';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseDetailResponse, InteractionChange, LoggedInteraction } from '../dto/case-detail.responses';
import {
  AssignmentList,
  CaseloadPageResponse,
  CaseVersionResponse,
  ClosedCaseResponse,
  DeclineResponse,
  ManualAssignmentResponse,
  ReopenedCaseResponse,
} from '../dto/caseload.responses';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { CaseAccessService } from '../access/case-access.service';
import { AssignmentService } from '../assignment/assignment.service';
import { CaseloadService } from '../caseload/caseload.service';
import { CaseDetailsService } from '../caseload/case-details.service';
import { CaseloadQueryDto } from '../dto/caseload-query.dto';
import {
  AssignCaseDto,
  DeclineCaseDto,
  LogInteractionDto,
  UpdateCaseSummaryDto,
} from '../dto/log-interaction.dto';
import { InteractionsService } from '../interactions/interactions.service';
import { CaseIdPipe } from './case-id.pipe';
import { CloseCaseDto, ReopenCaseDto } from '../dto/case-closure.dto';
import { CorrectInteractionDto, VoidInteractionDto } from '../dto/correct-interaction.dto';

/** The caseload API: advisers see their own cases, officers all of them. */
@ApiTags('cases')
@Roles('adviser', 'officer')
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly caseload: CaseloadService,
    private readonly details: CaseDetailsService,
    private readonly interactions: InteractionsService,
    private readonly assignment: AssignmentService,
    private readonly closure: CaseClosureService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CaseloadPageResponse })
  list(@CurrentUser() actor: Actor, @Query() query: CaseloadQueryDto) {
    return this.caseload.page(actor, query);
  }

  @Get(':id')
  @ApiRecord(CaseDetailResponse)
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const kase = await this.access.findVisibleCase(actor, id);
    const view = await this.details.load(kase);
    res.setHeader('ETag', `"${kase.version}"`);
    return view;
  }

  @Get(':id/assignments')
  @ApiOkResponse({ type: AssignmentList })
  async assignments(@CurrentUser() actor: Actor, @Param('id', CaseIdPipe) id: string) {
    const kase = await this.access.findVisibleCase(actor, id);
    return { items: await this.details.assignments(kase.id) };
  }

  @Post(':id/interactions')
  @ApiCreatedResponse({ type: LoggedInteraction })
  @ApiConditional()
  @ApiETag()
  @HttpCode(201)
  async logInteraction(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: LogInteractionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.changeCase(actor, id, ifMatch, body.version, res, (m, caseId, version) =>
      this.interactions.log(m, caseId, body, actor.id, context, version),
    );
    return { interaction: result.interaction, firstContact: result.firstContact, version: result.version };
  }

  /** Corrects an interaction logged wrongly, with a reason (never deleted; the audit keeps the before). */
  @Put(':id/interactions/:interactionId')
  @ApiRecordChange(InteractionChange)
  async correctInteraction(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Param('interactionId') interactionId: string,
    @Body() body: CorrectInteractionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.changeCase(actor, id, ifMatch, body.version, res, (m, caseId, version) =>
      this.interactions.correct(m, caseId, interactionId, body, context, version),
    );
  }

  /** Voids an interaction logged by mistake, with a reason: it stays in the history and leaves the KPIs. */
  @Post(':id/interactions/:interactionId/void')
  @ApiRecordChange(InteractionChange)
  @HttpCode(200)
  async voidInteraction(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Param('interactionId') interactionId: string,
    @Body() body: VoidInteractionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.changeCase(actor, id, ifMatch, body.version, res, (m, caseId, version) =>
      this.interactions.void(m, caseId, interactionId, body.reason, context, version),
    );
  }

  @Put(':id/summary')
  @ApiRecordChange(CaseVersionResponse)
  async updateSummary(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: UpdateCaseSummaryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.changeCase(actor, id, ifMatch, body.version, res, (m, caseId, version) => {
      // An edit overwrites: it must say which version it was based on.
      if (version === undefined)
        throw new InvalidInputError([
          {
            field: 'version',
            message: 'Send the case version (If-Match header or version field)',
            code: 'required',
          },
        ]);
      return this.interactions.updateSummary(m, caseId, body.summary, context, version);
    });
  }

  /** The case's adviser closes it (an officer any case), with a reason and a closing summary. */
  @Post(':id/close')
  @ApiRecordChange(ClosedCaseResponse)
  @HttpCode(200)
  async close(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: CloseCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const closed = await this.changeCase(actor, id, ifMatch, body.version, res, (m, caseId, version) =>
      this.closure.close(
        m,
        caseId,
        { reason: body.reason, summary: body.summary },
        { context, expectedVersion: version },
      ),
    );
    return {
      id: closed.id,
      status: closed.status,
      stage: closed.stage,
      closureReason: closed.closureReason,
      closureSummary: closed.closureSummary,
      closedAt: closed.closedAt,
      version: closed.version,
    };
  }

  /** The adviser who had the case (an officer any case) reopens it, with a reason. */
  @Post(':id/reopen')
  @ApiRecordChange(ReopenedCaseResponse)
  @HttpCode(200)
  async reopen(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ReopenCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const version = expectedVersion(ifMatch, body.version);
    const kase = await this.access.findWorkableCase(actor, id);
    await this.uow.run((m) =>
      this.closure.reopen(m, kase.id, { reason: body.reason }, { context, expectedVersion: version }),
    );
    // Reopening may assign it on: answer with the case as it now is.
    const current = (await this.access.load(kase.id)) ?? kase;
    res.setHeader('ETag', `"${current.version}"`);
    return {
      id: current.id,
      status: current.status,
      assignedAdviserId: current.assignedAdviserId,
      version: current.version,
    };
  }

  /** Officers: assign or reassign to a named adviser, with a reason. */
  @Roles('officer')
  @Post(':id/assignment')
  @ApiConditional()
  @ApiCreatedResponse({ type: ManualAssignmentResponse })
  async assign(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AssignCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
  ) {
    const version = expectedVersion(ifMatch, body.version);
    const result = await this.uow.run((m) =>
      this.assignment.assignTo(m, id, body.adviserId, {
        reason: body.reason,
        expectedVersion: version,
        context,
      }),
    );
    return result;
  }

  /** The assigned adviser hands a new case back to the pool. */
  @Roles('adviser')
  @Post(':id/decline')
  @ApiCreatedResponse({ type: DeclineResponse })
  @ApiConditional()
  async decline(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Body() body: DeclineCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
  ) {
    const version = expectedVersion(ifMatch, body.version);
    const kase = await this.access.findWorkableCase(actor, id);
    const result = await this.uow.run((m) =>
      this.assignment.decline(m, kase.id, actor.id, {
        reason: body.reason,
        expectedVersion: version,
        context,
      }),
    );
    return { outcome: result.outcome };
  }

  /**
   * A change to a case the actor may work on, based on the version the client read (If-Match or the
   * body's `version`, checked before the case is looked up): run in one transaction, answered with the
   * case's new version as the ETag.
   */
  private async changeCase<R extends { version: number }>(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    bodyVersion: number | undefined,
    res: Response,
    change: (m: EntityManager, caseId: string, version: number | undefined) => Promise<R>,
  ): Promise<R> {
    const version = expectedVersion(ifMatch, bodyVersion);
    const kase = await this.access.findWorkableCase(actor, id);
    return withETag(res, await this.uow.run((m) => change(m, kase.id, version)));
  }
}
