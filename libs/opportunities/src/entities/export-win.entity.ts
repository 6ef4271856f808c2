import { CaseOwnedRecord } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import type { GoodsOrServices, StoredVerification, WinType } from '../domain/win-rules';
import { ExportOpportunity } from './export-opportunity.entity';
/**
 * Business an SME won with the programme's help: from a won opportunity or recorded directly, its value by
 * year (up to five), the kind of win, whether the support was decisive and which support helped. It is
 * "claimed" until the company confirms it.
 */
@Entity('export_wins')
@Index('ix_export_wins_case', ['caseId', 'createdAt'])
@Index('uq_export_wins_opportunity', ['opportunityId'], { unique: true, where: 'opportunity_id IS NOT NULL' })
@Index('uq_export_wins_migrated_outcome', ['migratedFromOutcomeId'], {
  unique: true,
  where: 'migrated_from_outcome_id IS NOT NULL',
})
export class ExportWin extends CaseOwnedRecord('fk_export_wins_case') {
  /** The won opportunity it came from, if any (one win per opportunity). */
  @Db.Uuid({ nullable: true }) opportunityId!: string | null;

  @Db.References(() => ExportOpportunity, { fk: 'fk_export_wins_opportunity', onDelete: 'SET NULL' })
  opportunity?: ExportOpportunity;

  @Db.Text() customerName!: string;

  /** The customer's country (the market), ISO 3166-1 alpha-2. */
  @Db.Char({ length: 2 }) customerCountry!: string;

  @Db.Text() goodsOrServices!: GoodsOrServices;

  /** What was sold. */
  @Db.Text() description!: string;

  @Db.Text() winType!: WinType;

  @Db.Char({ length: 3 }) currency!: string;

  /** The calendar year of the first value. */
  @Db.Integer() firstYear!: number;

  /** Value per year from `firstYear`, minor units of `currency` (one to five years). */
  @Db.Bigint({ array: true, transformer: Db.asNumberList }) valuesMinor!: number[];

  /** The sum of `valuesMinor`, kept for totals. */
  @Db.Bigint({ transformer: Db.asNumber }) totalMinor!: number;

  /** The company says the programme's support was decisive (it would not have won without it). */
  @Db.Boolean() supportDecisive!: boolean;

  /** Codes from config/support-measures.yaml that helped. */
  @Db.Text({ array: true, default: () => "'{}'" }) supportMeasures!: string[];

  /** Codes of the training modules (booked on the case) that helped. */
  @Db.Text({ array: true, default: () => "'{}'" }) trainingModules!: string[];

  @Db.Text({ nullable: true }) notes!: string | null;

  /** The export-win outcome (libs/progress) this win was copied from when wins arrived; null for wins recorded as wins. */
  @Db.Uuid({ nullable: true }) migratedFromOutcomeId!: string | null;

  @Db.Uuid({ nullable: true }) recordedById!: string | null;

  /** The company's confirmation: not sent (no contact), awaiting its answer, confirmed or disputed. */
  @Db.Text({ default: 'not_sent' }) verificationStatus!: StoredVerification;

  /** The current link's random id; answering keeps it (the link then only shows the answer), a new link replaces it. */
  @Db.Uuid({ nullable: true }) verificationNonce!: string | null;

  @Db.Timestamp({ nullable: true }) verificationSentAt!: Date | null;

  @Db.Timestamp({ nullable: true }) verificationExpiresAt!: Date | null;

  @Db.Timestamp({ nullable: true }) answeredAt!: Date | null;

  /** What the company said (required when it disputes the win). */
  @Db.Text({ nullable: true }) companyComment!: string | null;

  /** The company's rating of the support, 1–5. */
  @Db.Integer({ nullable: true }) companyRating!: number | null;

  /** An officer's sign-off of a confirmed win: from then on it counts as confirmed export value. */
  @Db.Timestamp({ nullable: true }) signedOffAt!: Date | null;

  @Db.Uuid({ nullable: true }) signedOffById!: string | null;

  @Db.Version() version!: number;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
