import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import type { Contact, LanguageCode } from './contact';
import { renderEmail } from './email-renderer';
import { Notification } from './notification.entity';

/**
 * The outbox event of a new notification. The relay turns it straight into a delivery job (see
 * OutboxRelay); it is not dispatched to `@HandlesEvent` handlers.
 */
export const NOTIFICATION_CREATED = 'notification.created';

export interface NewNotification {
  idempotencyKey: string;
  kind: string;
  recipient: Contact;
  caseId?: string | null;
  followUpId?: string | null;
  followUpStep?: number | null;
  /** Template values ({{companyName}}, {{dueDate}}, …). */
  values: Record<string, string>;
  fallbackTemplate?: string;
}

/** An email that will not be delivered, as staff see it (the case page, the administrators' list). */
export interface UndeliveredEmail {
  id: string;
  recipientName: string;
  recipientEmail: string;
  subject: string;
  attempts: number;
  /** The SMTP server's answer, or why the address was refused. */
  error: string | null;
  failedAt: Date;
}

/**
 * Notifications as rows: in-app at once, emailed by the worker. Creating one twice with the same
 * idempotency key returns the first.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * For domains (e.g. a stage change congratulating the SME), inside the caller's transaction: the row
   * and an outbox event that makes the worker deliver it.
   */
  async notify(manager: EntityManager, input: NewNotification): Promise<string> {
    const { id, created } = await this.insert(manager, input);
    if (created)
      await this.outbox.add(manager, {
        type: NOTIFICATION_CREATED,
        aggregateType: 'notification',
        aggregateId: id,
        payload: { notificationId: id },
      });
    return id;
  }

  /**
   * Emails that failed for good (`failed_permanent`), newest first: one case's, or every case's for
   * administrators. The in-app notification still exists; someone has to reach the person another way.
   */
  async undelivered(
    manager: EntityManager,
    options: { caseId?: string; limit: number },
  ): Promise<{ items: UndeliveredEmail[]; total: number }> {
    const [rows, total] = await manager.getRepository(Notification).findAndCount({
      where: { status: 'failed_permanent', ...(options.caseId ? { caseId: options.caseId } : {}) },
      order: { updatedAt: 'DESC' },
      take: options.limit,
    });
    const items = rows.map((n) => ({
      id: n.id,
      recipientName: n.recipientName,
      recipientEmail: n.recipientEmail,
      subject: n.subject,
      attempts: n.attempts,
      error: n.lastError,
      failedAt: n.updatedAt,
    }));
    return { items, total };
  }

  /**
   * Marks one of a person's in-app notifications read (or all of them, without `id`) and answers the ids
   * that were unread until now; already-read ones keep their first reading time. Someone else's id changes
   * nothing, like an unknown one.
   */
  async markRead(manager: EntityManager, recipientUserId: string, id?: string): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE notification SET read_at = now()
        WHERE recipient_user_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2::uuid)
        RETURNING id`,
      [recipientUserId, id ?? null],
    )) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  /** How many of a person's in-app notifications they have not marked read. */
  unreadCount(manager: EntityManager, recipientUserId: string): Promise<number> {
    return manager.getRepository(Notification).count({ where: { recipientUserId, readAt: IsNull() } });
  }

  /** Inserts the row unless its idempotency key exists; either way returns the row's id. */
  async insert(manager: EntityManager, input: NewNotification): Promise<{ id: string; created: boolean }> {
    const language: LanguageCode = input.recipient.language ?? 'en';
    const email = renderEmail(
      input.kind,
      language,
      { name: input.recipient.name, ...input.values },
      input.fallbackTemplate,
    );
    const result = (await manager.query(
      `INSERT INTO notification (idempotency_key, follow_up_id, follow_up_step, case_id, kind, recipient_user_id,
                                 recipient_email, recipient_name, language, subject, body_text, body_html)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        input.idempotencyKey,
        input.followUpId ?? null,
        input.followUpStep ?? null,
        input.caseId ?? null,
        input.kind,
        input.recipient.userId ?? null,
        input.recipient.email.toLowerCase(),
        input.recipient.name,
        language,
        email.subject.slice(0, 300),
        email.text,
        email.html,
      ],
    )) as { id: string }[];
    if (result[0]) return { id: result[0].id, created: true };
    const existing = await manager
      .getRepository(Notification)
      .findOneByOrFail({ idempotencyKey: input.idempotencyKey });
    return { id: existing.id, created: false };
  }
}
