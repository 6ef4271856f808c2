import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingSettings } from '../messaging-settings';
import { EmailDeliveries } from '../notifications/email-deliveries';
import type { EventJobData } from '../outbox/outbox-relay.service';
import type { JobQueue } from '../queue/job-queue';
import { InjectJobQueue } from '../queue/job-queues.module';
import { DISPATCH_EVENT_JOB, EVENTS_QUEUE } from '../queue/queue-names';

const LIMIT = 5000;
/** The lease row's name, kept from when the sweep lived in the follow-ups lib (rolling updates share it). */
export const SWEEP_LEASE = 'follow-ups';

/** How many jobs each part of one sweep re-enqueued: `notifications`, `events`, then each added source. */
export type SweepResult = Record<string, number> & { notifications: number; events: number };

/** Work another lib keeps in Postgres and queues through messaging: re-enqueues what is due; returns how many. */
export type SweepSource = () => Promise<number>;

/**
 * Re-enqueues work that Postgres says is due but Redis has no live job for: notifications waiting for
 * (another) delivery attempt or abandoned mid-send, published events never processed, and whatever the
 * sources other libs add (the follow-ups lib's due reminder steps). A flushed Redis thus costs at most one
 * interval. It runs on a timer in every worker rather than as a Bull repeatable job, because a repeatable
 * job would vanish with the Redis it is meant to repair. Every worker's timer ticks, but a lease row in
 * Postgres lets one sweep per interval (running twice would be harmless, since job ids are fixed, but it
 * would double the load for nothing).
 */
@Injectable()
export class Sweeper {
  private readonly logger = new Logger(Sweeper.name);
  private readonly sources = new Map<string, SweepSource>();
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: MessagingSettings,
    @InjectJobQueue(EVENTS_QUEUE) private readonly events: JobQueue<EventJobData>,
    private readonly deliveries: EmailDeliveries,
  ) {}

  /** Adds a lib's own lost-work check to every sweep, run first and reported under `name`. */
  addSource(name: string, source: SweepSource): void {
    this.sources.set(name, source);
  }

  start(): void {
    if (this.timer) return;
    const tick = (): void => {
      this.current = this.claimInterval()
        .then((mine) => (mine ? this.sweepOnce() : undefined))
        .catch((error: Error) => this.logger.warn(`Sweep failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.settings.sweepIntervalMs);
        });
    };
    this.timer = setTimeout(tick, Math.min(1000, this.settings.sweepIntervalMs));
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
      [SWEEP_LEASE, Math.floor(this.settings.sweepIntervalMs * 0.8), `${hostname()}:${process.pid}`],
    )) as unknown[];
    return won.length > 0;
  }

  async sweepOnce(): Promise<SweepResult> {
    const result: SweepResult = { notifications: 0, events: 0 };
    for (const name of this.sources.keys()) result[name] = 0;
    if (!this.events.isReady()) return result;

    for (const [name, source] of this.sources) result[name] = await source();

    const pending = (await this.dataSource.query(
      `SELECT id, attempts FROM notification
        WHERE (status IN ('created', 'failed_temporary') AND next_attempt_at <= now())
           OR (status = 'sending' AND sending_started_at < now() - $2 * interval '1 millisecond')
        ORDER BY next_attempt_at LIMIT $1`,
      [LIMIT, this.settings.staleSendingMs],
    )) as { id: string; attempts: number }[];
    result.notifications = await this.deliveries.enqueue(
      pending.map((row) => ({ notificationId: row.id, attempt: row.attempts })),
      'repair',
    );

    const lost = (await this.dataSource.query(
      `SELECT id FROM outbox_event
        WHERE processed_at IS NULL AND published_at < now() - $2 * interval '1 millisecond'
        ORDER BY published_at LIMIT $1`,
      [LIMIT, this.settings.staleEventMs],
    )) as { id: string }[];
    for (const row of lost) {
      if (await this.events.ensure(DISPATCH_EVENT_JOB, { id: row.id }, row.id)) result.events++;
    }

    const total = Object.values(result).reduce((sum, n) => sum + n, 0);
    if (total > 0)
      this.logger.log(
        `Sweep re-enqueued ${Object.entries(result)
          .map(([name, n]) => `${n} ${name}`)
          .join(', ')}`,
      );
    return result;
  }
}
