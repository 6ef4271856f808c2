import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  /** The rule's code (first-contact, re-audit, …), which is also the kind of task shown to people. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 40 })
  ruleCode!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  ruleVariant!: string | null;

  /** What the task is about within the case (a booking id, an interaction id); '' for the case itself. */
  @Column({ type: 'varchar', length: 100, default: '' })
  subjectKey!: string;

  /** Makes scheduling from an event handler idempotent (e.g. `first-contact:<event id>`). */
  @Index('uq_follow_up_source_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  sourceKey!: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'jsonb' })
  recipients!: Recipients;

  /** Template values for the notifications (company name, module title, …). */
  @Column({ type: 'jsonb' })
  context!: Record<string, string>;

  @Column({ type: 'timestamptz' })
  anchorAt!: Date;

  /** The rule's due date (what people see as "due by"). */
  @Column({ type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ type: 'jsonb' })
  plan!: PlannedStep[];

  @Column({ type: 'int', default: 0 })
  step!: number;

  /** When the current step fires. */
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status!: FollowUpStatus;

  /** How many times a step was fired (a guarded claim succeeded). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  closeReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
