import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  adviserId!: string;

  @Column({ type: 'text' })
  method!: AssignmentMethod;

  /** The officer who assigned it (null for automatic). */
  @Column({ type: 'uuid', nullable: true })
  assignedById!: string | null;

  /** The officer's reason or the handover note. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericNumber() })
  score!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  breakdown!: ScoreBreakdown | null;

  /** The next best advisers at the time, with their scores. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  runnersUp!: ScoredAdviser[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason!: AssignmentEndReason | null;

  @Column({ type: 'text', nullable: true })
  endNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  endedById!: string | null;
}

/** Postgres numeric comes back as a string; scores are small, so a JS number is exact enough. */
function numericNumber() {
  return {
    to: (value: number | null): number | null => value,
    from: (value: string | null): number | null => (value === null ? null : Number(value)),
  };
}
