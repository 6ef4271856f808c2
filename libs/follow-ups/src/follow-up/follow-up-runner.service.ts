import { UnitOfWork } from '@app/database';
import { AppConfig } from '@app/config';
import { NotificationService, OutboxService, type LanguageCode } from '@app/messaging';
import { formatDate } from '@app/time';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { statusAfterStep } from './follow-up-plan';
import { FollowUp } from './follow-up.entity';
import { FOLLOW_UP_SCHEDULED } from './follow-up.service';

/** Bull may fire a delayed job a moment before Postgres's clock agrees it is due. */
const CLOCK_TOLERANCE = "interval '2 seconds'";

/**
 * What the worker does when a follow-up's step comes due. Every transition is a conditional UPDATE on the
 * row's current status and step, so a job that runs twice, or a follow-up closed meanwhile, changes
 * nothing.
 */
@Injectable()
export class FollowUpRunner {
  private readonly logger = new Logger(FollowUpRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
    private readonly rules: FollowUpRulesFile,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Claims the step (scheduled → due) and creates its notification in one transaction. Returns the ids of
   * notifications to deliver (empty when there was nothing to do).
   */
  async fire(id: string, step: number): Promise<string[]> {
    return this.uow.run(
      async (manager) => {
        const [claimed] = (await manager.query(
          `UPDATE follow_up SET status = 'due', attempts = attempts + 1, updated_at = now()
          WHERE id = $1 AND step = $2 AND status = 'scheduled' AND due_at <= now() + ${CLOCK_TOLERANCE}
          RETURNING id`,
          [id, step],
        )) as [{ id: string }[], number];
        if (claimed.length === 0) return [];
        const row = await manager.getRepository(FollowUp).findOneByOrFail({ id });
        const planned = row.plan[step];
        const recipient = planned ? row.recipients[planned.notify] : undefined;
        if (!planned || !recipient) {
          this.logger.warn(
            `Follow-up ${id} step ${step}: no ${planned?.notify ?? 'step'} to notify; moving on`,
          );
          await this.advance(manager, id, step);
          return [];
        }
        const { id: notificationId } = await this.notifications.insert(manager, {
          idempotencyKey: `${id}:${step}`,
          kind: `${row.ruleCode}.${planned.notify}`,
          fallbackTemplate: `generic.${planned.action}`,
          recipient,
          caseId: row.caseId,
          followUpId: id,
          followUpStep: step,
          values: this.templateValues(row, recipient.language ?? 'en', planned.notify),
        });
        return [notificationId];
      },
      { retries: 0 },
    );
  }

  /**
   * The step's notification was delivered (or given up on): move to the next step, or to sent/escalated
   * after the last. Only a row still `due` at this step moves.
   */
  async advance(manager: EntityManager, id: string, step: number): Promise<void> {
    const row = await manager
      .getRepository(FollowUp)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row || row.status !== 'due' || row.step !== step) return;
    const next = statusAfterStep(row.plan, step);
    if (next === 'scheduled') {
      const dueAt = new Date(row.plan[step + 1].at);
      await manager.query(
        `UPDATE follow_up SET status = 'scheduled', step = $2, due_at = $3, updated_at = now()
          WHERE id = $1 AND status = 'due' AND step = $4`,
        [id, step + 1, dueAt, step],
      );
      await this.outbox.add(manager, {
        type: FOLLOW_UP_SCHEDULED,
        aggregateType: 'follow_up',
        aggregateId: id,
        payload: { followUpId: id, step: step + 1, dueAt: dueAt.toISOString() },
      });
    } else {
      await manager.query(
        `UPDATE follow_up SET status = $2, updated_at = now() WHERE id = $1 AND status = 'due' AND step = $3`,
        [id, next, step],
      );
    }
  }

  private templateValues(row: FollowUp, language: LanguageCode, audience: string): Record<string, string> {
    const date = (at: Date): string => formatDate(at, this.config.PROGRAMME_TIME_ZONE, language);
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    return {
      companyName: '',
      moduleTitle: '',
      nextStep: '',
      ...row.context,
      description: this.rules.rule(row.ruleCode)?.description ?? row.ruleCode,
      dueDate: date(row.deadlineAt),
      anchorDate: date(row.anchorAt),
      assigneeName: row.recipients.assignee?.name ?? '',
      link: audience === 'sme' ? `${base}/` : `${base}/cases/${row.caseId}`,
    };
  }
}
