import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line on a case's timeline. Each domain appends its own events (enrolment submitted, adviser
 * assigned, interaction logged, audit completed, stage changed, training completed, outcome recorded) in
 * the same transaction as the change; the case page reads them back newest first.
 */
@Entity('case_timeline_events')
@Index('ix_case_timeline_case_time', ['caseId', 'occurredAt', 'id'])
export class CaseTimelineEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  /** Dotted kind, e.g. `interaction.logged`; the page translates `timeline.<kind>`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** What the kind's sentence needs (e.g. `{ from, to }` for a stage change); never secrets. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  /** The record this event is about, e.g. `interaction` + its id, so the page can link to it. */
  @Column({ type: 'text', nullable: true })
  refType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  refId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
