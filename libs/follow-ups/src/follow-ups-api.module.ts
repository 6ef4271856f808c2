import { Module } from '@nestjs/common';
import { FollowUpsController } from './api/follow-ups.controller';
import { FollowUpsPagesController } from './api/follow-ups.pages.controller';
import { QueueBoardController } from './api/queue-board.controller';
import { FollowUpsModule } from './follow-ups.module';
import { FollowUpQueuesModule } from './queue/follow-up-queues.module';

/**
 * The api's side: "your tasks" and the inbox (API and pages), local mail for admins and Bull Board. No
 * consumers here.
 */
@Module({
  imports: [FollowUpsModule, FollowUpQueuesModule],
  controllers: [FollowUpsController, FollowUpsPagesController, QueueBoardController],
})
export class FollowUpsApiModule {}
