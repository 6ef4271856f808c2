import {
  DomainEvent,
  EmailDeliveries,
  HandlesEvent,
  InjectJobQueue,
  NotificationDelivery,
  Sweeper,
  type JobQueue,
} from '@app/messaging';
import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { FIRE_FOLLOW_UP_JOB, FOLLOW_UPS_QUEUE } from './follow-up-queue.module';
import { FollowUpRunner } from './follow-up-runner.service';
import { FollowUp } from './follow-up.entity';
import { FOLLOW_UP_CLOSED, FOLLOW_UP_SCHEDULED } from './follow-up.service';

export interface FireJobData {
  id: string;
  step: number;
}

export function fireJobId(id: string, step: number): string {
  return `${id}:${step}`;
}

const SWEEP_LIMIT = 5000;

/**
 * The reminders' jobs, on messaging's queues and hooks: a scheduled follow-up gets a delayed job for its
 * step (and a closed one loses its jobs), a due step fires (FollowUpRunner) and its email is queued, a
 * delivered or abandoned email moves the follow-up on, and each sweep re-enqueues due steps Redis lost.
 * Each reads the row first, so a stale or repeated event or job is harmless.
 */
@Injectable()
export class FollowUpJobs implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @InjectJobQueue(FOLLOW_UPS_QUEUE) private readonly queue: JobQueue<FireJobData>,
    private readonly runner: FollowUpRunner,
    private readonly deliveries: EmailDeliveries,
    private readonly delivery: NotificationDelivery,
    private readonly sweeper: Sweeper,
    private readonly rules: FollowUpRulesFile,
  ) {}

  onModuleInit(): void {
    this.delivery.onSettled((manager, notification) =>
      notification.followUpId !== null && notification.followUpStep !== null
        ? this.runner.advance(manager, notification.followUpId, notification.followUpStep)
        : Promise.resolve(),
    );
    this.sweeper.addSource('followUps', () => this.enqueueDue());
  }

  onApplicationBootstrap(): void {
    this.queue.consume(FIRE_FOLLOW_UP_JOB, this.rules.engine.concurrency, async (job) => {
      const ids = await this.runner.fire(job.data.id, job.data.step);
      // If this fails (Redis gone again) the sweep delivers them: the rows are committed.
      await this.deliveries
        .enqueue(ids.map((notificationId) => ({ notificationId, attempt: 0 })))
        .catch(() => undefined);
      return { notifications: ids.length };
    });
  }

  @HandlesEvent(FOLLOW_UP_SCHEDULED)
  async onScheduled(event: DomainEvent<'follow-up.scheduled'>): Promise<void> {
    const row = await this.dataSource.getRepository(FollowUp).findOneBy({ id: event.aggregateId });
    if (!row || row.status !== 'scheduled') return;
    await this.enqueueFire(row);
  }

  @HandlesEvent(FOLLOW_UP_CLOSED)
  async onClosed(event: DomainEvent<'follow-up.closed'>): Promise<void> {
    const row = await this.dataSource.getRepository(FollowUp).findOneBy({ id: event.aggregateId });
    if (!row || row.status === 'scheduled' || row.status === 'due') return;
    await this.queue.removePending(row.plan.map((_, step) => fireJobId(row.id, step)));
  }

  async enqueueFire(row: Pick<FollowUp, 'id' | 'step' | 'dueAt'>): Promise<boolean> {
    return this.queue.ensure(
      FIRE_FOLLOW_UP_JOB,
      { id: row.id, step: row.step },
      fireJobId(row.id, row.step),
      { delayMs: row.dueAt.getTime() - Date.now() },
    );
  }

  /** The sweep's part for reminders: steps due in Postgres without a live job fire now. */
  private async enqueueDue(): Promise<number> {
    const due = (await this.dataSource.query(
      `SELECT id, step FROM follow_up WHERE status = 'scheduled' AND due_at <= now() ORDER BY due_at LIMIT $1`,
      [SWEEP_LIMIT],
    )) as { id: string; step: number }[];
    let added = 0;
    for (const row of due) {
      const data = { id: row.id, step: row.step };
      if (await this.queue.ensure(FIRE_FOLLOW_UP_JOB, data, fireJobId(row.id, row.step), {}, true)) added++;
    }
    return added;
  }
}
