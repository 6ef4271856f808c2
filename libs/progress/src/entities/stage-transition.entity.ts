import { CaseOwnedRecord } from '@app/cases';
import type { Stage } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

export const TRANSITION_CAUSES = ['audit', 'adviser_decision', 'outcome'] as const;
export type TransitionCause = (typeof TRANSITION_CAUSES)[number];

/**
 * One change of a case's export stage. The case row holds the current stage; this table is its full
 * history (each row's `fromStage` is the previous row's `toStage`), appended in the same transaction.
 */
@Entity('stage_transitions')
@Index('ix_stage_transitions_case_time', ['caseId', 'occurredAt'])
export class StageTransition extends CaseOwnedRecord('fk_stage_transitions_case') {
  @Db.Text() fromStage!: Stage;

  @Db.Text() toStage!: Stage;

  @Db.Text() cause!: TransitionCause;

  /** Required for an adviser's decision; why the stage changed. */
  @Db.Text({ nullable: true }) reason!: string | null;

  /** What justified it: audit scores and reasons, the outcome, milestones achieved. */
  @Db.Jsonb({ default: () => "'{}'" }) evidence!: Record<string, unknown>;

  /** The record that caused it: `readiness_audit` or `export_outcome` and its id. */
  @Db.Text({ nullable: true }) refType!: string | null;

  @Db.Uuid({ nullable: true }) refId!: string | null;

  @Db.Uuid({ nullable: true }) actorId!: string | null;

  @Db.Timestamp() occurredAt!: Date;

  @Db.CreatedAt() createdAt!: Date;
}
