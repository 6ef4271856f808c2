import { MessagingWorkerModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { FollowUpJobs } from './follow-up/follow-up-jobs';
import { FollowUpQueuesModule } from './follow-up/follow-up-queue.module';
import { FollowUpRunner } from './follow-up/follow-up-runner.service';
import { FollowUpsModule } from './follow-ups.module';

/**
 * The worker's side of the reminders: delayed jobs for scheduled steps, firing them, and moving a
 * follow-up on once its email is settled. Only apps/worker (and the one-process local run) imports it.
 */
@Module({
  imports: [MessagingWorkerModule, FollowUpsModule, FollowUpQueuesModule],
  providers: [FollowUpRunner, FollowUpJobs],
  exports: [FollowUpRunner],
})
export class FollowUpsWorkerModule {}
