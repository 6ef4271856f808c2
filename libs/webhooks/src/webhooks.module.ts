import { MessagingModule } from '@app/messaging';
import { PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { WebhooksController } from './controllers/webhooks.controller';
import { WebhooksPagesController } from './controllers/webhooks.pages.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/** The api's part of webhooks: admins' endpoints, deliveries and replays (API and page). */
@Module({
  imports: [MessagingModule],
  controllers: [WebhooksController, WebhooksPagesController],
  providers: [WebhookEndpointsService, WebhookDeliveriesService, PageCursors],
  exports: [WebhookEndpointsService, WebhookDeliveriesService],
})
export class WebhooksModule {}
