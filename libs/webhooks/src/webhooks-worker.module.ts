import { JobQueuesModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { loadWebhookSettings, WebhookSettings } from './webhook-settings';
import { WebhookDeliveryProcessor } from './worker/webhook-delivery.processor';
import { WEBHOOKS_QUEUE } from './worker/webhook-queue';
import { WebhookSender } from './worker/webhook-sender';

/**
 * The worker's part of webhooks: turns subscribed outbox events into delivery rows and Bull jobs, sends
 * them signed, retries with backoff and re-queues what Redis lost. config/webhooks.yaml is loaded here, so
 * a bad value stops the worker's start-up naming it.
 */
@Module({
  imports: [JobQueuesModule.register({ name: WEBHOOKS_QUEUE, attempts: 10 })],
  providers: [
    { provide: WebhookSettings, useFactory: () => loadWebhookSettings() },
    WebhookSender,
    WebhookDeliveryProcessor,
  ],
  exports: [WebhookDeliveryProcessor, WebhookSettings],
})
export class WebhooksWorkerModule {}
