import { Db } from '@app/database';
import { Entity, Index, Unique, VersionColumn } from 'typeorm';

export const SOCIAL_PLATFORMS = [
  'linkedin',
  'facebook',
  'instagram',
  'x',
  'xing',
  'youtube',
  'tiktok',
  'other',
] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** A prospect: staff recorded it and invited its contact, who has not enrolled yet; not counted as enrolled. */
export const COMPANY_STATUSES = ['prospect', 'enrolled'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

/** How staff met a company they recorded themselves. */
export const PROSPECT_SOURCES = ['event', 'referral', 'phone'] as const;
export type ProspectSource = (typeof PROSPECT_SOURCES)[number];

export interface SocialProfile {
  platform: SocialPlatform;
  url: string;
}

/**
 * A company taking part. Created when its first enrolment is submitted; the same normalised registration
 * number in the same country is the same company (unique), so a second SME cannot enrol it again.
 */
@Entity('companies')
@Unique('uq_companies_registration', ['registrationNumber', 'registrationCountry'])
// GIN trigram index for near-duplicate name search; written by hand in the migration (gin_trgm_ops).
@Index('ix_companies_legal_name_trgm', { synchronize: false })
// The caseload's sort by name (lower(legal_name)); an expression index, created in its migration.
@Index('ix_companies_lower_legal_name', { synchronize: false })
// Staff company search on trading names (gin_trgm_ops, its migration).
@Index('ix_companies_trading_name_trgm', { synchronize: false })
export class Company {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Text() legalName!: string;

  @Db.Text({ nullable: true }) tradingName!: string | null;

  /** Normalised: trimmed, upper-case, no spaces. */
  @Db.Text() registrationNumber!: string;

  /** ISO 3166-1 alpha-2. */
  @Db.Char({ length: 2 }) registrationCountry!: string;

  @Index('ix_companies_vat_number')
  @Db.Text({ nullable: true })
  vatNumber!: string | null;

  @Index('ix_companies_region')
  @Db.Text()
  region!: string;

  /** Upper-case, one space before the inward part where there is one; staff search by its start. */
  @Db.Text({ nullable: true }) postcode!: string | null;
  @Db.Text() naceCode!: string;

  @Db.Char({ length: 1 }) naceSection!: string;

  @Db.Integer() employees!: number;

  /** Integer minor units of `currency` (ISO 4217). */
  @Db.Bigint({ transformer: Db.asNumber }) turnoverMinor!: number;

  @Db.Bigint({ nullable: true, transformer: Db.asNumber }) balanceSheetMinor!: number | null;

  @Db.Char({ length: 3 }) currency!: string;

  @Db.Integer({ nullable: true }) yearFounded!: number | null;

  @Db.Text({ nullable: true }) website!: string | null;

  @Db.Jsonb() socialProfiles!: SocialProfile[];

  /**
   * The SME account that registered the company (null for a prospect staff recorded, until its invited
   * contact creates an account). The people to write to are its contacts (`CompanyContact`).
   */
  @Db.Uuid({ nullable: true }) primaryContactId!: string | null;
  @Db.Text({ default: 'enrolled' }) status!: CompanyStatus;
  /** A prospect's: how staff met it, and who recorded it. */
  @Db.Text({ nullable: true }) prospectSource!: ProspectSource | null;
  @Db.Uuid({ nullable: true }) createdById!: string | null;

  /** Set when an officer merged this company into another; its enrolments and cases moved there. */
  @Db.Uuid({ nullable: true }) mergedIntoId!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
  /** Optimistic lock for staff corrections (`If-Match`). */
  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;
}
