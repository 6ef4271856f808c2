import { CaseAccessService } from '@app/advisers';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { CurrentUser, type Actor } from '@app/identity';
import { IdempotencyKeyHeader } from '@app/idempotency';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProgressResponse, RecordedOutcome, StageDecision } from './dto/progress.responses';
import { DecideStageDto } from './dto/decide-stage.dto';
import { RecordOutcomeDto } from './dto/record-outcome.dto';
import { ProgressService, type ProgressView } from './progress.service';

@ApiTags('progress')
@Controller('api/v1/cases/:id')
export class ProgressController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly uow: UnitOfWork,
    private readonly progress: ProgressService,
  ) {}

  @Get('progress')
  @ApiOkResponse({ type: ProgressResponse })
  async view(@CurrentUser() actor: Actor, @Param('id') id: string): Promise<ProgressView> {
    await this.access.findVisibleCase(actor, id);
    return this.progress.view(id);
  }

  /**
   * Staff working the case record outcomes; the SME may report its own (which counts as confirmed). An
   * `Idempotency-Key` header makes a retry return the outcome already recorded instead of a second one.
   */
  @Post('outcomes')
  @ApiCreatedResponse({ type: RecordedOutcome })
  // Named as @Headers reads it, so this replaces the parameter Nest infers (which it marks required).
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'a retry with the same key returns the outcome already recorded (1-200 visible ASCII)',
  })
  async recordOutcome(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Body() dto: RecordOutcomeDto,
    @AuditCtx() context: AuditContext,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
  ): Promise<Record<string, unknown>> {
    await this.access.findCaseToActOn(actor, id);
    const result = await this.uow.run((m) =>
      this.progress.recordOutcome(m, id, dto, {
        confirmedBySme: actor.role === 'sme',
        context,
        idempotencyKey,
      }),
    );
    return {
      outcome: result.outcome,
      transition: result.transition ?? null,
      milestones: result.milestones,
      replayed: result.replayed === true,
    };
  }

  @Post('stage')
  @ApiCreatedResponse({ type: StageDecision })
  @HttpCode(201)
  async decideStage(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Body() dto: DecideStageDto,
    @AuditCtx() context: AuditContext,
  ): Promise<Record<string, unknown>> {
    await this.access.findWorkableCase(actor, id);
    const transition = await this.uow.run((m) => this.progress.decideStage(m, id, dto, context));
    // The same stage: confirmed after review, with no transition.
    return { transition: transition ?? null, confirmed: transition === undefined };
  }
}
