import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

export const INTERACTION_KINDS = ['call', 'meeting', 'email', 'visit', 'trade_mission', 'webinar'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * An adviser's contact with the SME, tagged with the barriers discussed and the support offered. Never
 * deleted: a mistake is corrected or voided, with a reason.
 */
@Entity('interactions')
@Index('ix_interactions_case_date', ['caseId', 'occurredOn', 'createdAt'])
export class Interaction {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  /** Who logged it (the adviser, or an officer). */
  @Db.Uuid() loggedById!: string;

  @Db.Text() kind!: InteractionKind;

  @Db.Date() occurredOn!: string;

  @Db.Text() notes!: string;

  /** The five barrier headings (psychological, organisational, operational, product_market, social_media). */
  @Db.Text({ array: true, default: () => "'{}'" }) barriers!: string[];

  /** Codes from config/support-measures.yaml. */
  @Db.Text({ array: true, default: () => "'{}'" }) supportMeasures!: string[];

  @Db.Text({ nullable: true }) nextStep!: string | null;

  @Db.Date({ nullable: true }) nextStepDue!: string | null;

  @Db.CreatedAt() createdAt!: Date;
  /** The last correction: when, by whom and why (the audit row keeps what it was before). */
  @Db.Timestamp({ nullable: true }) correctedAt!: Date | null;
  @Db.Uuid({ nullable: true }) correctedById!: string | null;
  @Db.Text({ nullable: true }) correctionReason!: string | null;
  /** Voided (logged by mistake): kept in the history, left out of first/last contact and the KPIs. */
  @Db.Timestamp({ nullable: true }) voidedAt!: Date | null;
  @Db.Uuid({ nullable: true }) voidedById!: string | null;
  @Db.Text({ nullable: true }) voidReason!: string | null;
}
