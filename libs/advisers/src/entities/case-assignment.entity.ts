import { Db } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import type { ScoreBreakdown, ScoredAdviser } from '../assignment/score-advisers';

export const ASSIGNMENT_METHODS = ['automatic', 'officer', 'redistributed', 'reopened'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

export const ASSIGNMENT_END_REASONS = ['declined', 'reassigned', 'redistributed', 'closed'] as const;
export type AssignmentEndReason = (typeof ASSIGNMENT_END_REASONS)[number];

/**
 * One adviser's spell on a case, from start to end, with how and why it began and ended. Rows are never
 * deleted, so a case keeps its full history. At most one open row per case (partial unique index), which
 * also makes automatic assignment idempotent under concurrent deliveries of `case.opened`.
 */
@Entity('case_assignments')
@Index('uq_case_assignments_open', ['caseId'], { unique: true, where: '"ended_at" IS NULL' })
@Index('ix_case_assignments_case_started', ['caseId', 'startedAt'])
@Index('ix_case_assignments_adviser_open', ['adviserId'], { where: '"ended_at" IS NULL' })
export class CaseAssignment {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  @Db.Uuid() adviserId!: string;

  @Db.Text() method!: AssignmentMethod;

  /** The officer who assigned it (null for automatic). */
  @Db.Uuid({ nullable: true }) assignedById!: string | null;

  /** The officer's reason or the handover note. */
  @Db.Text({ nullable: true }) reason!: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: Db.asNumber })
  score!: number | null;

  @Db.Jsonb({ nullable: true }) breakdown!: ScoreBreakdown | null;

  /** The next best advisers at the time, with their scores. */
  @Db.Jsonb({ default: () => "'[]'" }) runnersUp!: ScoredAdviser[];

  @Db.Timestamp({ default: () => 'now()' }) startedAt!: Date;

  @Db.Timestamp({ nullable: true }) endedAt!: Date | null;

  @Db.Text({ nullable: true }) endReason!: AssignmentEndReason | null;

  @Db.Text({ nullable: true }) endNote!: string | null;

  @Db.Uuid({ nullable: true }) endedById!: string | null;
}
