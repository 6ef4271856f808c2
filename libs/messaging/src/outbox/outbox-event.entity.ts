import { Db } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

/**
 * A domain event written in the same transaction as the change it describes. A worker's relay publishes
 * it to Bull (job id = this id) once that worker has a handler for its type, and the events consumer marks
 * it processed once every handler has run, so neither a Redis outage nor a flushed Redis loses it.
 */
@Entity('outbox_event')
// The relay reads unpublished rows of the types it takes, oldest first; rows waiting for another release's
// handler are not in its way.
@Index('ix_outbox_event_waiting', ['type', 'occurredAt'], { where: 'published_at IS NULL' })
@Index('ix_outbox_event_unprocessed', ['publishedAt'], { where: 'processed_at IS NULL' })
// "Has anything happened since?": the KPI refresh asks it of each summary it keeps (libs/reporting).
@Index('ix_outbox_event_occurred', ['occurredAt'])
export class OutboxEvent {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Varchar({ length: 100 }) type!: string;

  /** The version of the event's contract it was written under (events/event-contracts.ts). */
  @Column({ type: 'smallint', default: 1 }) version!: number;

  @Db.Varchar({ length: 60 }) aggregateType!: string;

  @Db.Varchar({ length: 100 }) aggregateId!: string;

  @Db.Jsonb() payload!: Record<string, unknown>;

  @Db.CreatedAt() occurredAt!: Date;

  @Db.Timestamp({ nullable: true }) publishedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) processedAt!: Date | null;

  @Column({ type: 'int', default: 0 }) publishAttempts!: number;

  @Db.Text({ nullable: true }) lastError!: string | null;
}
