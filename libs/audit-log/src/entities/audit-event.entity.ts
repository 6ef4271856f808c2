import { Db } from '@app/database';
import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per mutation or sensitive read. Append-only: a trigger (see the migration) refuses UPDATE,
 * DELETE and TRUNCATE. `id` is a bigint identity so that it orders rows for keyset pagination.
 */
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entityType', 'entityId', 'id'])
@Index('audit_event_actor_idx', ['actorId', 'id'])
@Index('audit_event_occurred_at_idx', ['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Db.Timestamp({ default: () => 'now()' }) occurredAt!: Date;

  /** Null for the system or an anonymous caller (e.g. a failed sign-in). */
  @Db.Uuid({ nullable: true }) actorId!: string | null;

  @Db.Varchar({ length: 100 }) action!: string;

  @Db.Varchar({ length: 60 }) entityType!: string;

  @Db.Varchar({ length: 200 }) entityId!: string;

  /** Only the fields that changed, before and after; secrets are replaced before they get here. */
  @Db.Jsonb({ nullable: true }) before!: Record<string, unknown> | null;

  @Db.Jsonb({ nullable: true }) after!: Record<string, unknown> | null;

  @Db.Varchar({ length: 64, nullable: true }) requestId!: string | null;

  @Db.Varchar({ length: 64, nullable: true }) ip!: string | null;
}
