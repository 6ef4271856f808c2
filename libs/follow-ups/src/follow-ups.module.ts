import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { calendarProvider, rulesProvider } from './follow-up/follow-up-calendar.provider';
import { FollowUpService } from './follow-up/follow-up.service';

/**
 * What every domain imports to start and stop reminders, inside the caller's transaction. No Redis here,
 * so a request never waits on a queue: each change writes an outbox event (messaging) for the worker.
 */
@Module({
  imports: [MessagingModule],
  providers: [FollowUpService, rulesProvider, calendarProvider],
  exports: [FollowUpService, rulesProvider, calendarProvider],
})
export class FollowUpsModule {}
