import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
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

  /** The user who registered the company (its primary contact). */
  @Column({ type: 'uuid' })
  primaryContactId!: string;

  /** Set when an officer merged this company into another; its enrolments and cases moved there. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
