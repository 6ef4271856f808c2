import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The newly submitted company and its enrolment. */
  @Column({ type: 'uuid' })
  companyId!: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_duplicate_flags_company' })
  company?: Company;

  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'fk_duplicate_flags_enrolment' })
  enrolment?: Enrolment;

  /** The existing company it resembles. */
  @Column({ type: 'uuid' })
  matchCompanyId!: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_company_id', foreignKeyConstraintName: 'fk_duplicate_flags_match_company' })
  matchCompany?: Company;

  @Column({ type: 'text' })
  reason!: DuplicateReason;

  /** pg_trgm similarity of the legal names (0–1). */
  @Column({ type: 'real' })
  similarity!: number;

  @Column({ type: 'text', default: 'open' })
  status!: DuplicateFlagStatus;

  @Column({ type: 'uuid', nullable: true })
  resolvedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
