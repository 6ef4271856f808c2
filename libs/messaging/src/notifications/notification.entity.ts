import { Db } from '@app/database';
import { Check, Column, Entity, Index } from 'typeorm';
import type { LanguageCode } from './contact';

export const NOTIFICATION_STATUSES = [
  'created',
  'sending',
  'sent',
  'failed_temporary',
  'failed_permanent',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One message to one person: shown in their in-app list at once and emailed by the worker. The unique
 * idempotency key (`<follow-up id>:<step>`) means a step that fires twice creates one notification.
 */
@Entity('notification')
@Check(
  'ck_notification_status',
  `status IN ('created', 'sending', 'sent', 'failed_temporary', 'failed_permanent')`,
)
@Index('ix_notification_pending', ['nextAttemptAt'], {
  where: "status IN ('created', 'sending', 'failed_temporary')",
})
@Index('ix_notification_recipient', ['recipientUserId', 'createdAt'])
@Index('ix_notification_case', ['caseId'])
// Emails that failed for good, newest first: the case page and the administrators' list.
@Index('ix_notification_failed', ['updatedAt'], { where: "status = 'failed_permanent'" })
export class Notification {
  @Db.UuidPrimaryKey() id!: string;

  @Index('uq_notification_idempotency_key', { unique: true })
  @Db.Varchar({ length: 200 })
  idempotencyKey!: string;

  @Db.Uuid({ nullable: true }) followUpId!: string | null;

  @Column({ type: 'int', nullable: true }) followUpStep!: number | null;

  @Db.Uuid({ nullable: true }) caseId!: string | null;

  /** Template: `<rule code>.<action>` for follow-ups (first-contact.remind), or a plain kind. */
  @Db.Varchar({ length: 80 }) kind!: string;

  @Db.Uuid({ nullable: true }) recipientUserId!: string | null;

  @Db.Varchar({ length: 320 }) recipientEmail!: string;

  @Db.Varchar({ length: 200 }) recipientName!: string;

  @Db.Varchar({ length: 2, default: 'en' }) language!: LanguageCode;

  @Db.Varchar({ length: 300 }) subject!: string;

  @Db.Text() bodyText!: string;

  @Db.Text() bodyHtml!: string;

  @Db.Varchar({ length: 20, default: 'created' }) status!: NotificationStatus;

  @Column({ type: 'int', default: 0 }) attempts!: number;

  @Db.Text({ nullable: true }) lastError!: string | null;

  @Db.Timestamp({ default: () => 'now()' }) nextAttemptAt!: Date;

  @Db.Timestamp({ nullable: true }) sendingStartedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) sentAt!: Date | null;

  @Db.Varchar({ length: 300, nullable: true }) messageId!: string | null;

  @Db.Timestamp({ nullable: true }) readAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
