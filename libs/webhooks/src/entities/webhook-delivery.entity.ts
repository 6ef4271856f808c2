import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  endpointId!: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  /** The outbox event's id; also the `Webhook-Id` header and the body's `id`. */
  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 100 })
  eventType!: string;

  /** The JSON body, exactly as signed and sent. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

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
  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
