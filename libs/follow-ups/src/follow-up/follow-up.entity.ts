import { Db } from '@app/database';
import { Check, Column, Entity, Index } from 'typeorm';
import type { Contact } from '@app/messaging';
import type { RecipientRole, StepAction } from '../config/follow-up-rules';

export const FOLLOW_UP_STATUSES = ['scheduled', 'due', 'sent', 'done', 'cancelled', 'escalated'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** Statuses in which a follow-up still waits for its condition (and may be completed or cancelled). */
export const OPEN_FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['scheduled', 'due', 'sent', 'escalated'];

export type Recipients = Partial<Record<RecipientRole, Contact>>;

/** One step of the plan fixed when the follow-up was created (a later rule change does not move it). */
export interface PlannedStep {
  at: string;
  action: StepAction;
  notify: RecipientRole;
}

/**
 * A reminder task. Postgres is the record: the delayed Bull job that fires a step carries only this row's
 * id (job id `<id>:<step>`), and the sweep re-creates a lost job from the row.
 *
 * Status: scheduled → due (the step fired and its notification exists) → sent (delivered; or back to
 * scheduled at the next step) → done | cancelled | escalated. `done`/`cancelled` are final.
 */
@Entity('follow_up')
@Check('ck_follow_up_status', `status IN ('scheduled', 'due', 'sent', 'done', 'cancelled', 'escalated')`)
@Index('ix_follow_up_due', ['dueAt'], { where: "status IN ('scheduled', 'due')" })
@Index('ix_follow_up_case', ['caseId', 'ruleCode'])
@Index('ix_follow_up_assignee', ['assigneeId', 'status'])
// The caseload's "next follow-up" and "overdue" per case (open = still waiting for its condition).
@Index('ix_follow_up_case_open_deadline', ['caseId', 'deadlineAt'], {
  where: "status IN ('scheduled', 'due', 'sent', 'escalated')",
})
@Index('uq_follow_up_open_subject', ['caseId', 'ruleCode', 'subjectKey'], {
  unique: true,
  where: "status IN ('scheduled', 'due', 'sent', 'escalated')",
})
export class FollowUp {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  /** The rule's code (first-contact, re-audit, …), which is also the kind of task shown to people. */
  @Db.Varchar({ length: 40 }) kind!: string;

  @Db.Varchar({ length: 40 }) ruleCode!: string;

  @Db.Varchar({ length: 40, nullable: true }) ruleVariant!: string | null;

  /** What the task is about within the case (a booking id, an interaction id); '' for the case itself. */
  @Db.Varchar({ length: 100, default: '' }) subjectKey!: string;

  /** Makes scheduling from an event handler idempotent (e.g. `first-contact:<event id>`). */
  @Index('uq_follow_up_source_key', { unique: true })
  @Db.Varchar({ length: 200 })
  sourceKey!: string;

  @Db.Uuid({ nullable: true }) assigneeId!: string | null;

  @Db.Jsonb() recipients!: Recipients;

  /** Template values for the notifications (company name, module title, …). */
  @Db.Jsonb() context!: Record<string, string>;

  @Db.Timestamp() anchorAt!: Date;

  /** The rule's due date (what people see as "due by"). */
  @Db.Timestamp() deadlineAt!: Date;

  @Db.Jsonb() plan!: PlannedStep[];

  @Column({ type: 'int', default: 0 }) step!: number;

  /** When the current step fires. */
  @Db.Timestamp() dueAt!: Date;

  @Db.Varchar({ length: 20, default: 'scheduled' }) status!: FollowUpStatus;

  /** How many times a step was fired (a guarded claim succeeded). */
  @Column({ type: 'int', default: 0 }) attempts!: number;

  @Db.Timestamp({ nullable: true }) closedAt!: Date | null;

  @Db.Varchar({ length: 200, nullable: true }) closeReason!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
