import { ObservabilityModule } from '@app/observability';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FollowUpJobsHandler } from './follow-up/follow-up-jobs.handler';
import { FollowUpRunner } from './follow-up/follow-up-runner.service';
import { FollowUpsModule } from './follow-ups.module';
import { MailerService } from './notifications/mailer.service';
import { NotificationDelivery } from './notifications/notification-delivery.service';
import { EventDispatcher } from './outbox/event-dispatcher.service';
import { EventHandlerRegistry } from './outbox/event-handler.registry';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { FollowUpQueuesModule } from './queue/follow-up-queues.module';
import { QueueConsumers } from './queue/queue-consumers.service';
import { Sweeper } from './sweep/sweeper.service';

/**
 * The worker's side of the engine: outbox relay, event dispatch to every `@HandlesEvent` method of the
 * application, follow-up and notification consumers, the sweep, and email delivery. Only apps/worker
 * (and the one-process local run) imports it.
 */
@Module({
  imports: [DiscoveryModule, ObservabilityModule, FollowUpsModule, FollowUpQueuesModule],
  providers: [
    EventHandlerRegistry,
    EventDispatcher,
    OutboxRelay,
    FollowUpRunner,
    FollowUpJobsHandler,
    MailerService,
    NotificationDelivery,
    Sweeper,
    QueueConsumers,
  ],
  exports: [EventHandlerRegistry, OutboxRelay, Sweeper, MailerService, FollowUpRunner],
})
export class FollowUpsWorkerModule {}
