import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import type { Stage } from '../domain/stage';

export const CASE_STATUSES = ['awaiting_assignment', 'active', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * A company's journey through the programme, opened by an eligible enrolment. Every change to its columns
 * goes through `CasesService` (in the caller's transaction, with the optimistic `version` check, so two
 * people cannot silently overwrite each other); other libs read it and call that service.
 *
 * The company and enrolment it belongs to are @app/enrolment's, which opens cases through this lib: the
 * relations name their entities as strings so that this lib does not import the one above it.
 */
@Entity('cases')
// Caseload sort indexes on expressions of the two copied keys below (see their migration).
@Index('ix_cases_next_due', { synchronize: false })
@Index('ix_cases_stage_next_due', { synchronize: false })
@Index('ix_cases_adviser_next_due', { synchronize: false })
@Index('ix_cases_last_contact', { synchronize: false })
@Index('ix_cases_stage_last_contact', { synchronize: false })
@Index('ix_cases_adviser_last_contact', { synchronize: false })
@Index('ix_cases_stage_rank', { synchronize: false })
export class Case {
  @Db.UuidPrimaryKey() id!: string;

  @Index('ix_cases_company')
  @Db.Uuid()
  companyId!: string;

  @Db.References('Company', { fk: 'fk_cases_company', onDelete: 'RESTRICT' })
  company?: unknown;

  @Index('ix_cases_enrolment', { unique: true })
  @Db.Uuid()
  enrolmentId!: string;

  @Db.References('Enrolment', { fk: 'fk_cases_enrolment', onDelete: 'RESTRICT' })
  enrolment?: unknown;

  @Db.Text() stage!: Stage;

  @Index('ix_cases_status')
  @Db.Text({ default: 'awaiting_assignment' })
  status!: CaseStatus;

  @Index('ix_cases_region')
  @Db.Text()
  region!: string;

  /** NACE Rev. 2 code of the company's main activity. */
  @Db.Text() sector!: string;

  @Db.Timestamp({ default: () => 'now()' }) openedAt!: Date;

  /** The adviser working the case; @app/advisers decides it (set on assignment, cleared on decline). */
  @Index('ix_cases_assigned_adviser')
  @Db.Uuid({ nullable: true })
  assignedAdviserId!: string | null;

  /**
   * Copies of case_work's last contact and next step due date (owned by @app/advisers), kept by a trigger
   * on case_work so the caseload can sort and page by them with an index. Never written by the ORM.
   */
  @Db.Date({ nullable: true, insert: false, update: false }) lastContactOn!: string | null;

  @Db.Date({ nullable: true, insert: false, update: false }) nextStepDue!: string | null;

  /**
   * Copy of the earliest deadline of the case's open follow-ups (@app/follow-ups' rows), kept by a
   * trigger on follow_up: the caseload's default order. Never written by the ORM.
   */
  @Db.Timestamp({ nullable: true, insert: false, update: false }) nextFollowUpAt!: Date | null;
  /** When the case was last closed, why (a code of config/case-closure.yaml), by whom and with what summary. */
  @Db.Timestamp({ nullable: true }) closedAt!: Date | null;
  @Db.Text({ nullable: true }) closureReason!: string | null;
  @Db.Text({ nullable: true }) closureSummary!: string | null;
  @Db.Uuid({ nullable: true }) closedById!: string | null;
  @Db.Version() version!: number;
}
