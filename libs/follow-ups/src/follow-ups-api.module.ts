import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { FollowUpsController } from './api/follow-ups.controller';
import { FollowUpsPagesController } from './api/follow-ups.pages.controller';
import { FollowUpsModule } from './follow-ups.module';
import { InboxService } from './inbox/inbox.service';

/**
 * The api's side: "your tasks" and the inbox (API and pages) and local mail for admins. No consumers here
 * (Bull Board, which shows every process's queues, is the api app's own).
 */
@Module({
  imports: [FollowUpsModule, MessagingModule],
  controllers: [FollowUpsController, FollowUpsPagesController],
  providers: [InboxService],
})
export class FollowUpsApiModule {}
