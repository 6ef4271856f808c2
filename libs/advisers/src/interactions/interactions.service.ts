import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { Case, CasesService } from '@app/cases';
import { EnrolmentRules } from '@app/enrolment';
import { InvalidInputError, NotFoundError, UnprocessableError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { OutboxService } from '@app/messaging';
import { localDate } from '@app/time';
import { isUuid } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaleCaseError } from '../advisers.errors';
import { CorrectInteractionDto } from '../dto/correct-interaction.dto';
import { LogInteractionDto } from '../dto/log-interaction.dto';
import { ensureCaseWork } from '../caseload/ensure-case-work';
import { CaseWork } from '../entities/case-work.entity';
import { Interaction } from '../entities/interaction.entity';

/**
 * Interactions and the adviser's case summary. Both bump the case's version under the optimistic lock, so
 * an adviser working from a stale page gets a 409 showing what changed instead of silently overwriting.
 */
@Injectable()
export class InteractionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly outbox: OutboxService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly cases: CasesService,
  ) {}

  async log(
    m: EntityManager,
    caseId: string,
    input: LogInteractionDto,
    actorId: string,
    context: AuditContext,
    expectedVersion?: number,
  ): Promise<{ interaction: Interaction; firstContact: boolean; version: number }> {
    this.checkInput(input);
    const kase = await this.lock(m, caseId, expectedVersion);
    this.checkOpen(kase);
    this.checkDate(kase, input.occurredOn);
    await ensureCaseWork(m, kase);
    const repo = m.getRepository(Interaction);
    const interaction = await repo.save(
      repo.create({
        caseId,
        loggedById: actorId,
        kind: input.kind,
        occurredOn: input.occurredOn,
        notes: input.notes,
        barriers: input.barriers ?? [],
        supportMeasures: input.supportMeasures ?? [],
        nextStep: input.nextStep ?? null,
        nextStepDue: input.nextStepDue ?? null,
      }),
    );
    // The first interaction is the first contact (the case row is locked, so the count is exact); the latest
    // logged one sets the next step.
    const [work] = (await m.query(
      `INSERT INTO case_work (case_id, first_contact_on, last_contact_on, next_step, next_step_due)
       VALUES ($1, $2, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET
         first_contact_on = COALESCE(case_work.first_contact_on, EXCLUDED.first_contact_on),
         last_contact_on = GREATEST(case_work.last_contact_on, EXCLUDED.last_contact_on),
         next_step = EXCLUDED.next_step, next_step_due = EXCLUDED.next_step_due, updated_at = now()
       RETURNING last_contact_on::text AS last_contact_on,
                 (SELECT count(*) FROM interactions i WHERE i.case_id = $1 AND i.voided_at IS NULL) AS total`,
      [caseId, input.occurredOn, input.nextStep ?? null, input.nextStepDue ?? null],
    )) as { total: string; last_contact_on: string }[];
    const firstContact = Number(work.total) === 1;
    const version = await this.bump(m, kase);
    await this.caseFollowUps.contacted(m, kase, {
      interactionId: interaction.id,
      lastContactOn: work.last_contact_on,
      nextStep: interaction.nextStep,
      nextStepDue: interaction.nextStepDue,
    });
    await this.audit.record(m, {
      action: 'interaction.logged',
      entityType: 'case',
      entityId: caseId,
      before: null,
      after: {
        interactionId: interaction.id,
        kind: interaction.kind,
        occurredOn: interaction.occurredOn,
        barriers: interaction.barriers,
        supportMeasures: interaction.supportMeasures,
        nextStepDue: interaction.nextStepDue,
      },
      context,
    });
    await this.timeline.record(m, {
      caseId,
      kind: 'interaction.logged',
      actorId,
      data: {
        kind: interaction.kind,
        occurredOn: interaction.occurredOn,
        barriers: interaction.barriers,
        supportMeasures: interaction.supportMeasures,
        nextStep: interaction.nextStep,
        nextStepDue: interaction.nextStepDue,
        firstContact,
      },
      refType: 'interaction',
      refId: interaction.id,
    });
    await this.outbox.add(m, {
      type: 'interaction.logged',
      aggregateType: 'case',
      aggregateId: caseId,
      payload: {
        caseId,
        interactionId: interaction.id,
        adviserId: kase.assignedAdviserId,
        loggedById: actorId,
        kind: interaction.kind,
        occurredOn: interaction.occurredOn,
        firstContact,
        nextStep: interaction.nextStep,
        nextStepDue: interaction.nextStepDue,
      },
    });
    return { interaction, firstContact, version };
  }

  async updateSummary(
    m: EntityManager,
    caseId: string,
    summary: string,
    context: AuditContext,
    expectedVersion: number | undefined,
  ): Promise<{ version: number }> {
    const kase = await this.lock(m, caseId, expectedVersion, summary);
    await ensureCaseWork(m, kase);
    const before = await m.getRepository(CaseWork).findOneBy({ caseId });
    await m.query(
      `INSERT INTO case_work (case_id, summary) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET summary = EXCLUDED.summary, updated_at = now()`,
      [caseId, summary],
    );
    const version = await this.bump(m, kase);
    await this.audit.record(m, {
      action: 'case.summary_updated',
      entityType: 'case',
      entityId: caseId,
      before: { summary: before?.summary ?? '' },
      after: { summary },
      context,
    });
    await this.timeline.record(m, { caseId, kind: 'case_summary.updated', actorId: context.actorId });
    return { version };
  }

  /**
   * Corrects an interaction logged wrongly (kind, date, notes, barriers, support), with a reason; the audit
   * row keeps it as it was. First and last contact follow the corrected dates.
   */
  async correct(
    m: EntityManager,
    caseId: string,
    interactionId: string,
    input: CorrectInteractionDto,
    context: AuditContext,
    expectedVersion?: number,
  ): Promise<{ interaction: Interaction; version: number }> {
    this.checkInput(input);
    const kase = await this.lock(m, caseId, expectedVersion);
    this.checkDate(kase, input.occurredOn);
    const interaction = await this.findOnCase(m, caseId, interactionId);
    if (interaction.voidedAt)
      throw new UnprocessableError('interaction.voided', 'A voided interaction cannot be corrected');
    const before = correctable(interaction);
    Object.assign(interaction, {
      kind: input.kind,
      occurredOn: input.occurredOn,
      notes: input.notes,
      barriers: input.barriers ?? [],
      supportMeasures: input.supportMeasures ?? [],
      correctedAt: new Date(),
      correctedById: context.actorId,
      correctionReason: input.reason,
    });
    const version = await this.amended(m, kase, interaction, 'corrected', context, {
      before: { interactionId, ...before },
      after: { interactionId, ...correctable(interaction), reason: input.reason },
      reason: input.reason,
    });
    return { interaction, version };
  }

  /** Voids an interaction logged by mistake, with a reason: kept in the history, out of contacts and KPIs. */
  async void(
    m: EntityManager,
    caseId: string,
    interactionId: string,
    reason: string,
    context: AuditContext,
    expectedVersion?: number,
  ): Promise<{ interaction: Interaction; version: number }> {
    const kase = await this.lock(m, caseId, expectedVersion);
    const interaction = await this.findOnCase(m, caseId, interactionId);
    if (interaction.voidedAt)
      throw new UnprocessableError('interaction.voided', 'The interaction is already voided');
    Object.assign(interaction, { voidedAt: new Date(), voidedById: context.actorId, voidReason: reason });
    const version = await this.amended(m, kase, interaction, 'voided', context, {
      before: { interactionId, voided: false },
      after: { interactionId, voided: true, reason },
      reason,
    });
    return { interaction, version };
  }

  /**
   * Saves a corrected or voided interaction and what follows: first/last contact recounted, the case's
   * version raised, the audit row (before/after) and the timeline event. The new case version.
   */
  private async amended(
    m: EntityManager,
    kase: Case,
    interaction: Interaction,
    change: 'corrected' | 'voided',
    context: AuditContext,
    record: { before: Record<string, unknown>; after: Record<string, unknown>; reason: string },
  ): Promise<number> {
    await m.getRepository(Interaction).save(interaction);
    await this.recountContacts(m, kase.id);
    const version = await this.bump(m, kase);
    await this.audit.record(m, {
      action: `interaction.${change}`,
      entityType: 'case',
      entityId: kase.id,
      before: record.before,
      after: record.after,
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: `interaction.${change}`,
      actorId: context.actorId,
      data: { kind: interaction.kind, occurredOn: interaction.occurredOn, reason: record.reason },
      refType: 'interaction',
      refId: interaction.id,
    });
    return version;
  }

  /** One interaction of the case (a voided one too), else 404. */
  async findOnCase(m: EntityManager | null, caseId: string, interactionId: string): Promise<Interaction> {
    const found = isUuid(interactionId)
      ? await (m ?? this.dataSource.manager)
          .getRepository(Interaction)
          .findOneBy({ id: interactionId, caseId })
      : null;
    if (!found) throw new NotFoundError('interaction', interactionId);
    return found;
  }

  /** First and last contact from the interactions that stand (a correction moved a date, a void removed one). */
  private async recountContacts(m: EntityManager, caseId: string): Promise<void> {
    await m.query(
      `UPDATE case_work w
          SET first_contact_on = x.first_on, last_contact_on = x.last_on, updated_at = now()
         FROM (SELECT min(occurred_on) AS first_on, max(occurred_on) AS last_on FROM interactions
                WHERE case_id = $1 AND voided_at IS NULL) x
        WHERE w.case_id = $1`,
      [caseId],
    );
  }

  /** Newest first, for the case page. */
  async list(caseId: string, limit = 20): Promise<Interaction[]> {
    return this.dataSource.getRepository(Interaction).find({
      where: { caseId },
      order: { occurredOn: 'DESC', createdAt: 'DESC' },
      take: limit,
    });
  }

  private checkInput(input: LogInteractionDto | CorrectInteractionDto): void {
    const errors = [];
    for (const code of input.supportMeasures ?? [])
      if (!this.enrolmentRules.isSupportMeasure(code))
        errors.push({
          field: 'supportMeasures',
          message: `Unknown support measure "${code}"`,
          code: 'unknown',
        });
    const today = localDate(new Date(), this.config.PROGRAMME_TIME_ZONE);
    if (input.occurredOn > today)
      errors.push({
        field: 'occurredOn',
        message: 'The date of the interaction cannot be in the future',
        code: 'future',
      });
    if ('nextStepDue' in input && input.nextStepDue && !input.nextStep)
      errors.push({ field: 'nextStep', message: 'Describe the next step that is due', code: 'required' });
    if (errors.length) throw new InvalidInputError(errors);
  }

  /** An interaction cannot predate its case: it would count as contact before the case existed. */
  private checkDate(kase: Case, occurredOn: string): void {
    const opened = localDate(kase.openedAt, this.config.PROGRAMME_TIME_ZONE);
    if (occurredOn < opened)
      throw new InvalidInputError([
        {
          field: 'occurredOn',
          message: `The date of the interaction cannot be before the case opened on ${opened}`,
          code: 'before_case_opened',
        },
      ]);
  }

  /** A closed case takes no new interactions (reopen it first). */
  private checkOpen(kase: Case): void {
    if (kase.status === 'closed')
      throw new UnprocessableError('case.closed', 'The case is closed: reopen it to log an interaction');
  }

  /** Locks the case and checks the caller's version; a stale one gets 409 with what changed since. */
  private async lock(
    m: EntityManager,
    caseId: string,
    expectedVersion?: number,
    yourSummary?: string,
  ): Promise<Case> {
    const kase = await this.cases.lock(m, caseId);
    if (!kase) throw new NotFoundError('case', caseId);
    if (expectedVersion !== undefined && expectedVersion !== kase.version) {
      const work = await m.getRepository(CaseWork).findOneBy({ caseId });
      const recent = await this.timeline.list(caseId, { limit: 5 });
      throw new StaleCaseError(caseId, expectedVersion, {
        currentVersion: kase.version,
        current: { summary: work?.summary ?? '', status: kase.status, stage: kase.stage },
        ...(yourSummary !== undefined ? { yours: { summary: yourSummary } } : {}),
        recentChanges: recent.events.map((e) => ({
          kind: e.kind,
          occurredAt: e.occurredAt.toISOString(),
          data: e.data,
        })),
      });
    }
    return kase;
  }

  private async bump(m: EntityManager, kase: Case): Promise<number> {
    const version = await this.cases.touch(m, kase);
    if (version === null) throw new StaleCaseError(kase.id, kase.version, {});
    return version;
  }
}

/** The fields a correction may change, as the audit row shows them. */
function correctable(i: Interaction): Record<string, unknown> {
  return {
    kind: i.kind,
    occurredOn: i.occurredOn,
    notes: i.notes,
    barriers: i.barriers,
    supportMeasures: i.supportMeasures,
  };
}
