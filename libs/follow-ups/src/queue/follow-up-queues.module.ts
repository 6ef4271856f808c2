import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { FollowUpsModule } from '../follow-ups.module';
import { QueueRootModule } from './queue-root.module';
import { EVENTS_QUEUE, FOLLOW_UPS_QUEUE, NOTIFICATIONS_QUEUE } from './queue-names';

/**
 * Completed jobs are kept briefly (their ids stop the same work being queued twice while it is recent),
 * failed ones a little longer for the admin view; both bounded so Redis cannot grow without limit.
 */
export const DEFAULT_JOB_OPTIONS = {
  removeOnComplete: { age: 3600, count: 2000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

const queue = (name: string, attempts = DEFAULT_JOB_OPTIONS.attempts) =>
  BullModule.registerQueueAsync({
    name,
    imports: [FollowUpsModule],
    inject: [FollowUpRulesFile],
    useFactory: (rules: FollowUpRulesFile) => ({
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts },
      settings: {
        lockDuration: rules.engine.lockDurationMs,
        lockRenewTime: Math.floor(rules.engine.lockDurationMs / 2),
        stalledInterval: rules.engine.stalledIntervalMs,
        maxStalledCount: 2,
      },
    }),
  });

/** The queues as producer/reader handles. Consumers are attached only by the worker (QueueConsumers). */
@Module({
  imports: [
    QueueRootModule,
    queue(EVENTS_QUEUE),
    queue(FOLLOW_UPS_QUEUE),
    // Delivery retries are the notification row's business (backoff up to 24 h), not Bull's.
    queue(NOTIFICATIONS_QUEUE, 3),
  ],
  exports: [BullModule],
})
export class FollowUpQueuesModule {}
