import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { FollowUpRunner } from '../follow-up/follow-up-runner.service';
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

export type DeliveryResult =
  | { outcome: 'sent' | 'skipped' | 'failed_permanent' }
  | { outcome: 'failed_temporary'; retryInMs: number; attempts: number };

/**
 * Sends one notification: claims it (created/failed_temporary → sending, or a `sending` abandoned by a
 * dead worker), sends, and records the outcome. Temporary failures back off exponentially until 24 h
 * after creation; a 5xx answer is permanent at once.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    private readonly runner: FollowUpRunner,
    private readonly rules: FollowUpRulesFile,
  ) {}

  async deliver(id: string): Promise<DeliveryResult> {
    // Claim and load in one round trip.
    const [claimed] = (await this.dataSource.query(
      `UPDATE notification
          SET status = 'sending', attempts = attempts + 1, sending_started_at = now(), updated_at = now()
        WHERE id = $1
          AND ((status IN ('created', 'failed_temporary') AND next_attempt_at <= now() + interval '2 seconds')
               OR (status = 'sending' AND sending_started_at < now() - $2 * interval '1 millisecond'))
        RETURNING id, follow_up_id AS "followUpId", follow_up_step AS "followUpStep", attempts,
                  created_at AS "createdAt", recipient_email AS "recipientEmail",
                  recipient_name AS "recipientName", language, subject, body_text AS "bodyText",
                  body_html AS "bodyHtml"`,
      [id, this.rules.engine.staleSendingMs],
    )) as [ClaimedNotification[], number];
    if (claimed.length === 0) return { outcome: 'skipped' };
    const notification = claimed[0];

    let failure: unknown;
    let messageId = '';
    try {
      messageId = (await this.mailer.send(notification)).messageId;
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) {
      const markSent = `UPDATE notification SET status = 'sent', sent_at = now(), message_id = $2,
                               last_error = NULL, updated_at = now()
                         WHERE id = $1 AND status = 'sending'`;
      const { followUpId, followUpStep } = notification;
      if (followUpId === null || followUpStep === null)
        await this.dataSource.query(markSent, [id, messageId]);
      else
        await this.dataSource.transaction(async (manager) => {
          await manager.query(markSent, [id, messageId]);
          await this.runner.advance(manager, followUpId, followUpStep);
        });
      return { outcome: 'sent' };
    }

    const message = describe(failure);
    const { retryBaseMs, retryMaxMs, retryWindowMs } = this.rules.engine;
    const retryInMs = Math.min(retryBaseMs * 2 ** (notification.attempts - 1), retryMaxMs);
    const givingUp = Date.now() + retryInMs - notification.createdAt.getTime() > retryWindowMs;
    if (isPermanentSmtpFailure(failure) || givingUp) {
      const reason =
        givingUp && !isPermanentSmtpFailure(failure) ? `gave up after retries: ${message}` : message;
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE notification SET status = 'failed_permanent', last_error = $2, updated_at = now()
            WHERE id = $1 AND status = 'sending'`,
          [id, reason.slice(0, 1000)],
        );
        // The reminder chain goes on (the escalation still matters); the failure stays visible.
        if (notification.followUpId !== null && notification.followUpStep !== null)
          await this.runner.advance(manager, notification.followUpId, notification.followUpStep);
      });
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
}

function describe(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; code?: string };
  return [e.responseCode, e.code, e.message].filter((x) => x !== undefined && x !== '').join(' ');
}
