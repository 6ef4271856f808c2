import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { OutboxService } from '@app/messaging';
import { PageCursors } from '@app/web';
import { Injectable } from '@nestjs/common';
import { WebhookDelivery, type DeliveryStatus } from './entities/webhook-delivery.entity';
import { DeliveryInFlightError } from './webhooks.errors';

export interface DeliveryQuery {
  endpointId?: string;
  status?: DeliveryStatus;
  cursor?: string;
  limit?: number;
}

/** A delivery as admins see it (the body too: it holds ids and codes only). */
export type DeliveryView = Omit<WebhookDelivery, 'endpoint'>;

const POSITION_SQL = `to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const LIST = 'webhook-deliveries';

/** The record of deliveries, newest first, and an admin's replay of one. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly cursors: PageCursors,
  ) {}

  async page(query: DeliveryQuery): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    return this.uow.run(async (m) => {
      const qb = m.createQueryBuilder(WebhookDelivery, 'd').addSelect(POSITION_SQL, 'position');
      if (query.endpointId) qb.andWhere('d.endpoint_id = :endpointId', { endpointId: query.endpointId });
      if (query.status) qb.andWhere('d.status = :status', { status: query.status });
      if (query.cursor !== undefined) {
        const [at, id] = this.cursors.decode(LIST, query.cursor, ['text', 'uuid']);
        qb.andWhere(`(d.created_at, d.id) < ((:at)::timestamp AT TIME ZONE 'UTC', :id)`, { at, id });
      }
      const { entities, raw } = await qb
        .orderBy('d.created_at', 'DESC')
        .addOrderBy('d.id', 'DESC')
        .limit(limit + 1)
        .getRawAndEntities<{ position: string }>();
      const items = entities.slice(0, limit);
      const next = entities.length > limit ? [raw[limit - 1].position, items[limit - 1].id] : undefined;
      return { items, nextCursor: next ? this.cursors.encode(LIST, next) : null };
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
