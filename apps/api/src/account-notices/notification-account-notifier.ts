import { NotificationService } from '@app/messaging';
import type { AccountNotice, AccountNotifier } from '@app/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Identity's account and security notices as ordinary notifications: in-app at once, emailed by the worker. */
@Injectable()
export class NotificationAccountNotifier implements AccountNotifier {
  constructor(private readonly notifications: NotificationService) {}

  async notify(manager: EntityManager, notice: AccountNotice): Promise<void> {
    await this.notifications.notify(manager, {
      idempotencyKey: notice.idempotencyKey,
      kind: notice.kind,
      recipient: notice.recipient,
      values: notice.values,
    });
  }
}
