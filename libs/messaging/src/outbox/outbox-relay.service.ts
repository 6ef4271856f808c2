import { UnitOfWork } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessagingSettings } from '../messaging-settings';
import { EmailDeliveries } from '../notifications/email-deliveries';
import { NOTIFICATION_CREATED } from '../notifications/notification.service';
import { withTimeout } from '../queue/with-timeout';
import type { JobQueue } from '../queue/job-queue';
import { InjectJobQueue } from '../queue/job-queues.module';
import { DISPATCH_EVENT_JOB, EVENTS_QUEUE } from '../queue/queue-names';
import { eventTypesBy } from '../events/event-contracts';
import { EventHandlerRegistry } from './event-handler.registry';

export interface EventJobData {
  id: string;
}

/**
 * Publishes outbox rows to the `events` queue (job id = row id) and marks them published in the same
 * transaction that locked them (FOR UPDATE SKIP LOCKED, so several workers share the work). While Redis
 * is unreachable the transaction rolls back and the relay backs off; nothing is dropped, and a job added
 * just before a rollback is not doubled because its id is the row id.
 *
 * A worker takes only the rows it can see through: types it has a handler for, and types whose contract
 * says nobody handles them (`case.assigned`, kept for the record), which are stamped processed at once
 * without a job. Any other row waits unpublished for a worker that has the handler: during a rolling
 * update an old worker leaves a new release's events alone instead of stamping them unhandled. The
 * filter is in the SQL (index on type), so waiting rows cost the relay nothing.
 *
 * `notification.created` skips the events hop: its only consumer is email delivery, so the relay queues
 * the delivery itself (EmailDeliveries, attempt 0) and marks the row processed too. That halves the Bull
 * work per email; a lost job is re-enqueued by the sweep like any other.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    @InjectJobQueue(EVENTS_QUEUE) private readonly queue: JobQueue<EventJobData>,
    private readonly deliveries: EmailDeliveries,
    private readonly settings: MessagingSettings,
    private readonly registry: EventHandlerRegistry,
    private readonly uow: UnitOfWork,
  ) {
    registry.registerBuiltIn(NOTIFICATION_CREATED);
  }

  /** The types this worker publishes and dispatches (it has a handler), and those it stamps (nobody has). */
  takes(): { dispatched: string[]; stamped: string[] } {
    const unhandled = eventTypesBy('none').filter((t) => !this.registry.handles(t));
    return { dispatched: this.registry.types(), stamped: unhandled };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publishes one batch of the rows this worker takes; returns how many it published. */
  async publishBatch(): Promise<number> {
    const { relayBatchSize } = this.settings;
    const { dispatched, stamped } = this.takes();
    return this.uow.run(
      async (manager) => {
        const rows = (await manager.query(
          `SELECT id, type, aggregate_id FROM outbox_event
          WHERE published_at IS NULL AND type = ANY($2::varchar[])
          ORDER BY occurred_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [relayBatchSize, [...dispatched, ...stamped]],
        )) as { id: string; type: string; aggregate_id: string }[];
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => r.id);
        // Three kinds of row: straight to delivery, dispatched through the events queue, or nobody handles it.
        const [deliveries, events, unhandled]: (typeof rows)[] = [[], [], []];
        for (const row of rows) {
          if (row.type === NOTIFICATION_CREATED) deliveries.push(row);
          else if (this.registry.handlersFor(row.type).length > 0) events.push(row);
          else unhandled.push(row);
        }
        try {
          if (!this.queue.isReady()) throw new Error('Redis is not connected');
          await withTimeout(
            Promise.all([
              this.queue.addMany(
                events.map(({ id }) => ({ name: DISPATCH_EVENT_JOB, data: { id }, jobId: id })),
              ),
              this.deliveries.enqueue(
                deliveries.map((r) => ({ notificationId: r.aggregate_id, attempt: 0 })),
              ),
            ]),
            5000,
            'publishing to Redis',
          );
        } catch (error) {
          // Recorded outside this transaction, which is about to roll back.
          await this.dataSource
            .query(
              `UPDATE outbox_event SET publish_attempts = publish_attempts + 1, last_error = $2 WHERE id = ANY($1)`,
              [ids, (error as Error).message.slice(0, 500)],
            )
            .catch(() => undefined);
          throw error;
        }
        await manager.query(
          `UPDATE outbox_event
            SET published_at = now(), last_error = NULL,
                processed_at = CASE WHEN id = ANY($2) THEN now() ELSE processed_at END
          WHERE id = ANY($1)`,
          [ids, [...deliveries, ...unhandled].map((r) => r.id)],
        );
        return ids.length;
      },
      { retries: 0 },
    );
  }

  private async run(): Promise<void> {
    const { relayPollMs, relayBatchSize, relayMaxBackoffMs } = this.settings;
    while (this.running) {
      let pause = relayPollMs;
      try {
        const published = await this.publishBatch();
        if (this.failures > 0)
          this.logger.log(`Outbox relay recovered after ${this.failures} failed attempt(s)`);
        this.failures = 0;
        if (published >= relayBatchSize) pause = 0;
      } catch (error) {
        this.failures++;
        pause = Math.min(relayPollMs * 2 ** Math.min(this.failures, 10), relayMaxBackoffMs);
        if (this.failures === 1 || this.failures % 20 === 0)
          this.logger.warn(
            `Outbox relay cannot publish (attempt ${this.failures}): ${(error as Error).message}`,
          );
      }
      if (pause > 0 && this.running) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
