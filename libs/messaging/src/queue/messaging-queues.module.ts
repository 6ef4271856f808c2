import { Module } from '@nestjs/common';
import { JobQueuesModule } from './job-queues.module';
import { EVENTS_QUEUE, NOTIFICATIONS_QUEUE } from './queue-names';

const queues = JobQueuesModule.register(
  { name: EVENTS_QUEUE, attempts: 5 },
  // Delivery retries are the notification row's business (backoff up to 24 h), not Bull's.
  { name: NOTIFICATIONS_QUEUE, attempts: 3 },
);

/** Messaging's own queues: domain events and email deliveries (handles only; the worker consumes them). */
@Module({ imports: [queues], exports: [queues] })
export class MessagingQueuesModule {}
