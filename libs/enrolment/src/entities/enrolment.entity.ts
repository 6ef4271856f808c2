import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
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
  @Db.UuidPrimaryKey() id!: string;

  /**
   * The SME user who owns the application; null while it is a draft staff started for a prospect, until
   * the invited contact creates an account (`createdById` is then the adviser who started it).
   */
  @Db.Uuid({ nullable: true }) userId!: string | null;
  @Db.Uuid({ nullable: true }) createdById!: string | null;

  /** Set on submit: the company this application is for. */
  @Index('ix_enrolments_company')
  @Db.Uuid({ nullable: true })
  companyId!: string | null;

  @Db.References(() => Company, { fk: 'fk_enrolments_company', onDelete: 'RESTRICT' })
  company?: Company;

  @Index('ix_enrolments_status')
  @Db.Text({ default: 'draft' })
  status!: EnrolmentStatus;

  // Company block
  @Db.Text({ nullable: true }) legalName!: string | null;

  @Db.Text({ nullable: true }) tradingName!: string | null;

  @Db.Text({ nullable: true }) registrationNumber!: string | null;

  @Db.Char({ length: 2, nullable: true }) registrationCountry!: string | null;

  @Db.Text({ nullable: true }) vatNumber!: string | null;

  @Index('ix_enrolments_region')
  @Db.Text({ nullable: true })
  region!: string | null;

  @Db.Text({ nullable: true }) naceCode!: string | null;

  @Index('ix_enrolments_nace_section')
  @Db.Char({ length: 1, nullable: true })
  naceSection!: string | null;

  @Db.Integer({ nullable: true }) employees!: number | null;

  @Db.Bigint({ nullable: true, transformer: Db.asNumber }) turnoverMinor!: number | null;

  @Db.Bigint({ nullable: true, transformer: Db.asNumber }) balanceSheetMinor!: number | null;

  @Db.Char({ length: 3, nullable: true }) currency!: string | null;

  @Db.Integer({ nullable: true }) yearFounded!: number | null;

  @Db.Text({ nullable: true }) website!: string | null;

  @Db.Jsonb({ nullable: true }) socialProfiles!: SocialProfile[] | null;

  // Export status block
  @Db.Boolean({ nullable: true })
  exportedLast12Months!: boolean | null;

  /** Whole percent of turnover from exports. */
  @Db.Integer({ nullable: true }) exportSharePercent!: number | null;

  @Db.Text({ array: true, nullable: true }) exportMarkets!: string[] | null;

  @Db.Text({ nullable: true }) orderOrigin!: OrderOrigin | null;

  @Db.Text({ array: true, nullable: true }) targetMarkets!: string[] | null;

  @Db.Text({ array: true, nullable: true }) barriers!: Barrier[] | null;

  @Db.Text({ nullable: true }) barriersNote!: string | null;

  @Db.Text({ array: true, nullable: true }) helpWanted!: string[] | null;

  // Consent block
  @Db.Boolean({ nullable: true }) consentDataProcessing!: boolean | null;

  @Db.Boolean({ nullable: true }) consentEvaluationContact!: boolean | null;

  /** The privacy notice version the SME agreed to (recorded when consent is given). */
  @Db.Text({ nullable: true }) privacyNoticeVersion!: string | null;

  @Db.Timestamp({ nullable: true }) submittedAt!: Date | null;

  /** The language the SME submitted in: later emails about this application (an upheld appeal) use it. */
  @Db.Varchar({ length: 2, default: 'en' }) language!: string;

  @Db.Text({ nullable: true }) appealReason!: string | null;

  @Db.Timestamp({ nullable: true }) appealedAt!: Date | null;

  /** An officer's decision on the appeal, who made it and when (kept on the enrolment, shown to both sides). */
  @Db.Varchar({ length: 10, nullable: true }) appealDecision!: 'upheld' | 'rejected' | null;

  @Db.Uuid({ nullable: true }) appealDecidedById!: string | null;

  @Db.Timestamp({ nullable: true }) appealDecidedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
