import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { bigintNumber } from './bigint.transformer';
import { Company, type SocialProfile } from './company.entity';

export const ENROLMENT_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'appealed',
  'withdrawn',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const ORDER_ORIGINS = ['unsolicited', 'plan'] as const;
export type OrderOrigin = (typeof ORDER_ORIGINS)[number];

/** The four research headings of export barriers, plus social-media maturity. */
export const BARRIERS = [
  'psychological',
  'organisational',
  'operational',
  'product_market',
  'social_media',
] as const;
export type Barrier = (typeof BARRIERS)[number];

/**
 * An SME's application. Saved while incomplete (draft) and fully validated on submit. The answers are
 * columns, not one JSON blob, because reports filter on region, sector, size, export status and markets.
 */
@Entity('enrolments')
@Index('ix_enrolments_user_status', ['userId', 'status'])
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * The SME user who owns the application; null while it is a draft staff started for a prospect, until
   * the invited contact creates an account (`createdById` is then the adviser who started it).
   */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  /** Set on submit: the company this application is for. */
  @Index('ix_enrolments_company')
  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_enrolments_company' })
  company?: Company;

  @Index('ix_enrolments_status')
  @Column({ type: 'text', default: 'draft' })
  status!: EnrolmentStatus;

  // Company block
  @Column({ type: 'text', nullable: true })
  legalName!: string | null;

  @Column({ type: 'text', nullable: true })
  tradingName!: string | null;

  @Column({ type: 'text', nullable: true })
  registrationNumber!: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  registrationCountry!: string | null;

  @Column({ type: 'text', nullable: true })
  vatNumber!: string | null;

  @Index('ix_enrolments_region')
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ type: 'text', nullable: true })
  naceCode!: string | null;

  @Index('ix_enrolments_nace_section')
  @Column({ type: 'char', length: 1, nullable: true })
  naceSection!: string | null;

  @Column({ type: 'integer', nullable: true })
  employees!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  turnoverMinor!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  balanceSheetMinor!: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ type: 'integer', nullable: true })
  yearFounded!: number | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  socialProfiles!: SocialProfile[] | null;

  // Export status block
  @Column({ type: 'boolean', nullable: true })
  exportedLast12Months!: boolean | null;

  /** Whole percent of turnover from exports. */
  @Column({ type: 'integer', nullable: true })
  exportSharePercent!: number | null;

  @Column({ type: 'text', array: true, nullable: true })
  exportMarkets!: string[] | null;

  @Column({ type: 'text', nullable: true })
  orderOrigin!: OrderOrigin | null;

  @Column({ type: 'text', array: true, nullable: true })
  targetMarkets!: string[] | null;

  @Column({ type: 'text', array: true, nullable: true })
  barriers!: Barrier[] | null;

  @Column({ type: 'text', nullable: true })
  barriersNote!: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  helpWanted!: string[] | null;

  // Consent block
  @Column({ type: 'boolean', nullable: true })
  consentDataProcessing!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  consentEvaluationContact!: boolean | null;

  /** The privacy notice version the SME agreed to (recorded when consent is given). */
  @Column({ type: 'text', nullable: true })
  privacyNoticeVersion!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** The language the SME submitted in: later emails about this application (an upheld appeal) use it. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: string;

  @Column({ type: 'text', nullable: true })
  appealReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealedAt!: Date | null;

  /** An officer's decision on the appeal, who made it and when (kept on the enrolment, shown to both sides). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  appealDecision!: 'upheld' | 'rejected' | null;

  @Column({ type: 'uuid', nullable: true })
  appealDecidedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
