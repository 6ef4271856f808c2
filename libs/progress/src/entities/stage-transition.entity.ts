import { Case } from '@app/cases';
import type { Stage } from '@app/cases';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';

export const TRANSITION_CAUSES = ['audit', 'adviser_decision', 'outcome'] as const;
export type TransitionCause = (typeof TRANSITION_CAUSES)[number];

/**
 * One change of a case's export stage. The case row holds the current stage; this table is its full
 * history (each row's `fromStage` is the previous row's `toStage`), appended in the same transaction.
 */
@Entity('stage_transitions')
@Index('ix_stage_transitions_case_time', ['caseId', 'occurredAt'])
export class StageTransition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_stage_transitions_case' })
  case?: Case;

  @Column({ type: 'text' })
  fromStage!: Stage;

  @Column({ type: 'text' })
  toStage!: Stage;

  @Column({ type: 'text' })
  cause!: TransitionCause;

  /** Required for an adviser's decision; why the stage changed. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What justified it: audit scores and reasons, the outcome, milestones achieved. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  evidence!: Record<string, unknown>;

  /** The record that caused it: `readiness_audit` or `export_outcome` and its id. */
  @Column({ type: 'text', nullable: true })
  refType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  refId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
