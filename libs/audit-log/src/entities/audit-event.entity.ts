import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** Null for the system or an anonymous caller (e.g. a failed sign-in). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'varchar', length: 200 })
  entityId!: string;

  /** Only the fields that changed, before and after; secrets are replaced before they get here. */
  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
