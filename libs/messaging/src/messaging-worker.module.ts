import { ObservabilityModule } from '@app/observability';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MessagingConsumers } from './messaging-consumers.service';
import { MessagingModule } from './messaging.module';
import { EmailDeliveries } from './notifications/email-deliveries';
import { MailerService } from './notifications/mailer.service';
import { NotificationDelivery } from './notifications/notification-delivery.service';
import { EventDispatcher } from './outbox/event-dispatcher.service';
import { EventHandlerRegistry } from './outbox/event-handler.registry';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { MessagingQueuesModule } from './queue/messaging-queues.module';
import { Sweeper } from './sweep/sweeper.service';

/**
 * The worker's side of messaging: outbox relay, event dispatch to every `@HandlesEvent` method of the
 * application, email delivery and the sweep. Only apps/worker (and the one-process local run) imports it;
 * libs with worker-side work of their own (follow-ups) import it for its hooks.
 */
@Module({
  imports: [DiscoveryModule, ObservabilityModule, MessagingModule, MessagingQueuesModule],
  providers: [
    EventHandlerRegistry,
    EventDispatcher,
    OutboxRelay,
    MailerService,
    EmailDeliveries,
    NotificationDelivery,
    Sweeper,
    MessagingConsumers,
  ],
  exports: [
    MessagingModule,
    EventHandlerRegistry,
    OutboxRelay,
    Sweeper,
    MailerService,
    EmailDeliveries,
    NotificationDelivery,
  ],
})
export class MessagingWorkerModule {}
