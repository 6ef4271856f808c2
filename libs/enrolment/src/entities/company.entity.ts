import { Db } from '@app/database';
import { Entity, Index, Unique } from 'typeorm';
import { bigintNumber } from './bigint.transformer';

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

  @Db.Text() naceCode!: string;

  @Db.Char({ length: 1 }) naceSection!: string;

  @Db.Integer() employees!: number;

  /** Integer minor units of `currency` (ISO 4217). */
  @Db.Bigint({ transformer: bigintNumber }) turnoverMinor!: number;

  @Db.Bigint({ nullable: true, transformer: bigintNumber }) balanceSheetMinor!: number | null;

  @Db.Char({ length: 3 }) currency!: string;

  @Db.Integer({ nullable: true }) yearFounded!: number | null;

  @Db.Text({ nullable: true }) website!: string | null;

  @Db.Jsonb() socialProfiles!: SocialProfile[];

  /** The user who registered the company (its primary contact). */
  @Db.Uuid() primaryContactId!: string;

  /** Set when an officer merged this company into another; its enrolments and cases moved there. */
  @Db.Uuid({ nullable: true }) mergedIntoId!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
