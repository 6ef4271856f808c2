import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { CaseFollowUps } from './case-follow-ups/case-follow-ups';
import { calendarProvider, rulesProvider } from './follow-up/follow-up-calendar.provider';
import { FollowUpService } from './follow-up/follow-up.service';

/**
 * What every domain imports to start and stop reminders (CaseFollowUps), inside the caller's transaction.
 * No Redis here, so a request never waits on a queue: each change writes an outbox event (messaging) for
 * the worker.
 */
@Module({
  imports: [MessagingModule],
  providers: [FollowUpService, CaseFollowUps, rulesProvider, calendarProvider],
  exports: [FollowUpService, CaseFollowUps, rulesProvider, calendarProvider],
})
export class FollowUpsModule {}
