import { OutboxService, type Contact } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, EntityNotFoundError, In } from 'typeorm';
import { WorkingCalendar } from '../calendar/working-calendar';
import { FollowUpRule, FollowUpRulesFile } from '../config/follow-up-rules';
import { planFollowUp } from './follow-up-plan';
import { FollowUp, OPEN_FOLLOW_UP_STATUSES, Recipients } from './follow-up.entity';

export const FOLLOW_UP_SCHEDULED = 'follow-up.scheduled';
export const FOLLOW_UP_CLOSED = 'follow-up.closed';

export interface ScheduleFollowUpInput {
  /** A rule code from config/follow-ups.yaml. */
  rule: string;
  caseId: string;
  /** The rule's starting point: assignment time, last audit, next-step date, … */
  anchorAt: Date;
  /** Makes the call idempotent: the same key never creates a second follow-up (use the event id). */
  sourceKey: string;
  /** Distinguishes several open follow-ups of one rule on one case (a booking id); default the case. */
  subjectKey?: string;
  variant?: string;
  assignee?: Contact | null;
  officer?: Contact | null;
  sme?: Contact | null;
  partner?: Contact | null;
  context?: Record<string, string>;
  /** When one is already open for the same case, rule and subject: keep it (default) or replace it. */
  ifOpen?: 'keep' | 'replace';
}

export interface CloseFollowUpsInput {
  caseId: string;
  rules: string[];
  subjectKey?: string;
  reason: string;
}

const OPEN = OPEN_FOLLOW_UP_STATUSES as string[];

