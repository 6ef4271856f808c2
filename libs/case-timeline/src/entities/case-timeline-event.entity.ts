import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

/**
 * One line on a case's timeline. Each domain appends its own events (enrolment submitted, adviser
 * assigned, interaction logged, audit completed, stage changed, training completed, outcome recorded) in
 * the same transaction as the change; the case page reads them back newest first.
 */
@Entity('case_timeline_events')
@Index('ix_case_timeline_case_time', ['caseId', 'occurredAt', 'id'])
export class CaseTimelineEvent {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  /** Dotted kind, e.g. `interaction.logged`; the page translates `timeline.<kind>`. */
  @Db.Text() kind!: string;

  @Db.Timestamp() occurredAt!: Date;

  @Db.Uuid({ nullable: true }) actorId!: string | null;

  /** What the kind's sentence needs (e.g. `{ from, to }` for a stage change); never secrets. */
  @Db.Jsonb({ default: () => "'{}'" }) data!: Record<string, unknown>;

  /** The record this event is about, e.g. `interaction` + its id, so the page can link to it. */
  @Db.Text({ nullable: true }) refType!: string | null;

  @Db.Uuid({ nullable: true }) refId!: string | null;

  @Db.CreatedAt() createdAt!: Date;
}
