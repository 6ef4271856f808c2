import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_notification_idempotency_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ type: 'uuid', nullable: true })
  followUpId!: string | null;

  @Column({ type: 'int', nullable: true })
  followUpStep!: number | null;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  /** Template: `<rule code>.<action>` for follow-ups (first-contact.remind), or a plain kind. */
  @Column({ type: 'varchar', length: 80 })
  kind!: string;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ type: 'varchar', length: 320 })
  recipientEmail!: string;

  @Column({ type: 'varchar', length: 200 })
  recipientName!: string;

  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: LanguageCode;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  bodyText!: string;

  @Column({ type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'varchar', length: 20, default: 'created' })
  status!: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sendingStartedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
