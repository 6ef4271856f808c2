import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MessagingSettings } from './messaging-settings';
import { DeliverJobData, EmailDeliveries } from './notifications/email-deliveries';
import { NotificationDelivery } from './notifications/notification-delivery.service';
import { EventDispatcher } from './outbox/event-dispatcher.service';
import { EventJobData, OutboxRelay } from './outbox/outbox-relay.service';
import type { JobQueue } from './queue/job-queue';
import { JobQueues } from './queue/job-queues';
import { InjectJobQueue } from './queue/job-queues.module';
import {
  DELIVER_NOTIFICATION_JOB,
  DISPATCH_EVENT_JOB,
  EVENTS_QUEUE,
  NOTIFICATIONS_QUEUE,
} from './queue/queue-names';
import { Sweeper } from './sweep/sweeper.service';

/**
 * The worker's messaging side: consumes domain events and email deliveries (only the worker does; the api
 * merely writes outbox rows), starts the outbox relay and the sweep, and on shutdown stops them, then
 * stops every queue this process consumes from taking work and lets the active jobs finish while the
 * database is still there.
 */
@Injectable()
export class MessagingConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @InjectJobQueue(EVENTS_QUEUE) private readonly events: JobQueue<EventJobData>,
    @InjectJobQueue(NOTIFICATIONS_QUEUE) private readonly notifications: JobQueue<DeliverJobData>,
    private readonly dispatcher: EventDispatcher,
    private readonly delivery: NotificationDelivery,
    private readonly deliveries: EmailDeliveries,
    private readonly relay: OutboxRelay,
    private readonly sweeper: Sweeper,
    private readonly settings: MessagingSettings,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    const { eventConcurrency, mailConcurrency } = this.settings;
    this.events.consume(DISPATCH_EVENT_JOB, eventConcurrency, (job) => this.dispatcher.dispatch(job.data.id));
    this.notifications.consume(DELIVER_NOTIFICATION_JOB, mailConcurrency, async (job) => {
      const result = await this.delivery.deliver(job.data.id);
      // If this fails (Redis gone again) the sweep queues the retry: the row says when it is due.
      if (result.outcome === 'failed_temporary')
        await this.deliveries
          .enqueue([{ notificationId: job.data.id, attempt: result.attempts, delayMs: result.retryInMs }])
          .catch(() => undefined);
      return result;
    });
    this.relay.start();
    this.sweeper.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
    await this.relay.stop();
    // Bull's close() stops taking jobs and waits for the active ones, while Postgres is still there.
    await this.queues.closeConsumed();
  }
}
