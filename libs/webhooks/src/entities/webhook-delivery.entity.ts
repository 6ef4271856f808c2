import { Db } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one endpoint: at most one row per (endpoint, event), so a handler or job that runs twice
 * adds nothing. `pending` until a job takes it (and between retries), `delivering` while one sends it,
 * `delivered` once the receiver answered 2xx (recorded before the job completes: a later run of the job
 * sees it and sends nothing), `failed` when every attempt failed. The body is stored as sent, so a retry
 * or a replay sends the very same bytes.
 */
@Entity('webhook_deliveries')
@Unique('uq_webhook_deliveries_endpoint_event', ['endpointId', 'eventId'])
@Index('ix_webhook_deliveries_created', ['createdAt', 'id'])
@Index('ix_webhook_deliveries_unfinished', ['updatedAt'], { where: "status IN ('pending', 'delivering')" })
export class WebhookDelivery {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() endpointId!: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  /** The outbox event's id; also the `Webhook-Id` header and the body's `id`. */
  @Db.Uuid() eventId!: string;

  @Db.Varchar({ length: 100 }) eventType!: string;

  /** The JSON body, exactly as signed and sent. */
  @Db.Text() body!: string;

  @Db.Text({ default: 'pending' }) status!: DeliveryStatus;

  /** Sending attempts so far (replays included). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Times an admin asked for it to be sent again. */
  @Column({ type: 'int', default: 0 })
  replays!: number;

  /** The receiver's HTTP status at the last attempt; null when it did not answer. */
  @Column({ type: 'int', nullable: true })
  lastResponseCode!: number | null;

  /** Why the last attempt failed (timeout, refused connection, non-2xx). */
  @Db.Text({ nullable: true }) lastError!: string | null;

  @Db.Timestamp({ nullable: true }) lastAttemptAt!: Date | null;

  @Db.Timestamp({ nullable: true }) deliveredAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
