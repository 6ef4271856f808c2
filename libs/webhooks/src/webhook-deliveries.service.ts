import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { OutboxService } from '@app/messaging';
import { newestFirstPage, PageCursors, type Page, type PageRequest } from '@app/web';
import { Injectable } from '@nestjs/common';
import { WebhookDelivery, type DeliveryStatus } from './entities/webhook-delivery.entity';
import { DeliveryInFlightError } from './webhooks.errors';

export interface DeliveryQuery extends PageRequest {
  endpointId?: string;
  status?: DeliveryStatus;
}

/** A delivery as admins see it (the body too: it holds ids and codes only). */
export type DeliveryView = Omit<WebhookDelivery, 'endpoint'>;

/** The record of deliveries, newest first, and an admin's replay of one. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly cursors: PageCursors,
  ) {}

  async page(query: DeliveryQuery): Promise<Page<DeliveryView>> {
    return this.uow.run((m) => {
      const qb = m.createQueryBuilder(WebhookDelivery, 'd');
      if (query.endpointId) qb.andWhere('d.endpoint_id = :endpointId', { endpointId: query.endpointId });
      if (query.status) qb.andWhere('d.status = :status', { status: query.status });
      return newestFirstPage(qb, 'd', this.cursors, 'webhook-deliveries', query);
    });
  }

  async find(id: string): Promise<DeliveryView> {
    const delivery = await this.uow.run((m) => m.findOne(WebhookDelivery, { where: { id } }));
    if (!delivery) throw new NotFoundError('webhook_delivery', id);
    return delivery;
  }

  /**
   * Sends a settled delivery (delivered or failed) again, with the same body and `Webhook-Id` (so a
   * receiver that de-duplicates ignores it unless it wants it): the row goes back to `pending` and a
   * `webhook_delivery.replayed` event, in the same transaction, has the worker queue it. 409 while it is
   * still pending or being sent.
   */
  async replay(id: string, context: AuditContext): Promise<DeliveryView> {
    return this.uow.run(async (m) => {
      const [rows] = (await m.query(
        `UPDATE webhook_deliveries SET status = 'pending', replays = replays + 1, updated_at = now()
          WHERE id = $1 AND status IN ('delivered', 'failed')
          RETURNING replays, (SELECT status FROM webhook_deliveries WHERE id = $1) AS was`,
        [id],
      )) as [{ replays: number; was: DeliveryStatus }[], number];
      const updated = rows[0];
      if (!updated) {
        const exists = await m.findOne(WebhookDelivery, { where: { id } });
        if (!exists) throw new NotFoundError('webhook_delivery', id);
        throw new DeliveryInFlightError();
      }
      await this.outbox.add(m, {
        type: 'webhook_delivery.replayed',
        aggregateType: 'webhook_delivery',
        aggregateId: id,
        payload: { deliveryId: id, replay: updated.replays },
      });
      await this.audit.record(m, {
        action: 'webhook.delivery_replayed',
        entityType: 'webhook_delivery',
        entityId: id,
        before: { status: updated.was, replays: updated.replays - 1 },
        after: { status: 'pending', replays: updated.replays },
        context,
      });
      return (await m.findOneOrFail(WebhookDelivery, { where: { id } })) as DeliveryView;
    });
  }
}
