import { AuditLogService, type AuditContext } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { Case, CasesService, STAGES, type Stage } from '@app/cases';
import { ConflictError, InvalidInputError, NotFoundError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { OutboxService } from '@app/messaging';
import { localDate } from '@app/time';
import { ExportOpportunity } from '@app/opportunities';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EXPORTING_OUTCOMES } from './domain/outcome-kinds';
import { outcomeProblems } from './domain/outcome-validation';
import { milestonesFor, stageAfterOutcome, type MilestoneEvidenceInput } from './domain/progress-rules';
import type { DecideStageDto } from './dto/decide-stage.dto';
import type { RecordOutcomeDto } from './dto/record-outcome.dto';
import { CaseMilestone } from './entities/case-milestone.entity';
import { ExportOutcome } from './entities/export-outcome.entity';
import { StageTransition, type TransitionCause } from './entities/stage-transition.entity';
import { STAGE_RULES } from './progress.tokens';
import type { OutcomeRule, StageRulesFile } from './rules/stage-rules.file';
import { stageRank } from './domain/stage-order';
import { Inject } from '@nestjs/common';

export interface StageMove {
  caseId: string;
  to: Stage;
  cause: TransitionCause;
  reason?: string | null;
  evidence: Record<string, unknown>;
  refType?: string;
  refId?: string;
  context: AuditContext;
}

export interface MilestoneView {
  code: string;
  stage: Stage;
  achievedAt: Date | null;
}

export interface ProgressView {
  stage: Stage;
  version: number;
  transitions: StageTransition[];
  outcomes: ExportOutcome[];
  milestones: MilestoneView[];
}

/** What the company's recorded outcomes say about exporting now (for stage classification). */
export interface ExportFacts {
  exportedRecently: boolean;
  markets: string[];
}

