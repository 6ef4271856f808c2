import { Db } from '@app/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The adviser's working summary of one case, kept beside `cases` (which enrolment owns) so the caseload can
 * filter and sort on contact dates without aggregating interactions on every request.
 */
@Entity('case_work')
@Index('ix_case_work_last_contact', ['lastContactOn'])
@Index('ix_case_work_next_due', ['nextStepDue'])
@Index('ix_case_work_target_markets', { synchronize: false }) // GIN on target_markets, in the migration
export class CaseWork {
  @PrimaryColumn({ type: 'uuid' })
  caseId!: string;

  /** Copied from the enrolment when the case is first assigned, for the target-market filter. */
  @Db.Text({ array: true, default: () => "'{}'" }) targetMarkets!: string[];

  /** The SME's language, from `case.opened`, used for language matching on reassignment. */
  @Db.Text({ default: 'en' }) language!: string;

  /** Date of the first interaction: the case's first contact. */
  @Db.Date({ nullable: true }) firstContactOn!: string | null;

  @Db.Date({ nullable: true }) lastContactOn!: string | null;

  @Db.Text({ nullable: true }) nextStep!: string | null;

  @Db.Date({ nullable: true }) nextStepDue!: string | null;

  /** The adviser's free-text summary of where the case stands (edited with optimistic locking). */
  @Db.Text({ default: '' }) summary!: string;

  /** Overall score of the latest submitted readiness audit, copied from `audit.completed` for the caseload. */
  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: Db.asNumber })
  readinessScore!: number | null;

  /** When that audit was submitted: an older event arriving late never overwrites a newer score. */
  @Db.Timestamp({ nullable: true }) readinessScoredAt!: Date | null;

  /** Set once officers were told nobody had capacity, so a re-delivered event does not tell them again. */
  @Db.Timestamp({ nullable: true }) unassignedNotifiedAt!: Date | null;

  @Db.UpdatedAt() updatedAt!: Date;
}
