import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { RecordIdPipe } from '@app/web';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateWebhookEndpointDto, UpdateWebhookEndpointDto } from '../dto/webhook-endpoint.dto';
import { WebhookDeliveriesQueryDto } from '../dto/webhook-deliveries-query.dto';
import {
  deliveryJson,
  endpointJson,
  RegisteredWebhookEndpointResponse,
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookEndpointList,
  WebhookEndpointResponse,
} from '../dto/webhook.responses';
import { WebhookDeliveriesService } from '../webhook-deliveries.service';
import { WebhookEndpointsService } from '../webhook-endpoints.service';

/**
 * Admins register integrators' endpoints, follow every delivery and replay one. The payloads each endpoint
 * receives are described in this document's `x-webhooks` (and docs/api.md).
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get('endpoints')
  @ApiOkResponse({ type: WebhookEndpointList })
  async list(): Promise<WebhookEndpointList> {
    return { items: (await this.endpoints.list()).map(endpointJson) };
  }

  /** Registers an endpoint; the answer carries its signing secret, this once. */
  @Post('endpoints')
  @ApiCreatedResponse({ type: RegisteredWebhookEndpointResponse })
  async register(
    @Body() dto: CreateWebhookEndpointDto,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegisteredWebhookEndpointResponse> {
    const { endpoint, secret } = await this.endpoints.register(dto, actor, context);
    res.location(`/api/v1/webhooks/endpoints/${endpoint.id}`);
    res.setHeader('Cache-Control', 'no-store');
    return { ...endpointJson(endpoint), secret };
  }

  @Get('endpoints/:id')
  @ApiOkResponse({ type: WebhookEndpointResponse })
  async get(@Param('id', new RecordIdPipe('webhook_endpoint')) id: string): Promise<WebhookEndpointResponse> {
    return endpointJson(await this.endpoints.find(id));
  }

  @Patch('endpoints/:id')
  @ApiOkResponse({ type: WebhookEndpointResponse })
  async update(
    @Param('id', new RecordIdPipe('webhook_endpoint')) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
    @AuditCtx() context: AuditContext,
  ): Promise<WebhookEndpointResponse> {
    return endpointJson(await this.endpoints.update(id, dto, context));
  }

  /** Removes the endpoint and its delivery history. */
  @Delete('endpoints/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @Param('id', new RecordIdPipe('webhook_endpoint')) id: string,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await this.endpoints.remove(id, context);
  }

  @Get('deliveries')
  @ApiOkResponse({ type: WebhookDeliveryPage, description: 'Newest first' })
  async deliveriesPage(@Query() query: WebhookDeliveriesQueryDto): Promise<WebhookDeliveryPage> {
    const page = await this.deliveries.page(query);
    return { items: page.items.map(deliveryJson), nextCursor: page.nextCursor };
  }

  @Get('deliveries/:id')
  @ApiOkResponse({ type: WebhookDeliveryResponse })
  async delivery(
    @Param('id', new RecordIdPipe('webhook_delivery')) id: string,
  ): Promise<WebhookDeliveryResponse> {
    return deliveryJson(await this.deliveries.find(id));
  }

  /** Sends a delivered or failed delivery again, same body and `Webhook-Id`; 409 while it is in flight. */
  @Post('deliveries/:id/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse })
  async replay(
    @Param('id', new RecordIdPipe('webhook_delivery')) id: string,
    @AuditCtx() context: AuditContext,
  ): Promise<WebhookDeliveryResponse> {
    return deliveryJson(await this.deliveries.replay(id, context));
  }
}
