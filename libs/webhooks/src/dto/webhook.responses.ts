import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENTS } from '../domain/webhook-events';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../entities/webhook-delivery.entity';
import type { DeliveryView } from '../webhook-deliveries.service';
import type { EndpointView } from '../webhook-endpoints.service';

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uri' })
  url!: string;

  @ApiProperty({ maxLength: 200 })
  description!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events!: string[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdById!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class RegisteredWebhookEndpointResponse extends WebhookEndpointResponse {
  @ApiProperty({
    description: 'The signing secret (Standard Webhooks `whsec_…`), shown this once: store it now',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret!: string;
}

export class WebhookEndpointList {
  @ApiProperty({ type: [WebhookEndpointResponse] })
  items!: WebhookEndpointResponse[];
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  endpointId!: string;

  @ApiProperty({ format: 'uuid', description: 'The event id: `Webhook-Id` and the body’s `id`' })
  eventId!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS })
  eventType!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty({ minimum: 0, description: 'Sending attempts so far, replays included' })
  attempts!: number;

  @ApiProperty({ minimum: 0 })
  replays!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The receiver's HTTP status at the last attempt",
  })
  lastResponseCode!: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'The JSON body as signed and sent (see the webhook payload schemas)' })
  body!: string;
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryResponse] })
  items!: WebhookDeliveryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function endpointJson(e: EndpointView): WebhookEndpointResponse {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    active: e.active,
    createdById: e.createdById,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function deliveryJson(d: DeliveryView): WebhookDeliveryResponse {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    replays: d.replays,
    lastResponseCode: d.lastResponseCode,
    lastError: d.lastError,
    lastAttemptAt: iso(d.lastAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
    body: d.body,
  };
}
