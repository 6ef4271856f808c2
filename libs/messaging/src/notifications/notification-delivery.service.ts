import { Coalescer, UnitOfWork } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MessagingSettings } from '../messaging-settings';
import { isPermanentSmtpFailure, MailerService } from './mailer.service';
import { Notification } from './notification.entity';

/** What delivery reads of the row it claimed. */
export type ClaimedNotification = Pick<
  Notification,
  | 'id'
  | 'followUpId'
  | 'followUpStep'
  | 'attempts'
  | 'createdAt'
  | 'recipientEmail'
  | 'recipientName'
  | 'language'
  | 'subject'
  | 'bodyText'
  | 'bodyHtml'
>;

/**
 * Told, inside the transaction that records it, that a notification announcing a step of something else
 * (a follow-up's reminder: `followUpId`, `followUpStep`) was sent or given up on for good, so that thing
 * moves on atomically with the email's fate. The follow-ups lib adds one (messaging knows no follow-up).
 */
export type DeliverySettledListener = (
  manager: EntityManager,
  notification: Pick<ClaimedNotification, 'id' | 'followUpId' | 'followUpStep'>,
  outcome: 'sent' | 'failed_permanent',
) => Promise<void>;

export type DeliveryResult =
  | { outcome: 'sent' | 'skipped' | 'failed_permanent' }
  | { outcome: 'failed_temporary'; retryInMs: number; attempts: number };

/**
 * Sends one notification: claims it (created/failed_temporary → sending, or a `sending` abandoned by a
 * dead worker), sends, and records the outcome. Temporary failures back off exponentially until 24 h
 * after creation; a 5xx answer is permanent at once. The deliveries in flight claim their rows in one
 * statement, and those not part of a follow-up are stamped sent in one statement (group commit).
 */
const BATCH = 200;

@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  private readonly claims: Coalescer<string, ClaimedNotification | null>;
  private readonly sentMarks: Coalescer<{ id: string; messageId: string }, null>;
  private readonly listeners: DeliverySettledListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    private readonly settings: MessagingSettings,
    private readonly uow: UnitOfWork,
  ) {
    this.claims = new Coalescer((ids) => this.claim(ids), BATCH);
    this.sentMarks = new Coalescer(async (sent) => {
      await this.markSent(this.dataSource.manager, sent);
      return sent.map(() => null);
    }, BATCH);
  }

  onSettled(listener: DeliverySettledListener): void {
    this.listeners.push(listener);
  }

  /** Whether someone waits on this notification's fate (it announces a step), so it settles in a transaction. */
  private awaited(n: ClaimedNotification): boolean {
    return n.followUpId !== null && n.followUpStep !== null && this.listeners.length > 0;
  }

  private async tellListeners(
    manager: EntityManager,
    n: ClaimedNotification,
    outcome: 'sent' | 'failed_permanent',
  ): Promise<void> {
    for (const listener of this.listeners) await listener(manager, n, outcome);
  }

  async deliver(id: string): Promise<DeliveryResult> {
    const notification = await this.claims.submit(id);
    if (!notification) return { outcome: 'skipped' };

    let failure: unknown;
    let messageId = '';
    try {
      messageId = (await this.mailer.send(notification)).messageId;
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) {
      if (!this.awaited(notification)) await this.sentMarks.submit({ id, messageId });
      else
        await this.uow.run(
          async (manager) => {
            await this.markSent(manager, [{ id, messageId }]);
            await this.tellListeners(manager, notification, 'sent');
          },
          { retries: 0 },
        );
      return { outcome: 'sent' };
    }

    const message = describe(failure);
    const { retryBaseMs, retryMaxMs, retryWindowMs } = this.settings;
    const retryInMs = Math.min(retryBaseMs * 2 ** (notification.attempts - 1), retryMaxMs);
    const givingUp = Date.now() + retryInMs - notification.createdAt.getTime() > retryWindowMs;
    if (isPermanentSmtpFailure(failure) || givingUp) {
      const reason =
        givingUp && !isPermanentSmtpFailure(failure) ? `gave up after retries: ${message}` : message;
      await this.uow.run(
        async (manager) => {
          await manager.query(
            `UPDATE notification SET status = 'failed_permanent', last_error = $2, updated_at = now()
            WHERE id = $1 AND status = 'sending'`,
            [id, reason.slice(0, 1000)],
          );
          // What waits on it goes on (a reminder's escalation still matters); the failure stays visible.
          if (this.awaited(notification)) await this.tellListeners(manager, notification, 'failed_permanent');
        },
        { retries: 0 },
      );
      this.logger.warn(`Notification ${id} failed permanently: ${reason}`);
      return { outcome: 'failed_permanent' };
    }
    await this.dataSource.query(
      `UPDATE notification
          SET status = 'failed_temporary', last_error = $2, updated_at = now(),
              next_attempt_at = now() + $3 * interval '1 millisecond'
        WHERE id = $1 AND status = 'sending'`,
      [id, message.slice(0, 1000), retryInMs],
    );
    return { outcome: 'failed_temporary', retryInMs, attempts: notification.attempts };
  }

  /** Stamps claimed notifications sent with their SMTP message ids (guarded: only rows still `sending`). */
  private async markSent(manager: EntityManager, sent: { id: string; messageId: string }[]): Promise<void> {
    await manager.query(
      `UPDATE notification n SET status = 'sent', sent_at = now(), message_id = x.message_id,
              last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS x(id, message_id)
        WHERE n.id = x.id AND n.status = 'sending'`,
      [sent.map((s) => s.id), sent.map((s) => s.messageId)],
    );
  }

  /**
   * Claims the rows that may be sent now (created or failed_temporary and due, or a `sending` abandoned by
   * a dead worker) and loads them, in one round trip; a row another delivery holds answers null.
   */
  private async claim(ids: string[]): Promise<(ClaimedNotification | null)[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notification
          SET status = 'sending', attempts = attempts + 1, sending_started_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[])
          AND ((status IN ('created', 'failed_temporary') AND next_attempt_at <= now() + interval '2 seconds')
               OR (status = 'sending' AND sending_started_at < now() - $2 * interval '1 millisecond'))
        RETURNING id, follow_up_id AS "followUpId", follow_up_step AS "followUpStep", attempts,
                  created_at AS "createdAt", recipient_email AS "recipientEmail",
                  recipient_name AS "recipientName", language, subject, body_text AS "bodyText",
                  body_html AS "bodyHtml"`,
      [ids, this.settings.staleSendingMs],
    )) as [ClaimedNotification[], number];
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The same id twice in one batch (a duplicated job): only the first delivery gets the claim.
    const answered = new Set<string>();
    return ids.map((id) => {
      const row = answered.has(id) ? undefined : byId.get(id);
      answered.add(id);
      return row ?? null;
    });
  }
}

function describe(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; code?: string };
  return [e.responseCode, e.code, e.message].filter((x) => x !== undefined && x !== '').join(' ');
}
