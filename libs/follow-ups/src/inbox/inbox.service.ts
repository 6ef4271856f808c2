import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { Notification, NotificationService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Messages shown in an inbox at most, newest first. */
const INBOX_LIMIT = 100;

export interface Inbox {
  messages: Notification[];
  unreadCount: number;
}

/** Everyone's inbox of in-app notifications: the newest messages, how many are unread, marking them read. */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
  ) {}

  async inboxOf(userId: string): Promise<Inbox> {
    const manager = this.dataSource.manager;
    const [messages, unreadCount] = await Promise.all([
      manager.getRepository(Notification).find({
        where: { recipientUserId: userId },
        order: { createdAt: 'DESC' },
        take: INBOX_LIMIT,
      }),
      this.notifications.unreadCount(manager, userId),
    ]);
    return { messages, unreadCount };
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.unreadCount(this.dataSource.manager, userId);
  }

  /**
   * Marks one of the reader's messages read: 404 when it is not theirs (or does not exist); marking a
   * read message again changes nothing and records nothing.
   */
  async markRead(userId: string, id: string, context: AuditContext): Promise<void> {
    await this.uow.run(async (m) => {
      const own = await m.getRepository(Notification).exists({ where: { id, recipientUserId: userId } });
      if (!own) throw new NotFoundError('notification', id);
      for (const readId of await this.notifications.markRead(m, userId, id))
        await this.audit.record(m, {
          action: 'notification.read',
          entityType: 'notification',
          entityId: readId,
          before: { read: false },
          after: { read: true },
          context,
        });
    });
  }

  /** Marks every unread message of the reader read; answers how many were unread. */
  async markAllRead(userId: string, context: AuditContext): Promise<number> {
    return this.uow.run(async (m) => {
      const ids = await this.notifications.markRead(m, userId);
      if (ids.length)
        await this.audit.record(m, {
          action: 'notification.all_read',
          entityType: 'user',
          entityId: userId,
          after: { notificationsRead: ids.length },
          context,
        });
      return ids.length;
    });
  }
}
