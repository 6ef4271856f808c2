import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DomainEvent, HandlesEvent } from '../outbox/handles-event.decorator';
import { NOTIFICATION_CREATED } from '../notifications/notification.service';
import { ensureJob } from '../queue/ensure-job';
import {
  DELIVER_NOTIFICATION_JOB,
  FIRE_FOLLOW_UP_JOB,
  FOLLOW_UPS_QUEUE,
  NOTIFICATIONS_QUEUE,
} from '../queue/queue-names';
import { FollowUp } from './follow-up.entity';
import { FOLLOW_UP_CLOSED, FOLLOW_UP_SCHEDULED } from './follow-up.service';

export interface FireJobData {
  id: string;
  step: number;
}

export interface DeliverJobData {
  id: string;
}

export function fireJobId(id: string, step: number): string {
  return `${id}:${step}`;
}

export function deliverJobId(id: string, attempts: number): string {
  return `${id}:${attempts}`;
}

/**
 * The engine's own event handlers: they turn follow-up and notification rows into Bull jobs (and remove
 * the jobs of closed follow-ups). Each reads the row first, so a stale or repeated event is harmless.
 */
@Injectable()
export class FollowUpJobsHandler {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(FOLLOW_UPS_QUEUE) private readonly followUps: Queue<FireJobData>,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly notifications: Queue<DeliverJobData>,
  ) {}

  @HandlesEvent(FOLLOW_UP_SCHEDULED)
  async onScheduled(event: DomainEvent): Promise<void> {
    const row = await this.dataSource.getRepository(FollowUp).findOneBy({ id: event.aggregateId });
    if (!row || row.status !== 'scheduled') return;
    await this.enqueueFire(row);
  }

  @HandlesEvent(FOLLOW_UP_CLOSED)
  async onClosed(event: DomainEvent): Promise<void> {
    const row = await this.dataSource.getRepository(FollowUp).findOneBy({ id: event.aggregateId });
    if (!row || row.status === 'scheduled' || row.status === 'due') return;
    for (let step = 0; step < row.plan.length; step++) {
      const job = await this.followUps.getJob(fireJobId(row.id, step));
      if (!job) continue;
      const state = await job.getState();
      if (state === 'delayed' || state === 'waiting' || state === 'paused')
        await job.remove().catch(() => undefined);
    }
  }

  @HandlesEvent(NOTIFICATION_CREATED)
  async onNotificationCreated(event: DomainEvent): Promise<void> {
    await ensureJob(
      this.notifications,
      DELIVER_NOTIFICATION_JOB,
      { id: event.aggregateId },
      deliverJobId(event.aggregateId, 0),
    );
  }

  async enqueueFire(row: Pick<FollowUp, 'id' | 'step' | 'dueAt'>): Promise<boolean> {
    return ensureJob(
      this.followUps,
      FIRE_FOLLOW_UP_JOB,
      { id: row.id, step: row.step },
      fireJobId(row.id, row.step),
      { delay: Math.max(0, row.dueAt.getTime() - Date.now()) },
    );
  }
}
