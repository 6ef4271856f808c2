import { CaseOwnedRecord } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import type {
  BuyerType,
  Likelihood,
  OpportunitySource,
  OpportunityStatus,
} from '../domain/opportunity-rules';

/**
 * Likely business a case is working towards, before it is won: a market, what is sold, to whom, where the
 * lead came from, what it may be worth and when. The pipeline adds them up (weighted by likelihood).
 */
@Entity('export_opportunities')
@Index('ix_export_opportunities_case', ['caseId', 'createdAt'])
@Index('ix_export_opportunities_status_expected', ['status', 'expectedOn'])
// The pipeline's order, for the pages not filtered by status.
@Index('ix_export_opportunities_expected', ['expectedOn', 'id'])
export class ExportOpportunity extends CaseOwnedRecord('fk_export_opportunities_case') {
  /** The market, ISO 3166-1 alpha-2. */
  @Db.Char({ length: 2 }) market!: string;

  /** The product or service sold. */
  @Db.Text() product!: string;

  @Db.Text() buyerType!: BuyerType;

  @Db.Text() source!: OpportunitySource;

  /** Estimated value, integer minor units of `currency` (ISO 4217). */
  @Db.Bigint({ transformer: Db.asNumber }) valueMinor!: number;

  @Db.Char({ length: 3 }) currency!: string;

  @Db.Text() likelihood!: Likelihood;

  /** When the business is expected (a date in the programme's time zone). */
  @Db.Date() expectedOn!: string;

  @Db.Text({ default: 'prospect' }) status!: OpportunityStatus;

  /** Why it was lost or abandoned. */
  @Db.Text({ nullable: true }) closeReason!: string | null;

  @Db.Text({ nullable: true }) notes!: string | null;

  @Db.Uuid({ nullable: true }) recordedById!: string | null;

  @Db.Version() version!: number;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
