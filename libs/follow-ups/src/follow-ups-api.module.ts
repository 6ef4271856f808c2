import { Module } from '@nestjs/common';
import { FollowUpsController } from './api/follow-ups.controller';
import { QueueBoardController } from './api/queue-board.controller';
import { FollowUpsModule } from './follow-ups.module';
import { FollowUpQueuesModule } from './queue/follow-up-queues.module';

/** The api's side: "your tasks", the notification inbox and Bull Board for admins. No consumers here. */
@Module({
  imports: [FollowUpsModule, FollowUpQueuesModule],
  controllers: [FollowUpsController, QueueBoardController],
})
export class FollowUpsApiModule {}