/**
 * Creates, closes, reassigns and re-plans follow-ups inside the caller's transaction. It never talks to
 * Redis: each change writes an outbox event, and the worker adds or removes the delayed Bull jobs.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly rules: FollowUpRulesFile,
    private readonly calendar: WorkingCalendar,
    private readonly outbox: OutboxService,
  ) {}

  /** Creates the follow-up a rule asks for, or returns the one that already answers this trigger. */
  async schedule(manager: EntityManager, input: ScheduleFollowUpInput): Promise<FollowUp> {
    return (await this.scheduleMany(manager, [input]))[0];
  }

  /**
   * `schedule` for several triggers in a handful of statements, whatever their number (a batch of cases
   * assigned in one transaction). Answers in the inputs' order. No two inputs may share a source key or a
   * case, rule and subject: the second would have to see the first's row.
   */
  async scheduleMany(manager: EntityManager, inputs: readonly ScheduleFollowUpInput[]): Promise<FollowUp[]> {
    if (inputs.length === 0) return [];
    const items = inputs.map((input) => {
      const rule = this.rules.rule(input.rule);
      if (!rule) throw new Error(`unknown follow-up rule "${input.rule}"`);
      return { input, rule, subjectKey: input.subjectKey ?? '' };
    });
    const slot = (caseId: string, rule: string, subjectKey: string) => `${caseId}|${rule}|${subjectKey}`;
    if (
      new Set(items.map((i) => i.input.sourceKey)).size < items.length ||
      new Set(items.map((i) => slot(i.input.caseId, i.rule.code, i.subjectKey))).size < items.length
    )
      throw new Error('scheduleMany: two inputs share a source key or a case, rule and subject');
    const repo = manager.getRepository(FollowUp);
    const answers = new Map<string, FollowUp>();
    for (const row of await repo.findBy({ sourceKey: In(items.map((i) => i.input.sourceKey)) }))
      answers.set(row.sourceKey, row);
    const fresh = items.filter((i) => !answers.has(i.input.sourceKey));

    const open =
      fresh.length === 0
        ? []
        : await repo
            .createQueryBuilder('f')
            .where(
              '(f.case_id, f.rule_code, f.subject_key) IN (SELECT * FROM unnest(CAST(:cases AS uuid[]), CAST(:rules AS text[]), CAST(:subjects AS text[])))',
              {
                cases: fresh.map((i) => i.input.caseId),
                rules: fresh.map((i) => i.rule.code),
                subjects: fresh.map((i) => i.subjectKey),
              },
            )
            .andWhere('f.status IN (:...open)', { open: OPEN })
            .setLock('pessimistic_write')
            .getMany();
    const openBySlot = new Map(open.map((f) => [slot(f.caseId, f.ruleCode, f.subjectKey), f]));
    const toReplace: string[] = [];
    const toInsert: typeof fresh = [];
    for (const item of fresh) {
      const existing = openBySlot.get(slot(item.input.caseId, item.rule.code, item.subjectKey));
      if (existing && (item.input.ifOpen ?? 'keep') === 'keep') answers.set(item.input.sourceKey, existing);
      else {
        if (existing) toReplace.push(existing.id);
        toInsert.push(item);
      }
    }
    await this.closeRows(manager, toReplace, 'cancelled', 'replaced by a newer trigger');
    if (toInsert.length > 0) await this.insertPlanned(manager, toInsert, answers);
    return items.map((i) => answers.get(i.input.sourceKey)!);
  }

  /** Inserts the planned rows with their outbox events; a row another transaction won is read instead. */
  private async insertPlanned(
    manager: EntityManager,
    items: { input: ScheduleFollowUpInput; rule: FollowUpRule; subjectKey: string }[],
    answers: Map<string, FollowUp>,
  ): Promise<void> {
    const repo = manager.getRepository(FollowUp);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(FollowUp)
      .values(
        items.map(({ input, rule, subjectKey }) => {
          const { deadlineAt, steps } = planFollowUp(rule, input.anchorAt, this.calendar, input.variant);
          const recipients: Recipients = {};
          if (input.assignee) recipients.assignee = input.assignee;
          if (input.officer) recipients.officer = input.officer;
          if (input.sme) recipients.sme = input.sme;
          if (input.partner) recipients.partner = input.partner;
          return {
            caseId: input.caseId,
            kind: rule.code,
            ruleCode: rule.code,
            ruleVariant: input.variant ?? null,
            subjectKey,
            sourceKey: input.sourceKey,
            assigneeId: input.assignee?.userId ?? null,
            recipients,
            context: input.context ?? {},
            anchorAt: input.anchorAt,
            deadlineAt,
            plan: steps,
            step: 0,
            dueAt: new Date(steps[0].at),
            status: 'scheduled' as const,
          };
        }),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = (inserted.raw as { id: string }[]).map((r) => r.id);
    const rows = ids.length > 0 ? await repo.findBy({ id: In(ids) }) : [];
    for (const row of rows) answers.set(row.sourceKey, row);
    await this.outbox.addMany(
      manager,
      rows.map((row) => ({
        type: FOLLOW_UP_SCHEDULED,
        aggregateType: 'follow_up',
        aggregateId: row.id,
        payload: { followUpId: row.id, step: 0, dueAt: row.dueAt.toISOString() },
      })),
    );
    // A concurrent transaction won the race for the same trigger: its row is the answer.
    const lost = items.map((i) => i.input.sourceKey).filter((key) => !answers.has(key));
    if (lost.length === 0) return;
    for (const row of await repo.findBy({ sourceKey: In(lost) })) answers.set(row.sourceKey, row);
    const missing = lost.find((key) => !answers.has(key));
    if (missing) throw new EntityNotFoundError(FollowUp, { sourceKey: missing });
  }

  /** The condition is met (an interaction for first contact, an audit for re-audit): close open ones. */
  async complete(manager: EntityManager, input: CloseFollowUpsInput): Promise<number> {
    return this.closeMatching(manager, input, 'done');
  }

  async cancel(manager: EntityManager, input: CloseFollowUpsInput): Promise<number> {
    return this.closeMatching(manager, input, 'cancelled');
  }

  /** Cancels every open follow-up of the case but those of `keepRules` (the case closed). */
  async cancelAllOfCase(
    manager: EntityManager,
    caseId: string,
    reason: string,
    keepRules: readonly string[] = [],
  ): Promise<number> {
    const rows = (await manager.query(
      `SELECT id FROM follow_up WHERE case_id = $1 AND status = ANY($2) AND NOT (rule_code = ANY($3))`,
      [caseId, OPEN, [...keepRules]],
    )) as { id: string }[];
    return this.closeRows(
      manager,
      rows.map((r) => r.id),
      'cancelled',
      reason,
    );
  }

  /** Closes one follow-up by id (an officer's decision); false when it was not open. */
  async closeOne(
    manager: EntityManager,
    id: string,
    outcome: 'done' | 'cancelled',
    reason: string,
  ): Promise<boolean> {
    return (await this.closeRows(manager, [id], outcome, reason)) === 1;
  }

  /**
   * The case has a new adviser: open follow-ups now belong to them. Pending jobs carry only the row id,
   * so the next reminder goes to the new adviser without touching Redis.
   */
  async reassign(manager: EntityManager, caseId: string, assignee: Contact): Promise<number> {
    return this.reassignMany(manager, [{ caseId, assignee }]);
  }

  /** `reassign` for several cases in one statement; each case is named once. */
  async reassignMany(
    manager: EntityManager,
    changes: readonly { caseId: string; assignee: Contact }[],
  ): Promise<number> {
    if (changes.length === 0) return 0;
    const result = await manager.query(
      `UPDATE follow_up f
          SET assignee_id = x.assignee_id,
              recipients = f.recipients || jsonb_build_object('assignee', x.assignee),
              updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS x(case_id, assignee_id, assignee)
        WHERE f.case_id = x.case_id AND f.status = ANY($4)`,
      [
        changes.map((c) => c.caseId),
        changes.map((c) => c.assignee.userId ?? null),
        changes.map((c) => JSON.stringify(c.assignee)),
        OPEN,
      ],
    );
    return rowCount(result);
  }

  /**
   * An officer moves a follow-up's due date: the old row is cancelled and a new one planned from the new
   * due date with the rule as it is now (its own id, so the old delayed jobs cannot fire it).
   */
  async replan(
    manager: EntityManager,
    id: string,
    newDeadline: Date,
    reason: string,
  ): Promise<FollowUp | null> {
    const repo = manager.getRepository(FollowUp);
    const old = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!old || !OPEN.includes(old.status)) return null;
    const rule = this.rules.rule(old.ruleCode);
    if (!rule) return null;
    await this.closeRows(manager, [old.id], 'cancelled', `re-planned: ${reason}`);
    // Re-plan from the new due date: the anchor is whatever puts the deadline there under the rule.
    const plan = planFollowUp({ ...rule, due: {} }, newDeadline, this.calendar);
    const inserted = await repo.save(
      repo.create({
        caseId: old.caseId,
        kind: old.kind,
        ruleCode: old.ruleCode,
        ruleVariant: old.ruleVariant,
        subjectKey: old.subjectKey,
        sourceKey: `replan:${old.id}:${randomUUID()}`,
        assigneeId: old.assigneeId,
        recipients: old.recipients,
        context: old.context,
        anchorAt: old.anchorAt,
        deadlineAt: plan.deadlineAt,
        plan: plan.steps,
        step: 0,
        dueAt: new Date(plan.steps[0].at),
        status: 'scheduled',
      }),
    );
    await this.outbox.add(manager, {
      type: FOLLOW_UP_SCHEDULED,
      aggregateType: 'follow_up',
      aggregateId: inserted.id,
      payload: { followUpId: inserted.id, step: 0, dueAt: inserted.dueAt.toISOString() },
    });
    return inserted;
  }

  private async closeMatching(
    manager: EntityManager,
    input: CloseFollowUpsInput,
    outcome: 'done' | 'cancelled',
  ): Promise<number> {
    const params: unknown[] = [input.caseId, input.rules, OPEN];
    let sql = `SELECT id FROM follow_up WHERE case_id = $1 AND rule_code = ANY($2) AND status = ANY($3)`;
    if (input.subjectKey !== undefined) {
      params.push(input.subjectKey);
      sql += ` AND subject_key = $4`;
    }
    const rows = (await manager.query(sql, params)) as { id: string }[];
    return this.closeRows(
      manager,
      rows.map((r) => r.id),
      outcome,
      input.reason,
    );
  }

  /** Guarded: only open rows close, so closing twice (or a fired step racing a close) changes nothing. */
  private async closeRows(
    manager: EntityManager,
    ids: string[],
    outcome: 'done' | 'cancelled',
    reason: string,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const closed = (await manager.query(
      `UPDATE follow_up SET status = $2, closed_at = now(), close_reason = $3, updated_at = now()
        WHERE id = ANY($1) AND status = ANY($4)
        RETURNING id`,
      [ids, outcome, reason.slice(0, 200), OPEN],
    )) as [{ id: string }[], number];
    const closedIds = closed[0].map((r) => r.id);
    if (closedIds.length > 0)
      await this.outbox.addMany(
        manager,
        closedIds.map((id) => ({
          type: FOLLOW_UP_CLOSED,
          aggregateType: 'follow_up',
          aggregateId: id,
          payload: { followUpId: id, outcome },
        })),
      );
    return closedIds.length;
  }
}

/** TypeORM's raw UPDATE result on Postgres is [rows, affectedCount]. */
function rowCount(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
