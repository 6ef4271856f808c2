import {
  HandlesEvent,
  InjectJobQueue,
  type DomainEvent,
  type JobQueue,
  type RunningJob,
} from '@app/messaging';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  isWebhookEvent,
  webhookData,
  type WebhookBody,
  type WebhookEventType,
} from '../domain/webhook-events';
import { WebhookSettings } from '../webhook-settings';
import {
  DELIVER_WEBHOOK_JOB,
  deliveryJobId,
  WEBHOOKS_QUEUE,
  WEBHOOKS_SWEEP_JOB,
  type DeliverWebhookJob,
} from './webhook-queue';
import { WebhookSender } from './webhook-sender';

export type DeliveryResult = 'delivered' | 'skipped' | 'busy' | 'failed' | 'retrying';

/**
 * A row `delivering` for longer than the send timeout and this was abandoned by a worker that died while
 * sending; another run may take it over. Until then a second run of the job (a stalled job retried while
 * the first still sends) finds it taken and sends nothing.
 */
const ABANDONED_AFTER_MS = 5_000;

interface Claimed {
  id: string;
  event_id: string;
  body: string;
  url: string;
  secret: string;
}

/**
 * The worker side of webhooks, all driven by the outbox: a subscribed event becomes one delivery row per
 * endpoint that takes it (unique on endpoint and event, so a handler that runs twice adds nothing) and a
 * Bull job per row; a replay event queues its row again. The job sends the stored body, signed:
 * - a job claims its row with a guarded update (`pending` → `delivering`), so of two runs at once only one
 *   sends; a row already `delivered` is never sent again by a job: the receiver's 2xx is recorded
 *   (guarded by status) before the job completes, so a job that runs twice, or is retried after it
 *   stalled, finds it settled;
 * - a worker killed while sending (even between the receiver's 2xx and that record) leaves the row
 *   `delivering`; once the send timeout has certainly passed, the stalled job's next run (or the sweep)
 *   takes it over and the receiver gets the same `Webhook-Id` again, which is why receivers should
 *   de-duplicate on it (docs/api.md);
 * - a failure (timeout, no answer, non-2xx) is recorded, the row goes back to `pending` and the job throws,
 *   so Bull retries with exponential backoff (config/webhooks.yaml); after the last attempt the row is
 *   `failed` until an admin replays it.
 * A sweep every minute queues rows whose job Redis lost.
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    @InjectJobQueue(WEBHOOKS_QUEUE) private readonly queue: JobQueue<DeliverWebhookJob>,
    private readonly dataSource: DataSource,
    private readonly sender: WebhookSender,
    private readonly settings: WebhookSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.consume(DELIVER_WEBHOOK_JOB, this.settings.concurrency, (job) => this.runJob(job));
    this.queue.consume(WEBHOOKS_SWEEP_JOB, 1, () => this.sweep());
    await this.queue.repeat(WEBHOOKS_SWEEP_JOB, { cron: '* * * * *' }, { keepCompleted: 10, keepFailed: 10 });
  }

  /**
   * One delivery row per active endpoint subscribed to this event, then a job for each still pending. The
   * events are WEBHOOK_EVENTS, written out so the lib map (npm run docs:map) can read them; the spec beside
   * this file keeps the two lists the same.
   */
  @HandlesEvent('case.opened', 'case.closed', 'stage.changed')
  async fanOut(event: DomainEvent<WebhookEventType>): Promise<number> {
    if (!isWebhookEvent(event.type)) return 0;
    const endpoints = (await this.dataSource.query(
      `SELECT id FROM webhook_endpoints WHERE active AND $1 = ANY(events)`,
      [event.type],
    )) as { id: string }[];
    if (endpoints.length === 0) return 0;
    const body: WebhookBody = {
      id: event.id,
      type: event.type,
      version: event.version,
      occurredAt: new Date(event.occurredAt).toISOString(),
      data: webhookData(event.type, event.aggregateId, event.payload as never),
    };
    await this.dataSource.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body)
       SELECT unnest($1::uuid[]), $2, $3, $4
       ON CONFLICT ON CONSTRAINT uq_webhook_deliveries_endpoint_event DO NOTHING`,
      [endpoints.map((e) => e.id), event.id, event.type, JSON.stringify(body)],
    );
    const pending = (await this.dataSource.query(
      `SELECT id, replays FROM webhook_deliveries WHERE event_id = $1 AND status = 'pending'`,
      [event.id],
    )) as { id: string; replays: number }[];
    for (const row of pending) await this.enqueue(row.id, row.replays);
    return pending.length;
  }

  @HandlesEvent('webhook_delivery.replayed')
  async onReplay(event: DomainEvent<'webhook_delivery.replayed'>): Promise<void> {
    await this.enqueue(event.payload.deliveryId, event.payload.replay);
  }

  async runJob(job: RunningJob<DeliverWebhookJob>): Promise<DeliveryResult> {
    const result = await this.deliver(job.data.deliveryId, job.finalAttempt);
    if (result === 'retrying') throw new Error('the receiver did not acknowledge; retried with backoff');
    // Another run may still be sending it (or died doing so): try again later rather than finish unsent.
    if (result === 'busy') throw new Error('the delivery is being sent by another run; retried with backoff');
    return result;
  }

  /**
   * Sends one delivery unless it is settled (`skipped`) or another run is sending it (`busy`); returns what
   * happened. `finalAttempt`: no retry follows, so a
   * failure marks the row `failed`.
   */
  async deliver(id: string, finalAttempt: boolean): Promise<DeliveryResult> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE webhook_deliveries d
          SET status = 'delivering', attempts = d.attempts + 1, last_attempt_at = now(), updated_at = now()
         FROM webhook_endpoints e
        WHERE d.id = $1 AND e.id = d.endpoint_id
          AND (d.status = 'pending'
               OR (d.status = 'delivering' AND d.last_attempt_at < now() - make_interval(secs => $2::float8 / 1000)))
        RETURNING d.id, d.event_id, d.body, e.url, e.secret`,
      [id, this.settings.timeoutMs + ABANDONED_AFTER_MS],
    )) as [Claimed[], number];
    const row = claimed[0];
    if (!row) {
      const [state] = (await this.dataSource.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [
        id,
      ])) as { status: string }[];
      return state?.status === 'delivering' ? 'busy' : 'skipped';
    }
    const outcome = await this.sender.send(row, row.event_id, row.body);
    const acknowledged = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    if (acknowledged) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries
            SET status = 'delivered', delivered_at = now(), last_response_code = $2, last_error = NULL,
                updated_at = now()
          WHERE id = $1 AND status = 'delivering'`,
        [id, outcome.status],
      );
      return 'delivered';
    }
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = CASE WHEN $4 THEN 'failed' ELSE 'pending' END, last_response_code = $2,
              last_error = $3, updated_at = now()
        WHERE id = $1 AND status = 'delivering'`,
      [id, outcome.status, outcome.error, finalAttempt],
    );
    this.logger.debug(`Webhook delivery ${id} failed: ${outcome.error}`);
    return finalAttempt ? 'failed' : 'retrying';
  }

  /**
   * Queues unsettled rows that have not moved for a while and whose job Redis no longer holds (a live or
   * delayed job is left alone). Safe in every worker at once: job ids are fixed.
   */
  async sweep(): Promise<{ requeued: number }> {
    const idle = Math.max(60_000, this.settings.timeoutMs * 3);
    const rows = (await this.dataSource.query(
      `SELECT id, replays FROM webhook_deliveries
        WHERE status IN ('pending', 'delivering') AND updated_at < now() - make_interval(secs => $1::float8 / 1000)
        ORDER BY updated_at LIMIT 500`,
      [idle],
    )) as { id: string; replays: number }[];
    let requeued = 0;
    for (const row of rows) if (await this.enqueue(row.id, row.replays)) requeued++;
    return { requeued };
  }

  private enqueue(deliveryId: string, replay: number): Promise<boolean> {
    return this.queue.ensure(DELIVER_WEBHOOK_JOB, { deliveryId }, deliveryJobId(deliveryId, replay), {
      attempts: this.settings.attempts,
      backoffMs: this.settings.backoffMs,
      keepCompleted: 1000,
      keepFailed: 1000,
    });
  }
}
