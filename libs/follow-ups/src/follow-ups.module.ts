import { Module } from '@nestjs/common';
import { calendarProvider, rulesProvider } from './follow-up/follow-up-calendar.provider';
import { FollowUpService } from './follow-up/follow-up.service';
import { NotificationService } from './notifications/notification.service';
import { OutboxService } from './outbox/outbox.service';

/**
 * What every domain imports: the outbox, follow-up scheduling and notifications, all inside the caller's
 * transaction. No Redis here, so a request never waits on a queue.
 */
@Module({
  providers: [OutboxService, FollowUpService, NotificationService, rulesProvider, calendarProvider],
  exports: [OutboxService, FollowUpService, NotificationService, rulesProvider, calendarProvider],
})
export class FollowUpsModule {}
