import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  legalName!: string;

  @Column({ type: 'text', nullable: true })
  tradingName!: string | null;

  /** Normalised: trimmed, upper-case, no spaces. */
  @Column({ type: 'text' })
  registrationNumber!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  registrationCountry!: string;

  @Index('ix_companies_vat_number')
  @Column({ type: 'text', nullable: true })
  vatNumber!: string | null;

  @Index('ix_companies_region')
  @Column({ type: 'text' })
  region!: string;

  /** Upper-case, one space before the inward part where there is one; staff search by its start. */
  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Column({ type: 'text' })
  naceCode!: string;

  @Column({ type: 'char', length: 1 })
  naceSection!: string;

  @Column({ type: 'integer' })
  employees!: number;

  /** Integer minor units of `currency` (ISO 4217). */
  @Column({ type: 'bigint', transformer: bigintNumber })
  turnoverMinor!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  balanceSheetMinor!: number | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'integer', nullable: true })
  yearFounded!: number | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'jsonb' })
  socialProfiles!: SocialProfile[];

  /**
   * The SME account that registered the company (null for a prospect staff recorded, until its invited
   * contact creates an account). The people to write to are its contacts (`CompanyContact`).
   */
  @Column({ type: 'uuid', nullable: true })
  primaryContactId!: string | null;

  @Column({ type: 'text', default: 'enrolled' })
  status!: CompanyStatus;

  /** A prospect's: how staff met it, and who recorded it. */
  @Column({ type: 'text', nullable: true })
  prospectSource!: ProspectSource | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  /** Set when an officer merged this company into another; its enrolments and cases moved there. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic lock for staff corrections (`If-Match`). */
  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;
}
