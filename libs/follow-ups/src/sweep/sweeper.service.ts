import { hostname } from 'node:os';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { DeliverJobData, deliverJobId, FireJobData, fireJobId } from '../follow-up/follow-up-jobs.handler';
import { EventJobData } from '../outbox/outbox-relay.service';
import { ensureJob, queueReady } from '../queue/ensure-job';
import {
  DELIVER_NOTIFICATION_JOB,
  DISPATCH_EVENT_JOB,
  EVENTS_QUEUE,
  FIRE_FOLLOW_UP_JOB,
  FOLLOW_UPS_QUEUE,
  NOTIFICATIONS_QUEUE,
} from '../queue/queue-names';

const LIMIT = 5000;
export const SWEEP_LEASE = 'follow-ups';

export interface SweepResult {
  followUps: number;
  notifications: number;
  events: number;
}

/**
 * Re-enqueues work that Postgres says is due but Redis has no live job for: due follow-up steps,
 * notifications waiting for (another) delivery attempt or abandoned mid-send, and published events never
 * processed. A flushed Redis thus costs at most one interval. It runs on a timer in every worker rather
 * than as a Bull repeatable job, because a repeatable job would vanish with the Redis it is meant to
 * repair. Every worker's timer ticks, but a lease row in Postgres lets one sweep per interval (running
 * twice would be harmless, since job ids are fixed, but it would double the load for nothing).
 */
@Injectable()
export class Sweeper {
  private readonly logger = new Logger(Sweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: FollowUpRulesFile,
    @InjectQueue(EVENTS_QUEUE) private readonly events: Queue<EventJobData>,
    @InjectQueue(FOLLOW_UPS_QUEUE) private readonly followUps: Queue<FireJobData>,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly notifications: Queue<DeliverJobData>,
  ) {}

  start(): void {
    if (this.timer) return;
    const tick = (): void => {
      this.current = this.claimInterval()
        .then((mine) => (mine ? this.sweepOnce() : undefined))
        .catch((error: Error) => this.logger.warn(`Sweep failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.rules.engine.sweepIntervalMs);
        });
    };
    this.timer = setTimeout(tick, Math.min(1000, this.rules.engine.sweepIntervalMs));
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /**
   * Whether this worker runs this interval's sweep: a conditional update on the lease row that only one
   * worker can win per (most of an) interval. The 0.8 leaves room for timer jitter, so two workers never
   * both skip an interval.
   */
  async claimInterval(): Promise<boolean> {
    const won = (await this.dataSource.query(
      `INSERT INTO sweep_leases (name, last_run_at, runs, holder) VALUES ($1, now(), 1, $3)
       ON CONFLICT (name) DO UPDATE SET last_run_at = now(), runs = sweep_leases.runs + 1, holder = $3
        WHERE sweep_leases.last_run_at <= now() - $2 * interval '1 millisecond'
       RETURNING runs`,
      [SWEEP_LEASE, Math.floor(this.rules.engine.sweepIntervalMs * 0.8), `${hostname()}:${process.pid}`],
    )) as unknown[];
    return won.length > 0;
  }

  async sweepOnce(): Promise<SweepResult> {
    const result: SweepResult = { followUps: 0, notifications: 0, events: 0 };
    if (!queueReady(this.followUps)) return result;

    const due = (await this.dataSource.query(
      `SELECT id, step FROM follow_up WHERE status = 'scheduled' AND due_at <= now() ORDER BY due_at LIMIT $1`,
      [LIMIT],
    )) as { id: string; step: number }[];
    for (const row of due) {
      if (
        await ensureJob(
          this.followUps,
          FIRE_FOLLOW_UP_JOB,
          { id: row.id, step: row.step },
          fireJobId(row.id, row.step),
          {},
          true,
        )
      )
        result.followUps++;
    }

    const pending = (await this.dataSource.query(
      `SELECT id, attempts FROM notification
        WHERE (status IN ('created', 'failed_temporary') AND next_attempt_at <= now())
           OR (status = 'sending' AND sending_started_at < now() - $2 * interval '1 millisecond')
        ORDER BY next_attempt_at LIMIT $1`,
      [LIMIT, this.rules.engine.staleSendingMs],
    )) as { id: string; attempts: number }[];
    for (const row of pending) {
      if (
        await ensureJob(
          this.notifications,
          DELIVER_NOTIFICATION_JOB,
          { id: row.id },
          deliverJobId(row.id, row.attempts),
        )
      )
        result.notifications++;
    }

    const lost = (await this.dataSource.query(
      `SELECT id FROM outbox_event
        WHERE processed_at IS NULL AND published_at < now() - $2 * interval '1 millisecond'
        ORDER BY published_at LIMIT $1`,
      [LIMIT, this.rules.engine.staleEventMs],
    )) as { id: string }[];
    for (const row of lost) {
      if (await ensureJob(this.events, DISPATCH_EVENT_JOB, { id: row.id }, row.id)) result.events++;
    }

    if (result.followUps + result.notifications + result.events > 0)
      this.logger.log(
        `Sweep re-enqueued ${result.followUps} follow-up(s), ${result.notifications} notification(s), ${result.events} event(s)`,
      );
    return result;
  }
}
