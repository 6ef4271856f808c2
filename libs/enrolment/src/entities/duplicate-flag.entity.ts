import { Db } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { Company } from './company.entity';
import { Enrolment } from './enrolment.entity';

export const DUPLICATE_REASONS = ['same_vat', 'similar_name'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const DUPLICATE_FLAG_STATUSES = ['open', 'merged', 'dismissed'] as const;
export type DuplicateFlagStatus = (typeof DUPLICATE_FLAG_STATUSES)[number];

/** A possible duplicate found at submit, for an officer to merge or dismiss. */
@Entity('duplicate_flags')
@Index('ix_duplicate_flags_status', ['status'])
export class DuplicateFlag {
  @Db.UuidPrimaryKey() id!: string;

  /** The newly submitted company and its enrolment. */
  @Db.Uuid() companyId!: string;

  @Db.References(() => Company, { fk: 'fk_duplicate_flags_company', onDelete: 'CASCADE' })
  company?: Company;

  @Db.Uuid() enrolmentId!: string;

  @Db.References(() => Enrolment, { fk: 'fk_duplicate_flags_enrolment', onDelete: 'CASCADE' })
  enrolment?: Enrolment;

  /** The existing company it resembles. */
  @Db.Uuid() matchCompanyId!: string;

  @Db.References(() => Company, { fk: 'fk_duplicate_flags_match_company', onDelete: 'CASCADE' })
  matchCompany?: Company;

  @Db.Text() reason!: DuplicateReason;

  /** pg_trgm similarity of the legal names (0–1). */
  @Column({ type: 'real' }) similarity!: number;

  @Db.Text({ default: 'open' }) status!: DuplicateFlagStatus;

  @Db.Uuid({ nullable: true }) resolvedById!: string | null;

  @Db.Timestamp({ nullable: true }) resolvedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;
}