/**
 * The case's export stage as a state with history, export outcomes and milestones. Every stage change
 * locks the case row first (SELECT … FOR UPDATE) and then writes with the version guard, so an audit and an
 * outcome arriving together are applied one after the other and no transition is lost.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(STAGE_RULES) private readonly rules: StageRulesFile,
    private readonly config: AppConfig,
    private readonly timeline: CaseTimelineService,
    private readonly audit: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly cases: CasesService,
  ) {}

  /** Locks the case row for the rest of the transaction; call before reading anything the stage depends on. */
  async lockCase(manager: EntityManager, caseId: string): Promise<{ stage: Stage; version: number }> {
    const kase = await this.cases.lock(manager, caseId);
    if (!kase) throw new NotFoundError('case', caseId);
    return { stage: kase.stage, version: kase.version };
  }

  /** Moves the stage (caller holds the lock). Returns the transition, or undefined when already there. */
  async moveStage(manager: EntityManager, move: StageMove): Promise<StageTransition | undefined> {
    const current = await this.lockCase(manager, move.caseId);
    if (current.stage === move.to) return undefined;
    const moved = await this.cases.setStage(manager, { id: move.caseId, version: current.version }, move.to);
    if (moved === null)
      throw new ConflictError('case.stale', 'The case changed while its stage was being updated; try again');
    const occurredAt = new Date();
    const transition = await manager.getRepository(StageTransition).save(
      manager.getRepository(StageTransition).create({
        caseId: move.caseId,
        fromStage: current.stage,
        toStage: move.to,
        cause: move.cause,
        reason: move.reason ?? null,
        evidence: move.evidence,
        refType: move.refType ?? null,
        refId: move.refId ?? null,
        actorId: move.context.actorId,
        occurredAt,
      }),
    );
    const data = { from: current.stage, to: move.to, cause: move.cause, reason: move.reason ?? null };
    await this.timeline.record(manager, {
      caseId: move.caseId,
      kind: 'stage.changed',
      occurredAt,
      actorId: move.context.actorId,
      data,
      refType: 'stage_transition',
      refId: transition.id,
    });
    await this.outbox.add(manager, {
      type: 'stage.changed',
      aggregateType: 'case',
      aggregateId: move.caseId,
      payload: {
        ...data,
        transitionId: transition.id,
        refType: move.refType ?? null,
        refId: move.refId ?? null,
      },
    });
    await this.audit.record(manager, {
      action: 'case.stage_changed',
      entityType: 'case',
      entityId: move.caseId,
      before: { stage: current.stage },
      after: { stage: move.to, cause: move.cause, reason: move.reason ?? null },
      context: move.context,
    });
    return transition;
  }

  /**
   * Called by readiness inside the audit's transaction: ticks the milestones the answers prove and moves
   * the stage forward when the classification is ahead. Never backwards: that takes an adviser's reason.
   */
  async applyAudit(
    manager: EntityManager,
    input: {
      caseId: string;
      auditId: string;
      classifiedStage: Stage;
      answers: Record<string, number>;
      evidence: Record<string, unknown>;
      context: AuditContext;
    },
  ): Promise<{ transition?: StageTransition; milestones: string[] }> {
    const current = await this.lockCase(manager, input.caseId);
    const milestones = await this.tick(
      manager,
      input.caseId,
      { type: 'audit', answers: input.answers },
      'readiness_audit',
      input.auditId,
      input.context,
    );
    if (STAGES.indexOf(input.classifiedStage) <= STAGES.indexOf(current.stage)) return { milestones };
    const transition = await this.moveStage(manager, {
      caseId: input.caseId,
      to: input.classifiedStage,
      cause: 'audit',
      evidence: { ...input.evidence, milestones },
      refType: 'readiness_audit',
      refId: input.auditId,
      context: input.context,
    });
    return { transition, milestones };
  }

  /** Records an outcome, ticks milestones and moves the stage if the rules in config say so. */
  async recordOutcome(
    manager: EntityManager,
    caseId: string,
    dto: RecordOutcomeDto,
    options: { confirmedBySme: boolean; context: AuditContext; idempotencyKey?: string },
  ): Promise<{
    outcome: ExportOutcome;
    transition?: StageTransition;
    milestones: string[];
    replayed?: boolean;
  }> {
    const problems = outcomeProblems(dto, localDate(new Date(), this.config.PROGRAMME_TIME_ZONE));
    if (problems.length) throw new InvalidInputError(problems);
    const current = await this.lockCase(manager, caseId);
    if (
      dto.opportunityId !== undefined &&
      !(await manager.getRepository(ExportOpportunity).existsBy({ id: dto.opportunityId, caseId }))
    )
      throw new InvalidInputError([
        {
          field: 'opportunityId',
          code: 'sameCase',
          message: 'opportunityId must name an export opportunity of this case',
        },
      ]);
    if (options.idempotencyKey) {
      // Under the case lock, so two retries arriving together cannot both insert.
      const earlier = await manager
        .getRepository(ExportOutcome)
        .findOneBy({ caseId, idempotencyKey: options.idempotencyKey });
      if (earlier) return { outcome: earlier, milestones: [], replayed: true };
    }
    const confirmed = options.confirmedBySme || dto.confirmed === true;
    const outcome = await manager.getRepository(ExportOutcome).save(
      manager.getRepository(ExportOutcome).create({
        caseId,
        kind: dto.kind,
        opportunityId: dto.opportunityId ?? null,
        country: dto.country ?? null,
        valueMinor: dto.valueMinor ?? null,
        currency: dto.currency ?? null,
        occurredOn: dto.occurredOn,
        confirmed,
        note: dto.note?.trim() || null,
        recordedById: options.context.actorId,
        idempotencyKey: options.idempotencyKey ?? null,
      }),
    );
    const summary = {
      kind: outcome.kind,
      opportunityId: outcome.opportunityId,
      country: outcome.country,
      valueMinor: outcome.valueMinor,
      currency: outcome.currency,
      occurredOn: outcome.occurredOn,
      confirmed,
    };
    await this.timeline.record(manager, {
      caseId,
      kind: 'outcome.recorded',
      actorId: options.context.actorId,
      data: summary,
      refType: 'export_outcome',
      refId: outcome.id,
    });
    await this.outbox.add(manager, {
      type: 'outcome.recorded',
      aggregateType: 'case',
      aggregateId: caseId,
      payload: { ...summary, outcomeId: outcome.id },
    });
    await this.audit.record(manager, {
      action: 'export_outcome.recorded',
      entityType: 'export_outcome',
      entityId: outcome.id,
      before: null,
      after: { caseId, ...summary, note: outcome.note },
      context: options.context,
    });
    const milestones = await this.tick(
      manager,
      caseId,
      { type: 'outcome', kind: outcome.kind, confirmed },
      'export_outcome',
      outcome.id,
      options.context,
    );
    const achieved = new Set(await this.achievedCodes(manager, caseId));
    const move = stageAfterOutcome(this.rules, current.stage, { kind: outcome.kind, confirmed }, achieved);
    const transition = move
      ? await this.moveStage(manager, {
          caseId,
          to: move.to,
          cause: 'outcome',
          evidence: { outcome: summary, rule: { ...move.rule }, milestones: [...achieved] },
          refType: 'export_outcome',
          refId: outcome.id,
          context: options.context,
        })
      : undefined;
    return { outcome, transition, milestones };
  }

  /**
   * Worker side, after `audit.completed`, `outcome.recorded` or `training.completed` (through the queue, so
   * the request that caused it never waits): ticks the milestones a completed module proves, then applies
   * every recorded outcome again against the milestones reached so far. An export win recorded before the
   * export plan existed moves the case forward once a later audit proves the plan. Forward only; safe to
   * run twice (milestones insert once, a case already at the stage does not move).
   */
  async reevaluate(
    manager: EntityManager,
    caseId: string,
    trigger: { type: string; moduleCode?: string; refType: string; refId: string },
    context: AuditContext,
  ): Promise<{ milestones: string[]; transition?: StageTransition }> {
    const current = await this.lockCase(manager, caseId);
    const milestones = trigger.moduleCode
      ? await this.tick(
          manager,
          caseId,
          { type: 'training', moduleCode: trigger.moduleCode },
          trigger.refType,
          trigger.refId,
          context,
        )
      : [];
    const achieved = new Set(await this.achievedCodes(manager, caseId));
    const outcomes = await manager
      .getRepository(ExportOutcome)
      .find({ where: { caseId }, order: { occurredOn: 'ASC', createdAt: 'ASC' } });
    let best: { to: Stage; rule: OutcomeRule; outcome: ExportOutcome } | undefined;
    for (const outcome of outcomes) {
      const move = stageAfterOutcome(this.rules, current.stage, outcome, achieved);
      if (move && (!best || stageRank(move.to) > stageRank(best.to))) best = { ...move, outcome };
    }
    if (!best) return { milestones };
    const transition = await this.moveStage(manager, {
      caseId,
      to: best.to,
      cause: 'outcome',
      evidence: {
        reevaluatedAfter: trigger.type,
        outcome: {
          kind: best.outcome.kind,
          occurredOn: best.outcome.occurredOn,
          confirmed: best.outcome.confirmed,
        },
        rule: { ...best.rule },
        milestones: [...achieved],
      },
      refType: 'export_outcome',
      refId: best.outcome.id,
      context,
    });
    return { milestones, transition };
  }

  /**
   * An adviser's judgement, either way; the reason is required and stored with the transition. Choosing the
   * stage the case is already at confirms it (no transition): how an adviser who agrees with a classification
   * flagged for review records that review. Either way an open stage review is done.
   */
  async decideStage(
    manager: EntityManager,
    caseId: string,
    dto: DecideStageDto,
    context: AuditContext,
  ): Promise<StageTransition | undefined> {
    const reason = dto.reason.trim();
    if (reason.length < 5)
      throw new InvalidInputError([{ field: 'reason', message: 'reason must say why', code: 'minLength' }]);
    const current = await this.lockCase(manager, caseId);
    const transition =
      current.stage === dto.to
        ? await this.confirmStage(manager, caseId, current.stage, reason, context)
        : await this.moveStage(manager, {
            caseId,
            to: dto.to,
            cause: 'adviser_decision',
            reason,
            evidence: {
              direction: STAGES.indexOf(dto.to) > STAGES.indexOf(current.stage) ? 'forward' : 'backward',
            },
            context,
          });
    await this.caseFollowUps.stageReviewed(
      manager,
      caseId,
      transition ? 'the adviser decided the stage' : 'the adviser confirmed the stage',
    );
    return transition;
  }

  /** The adviser keeps the stage after review: on the timeline and in the audit trail, no transition. */
  private async confirmStage(
    manager: EntityManager,
    caseId: string,
    stage: Stage,
    reason: string,
    context: AuditContext,
  ): Promise<undefined> {
    await this.timeline.record(manager, {
      caseId,
      kind: 'stage.confirmed',
      occurredAt: new Date(),
      actorId: context.actorId,
      data: { stage, reason },
    });
    await this.audit.record(manager, {
      action: 'case.stage_confirmed',
      entityType: 'case',
      entityId: caseId,
      before: { stage },
      after: { stage, reason },
      context,
    });
    return undefined;
  }

  /** The case's export opportunities an outcome may name (for the outcome form and list), oldest first. */
  async opportunitiesOf(caseId: string): Promise<{ id: string; market: string; product: string }[]> {
    return this.dataSource.manager.getRepository(ExportOpportunity).find({
      select: { id: true, market: true, product: true },
      where: { caseId },
      order: { createdAt: 'ASC' },
    });
  }

  /** Export sales recorded as outcomes in the recent window, for stage classification. */
  async exportFacts(manager: EntityManager, caseId: string): Promise<ExportFacts> {
    const months = this.rules.classification.recentExportMonths;
    const rows = (await manager.query(
      `SELECT kind, country FROM export_outcomes
        WHERE case_id = $1 AND kind = ANY($2::text[])
          AND occurred_on >= (now() - make_interval(months => $3))::date
          AND (kind <> 'export_win' OR confirmed)`,
      [caseId, EXPORTING_OUTCOMES, months],
    )) as { kind: string; country: string | null }[];
    const markets = [...new Set(rows.map((r) => r.country).filter((c): c is string => !!c))];
    return { exportedRecently: rows.length > 0, markets };
  }

  async view(caseId: string): Promise<ProgressView> {
    const manager = this.dataSource.manager;
    const found = await manager.getRepository(Case).findOneBy({ id: caseId });
    if (!found) throw new NotFoundError('case', caseId);
    const [transitions, outcomes, achieved] = await Promise.all([
      manager
        .getRepository(StageTransition)
        .find({ where: { caseId }, order: { occurredAt: 'ASC', createdAt: 'ASC' } }),
      manager
        .getRepository(ExportOutcome)
        .find({ where: { caseId }, order: { occurredOn: 'DESC', createdAt: 'DESC' } }),
      manager.getRepository(CaseMilestone).find({ where: { caseId } }),
    ]);
    const at = new Map(achieved.map((m) => [m.code, m.achievedAt]));
    return {
      stage: found.stage,
      version: found.version,
      transitions,
      outcomes,
      milestones: this.rules.milestones.map((m) => ({
        code: m.code,
        stage: m.stage,
        achievedAt: at.get(m.code) ?? null,
      })),
    };
  }

  private async achievedCodes(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT code FROM case_milestones WHERE case_id = $1`, [caseId])) as {
      code: string;
    }[];
    return rows.map((r) => r.code);
  }

  /** Inserts each newly proven milestone once (ON CONFLICT: evidence arriving twice changes nothing). */
  private async tick(
    manager: EntityManager,
    caseId: string,
    evidence: MilestoneEvidenceInput,
    refType: string,
    refId: string,
    context: AuditContext,
  ): Promise<string[]> {
    const codes = milestonesFor(this.rules.milestones, evidence).map((m) => m.code);
    if (codes.length === 0) return [];
    const inserted = (await manager.query(
      `INSERT INTO case_milestones (case_id, code, achieved_at, ref_type, ref_id)
       SELECT $1, code, now(), $3, $4 FROM unnest($2::text[]) AS code
       ON CONFLICT (case_id, code) DO NOTHING
       RETURNING code`,
      [caseId, codes, refType, refId],
    )) as { code: string }[];
    for (const { code } of inserted) {
      await this.timeline.record(manager, {
        caseId,
        kind: 'milestone.achieved',
        actorId: context.actorId,
        data: { milestone: code },
        refType,
        refId,
      });
    }
    if (inserted.length)
      await this.audit.record(manager, {
        action: 'case.milestones_achieved',
        entityType: 'case',
        entityId: caseId,
        before: null,
        after: { milestones: inserted.map((r) => r.code), refType, refId },
        context,
      });
    return inserted.map((r) => r.code);
  }
}
