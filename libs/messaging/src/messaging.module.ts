import { Module } from '@nestjs/common';
import { loadMessagingSettings, MessagingSettings } from './messaging-settings';
import { NotificationService } from './notifications/notification.service';
import { OutboxService } from './outbox/outbox.service';

/**
 * What every domain imports: the outbox and notifications, both inside the caller's transaction. No Redis
 * here, so a request never waits on a queue.
 */
@Module({
  providers: [
    OutboxService,
    NotificationService,
    { provide: MessagingSettings, useFactory: () => loadMessagingSettings() },
  ],
  exports: [OutboxService, NotificationService, MessagingSettings],
})
export class MessagingModule {}
