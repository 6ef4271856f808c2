import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const INTERACTION_KINDS = ['call', 'meeting', 'email', 'visit', 'trade_mission', 'webinar'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * An adviser's contact with the SME, tagged with the barriers discussed and the support offered. Never
 * deleted: a mistake is corrected or voided, with a reason.
 */
@Entity('interactions')
@Index('ix_interactions_case_date', ['caseId', 'occurredOn', 'createdAt'])
export class Interaction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  /** Who logged it (the adviser, or an officer). */
  @Column({ type: 'uuid' })
  loggedById!: string;

  @Column({ type: 'text' })
  kind!: InteractionKind;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'text' })
  notes!: string;

  /** The five barrier headings (psychological, organisational, operational, product_market, social_media). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  barriers!: string[];

  /** Codes from config/support-measures.yaml. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  supportMeasures!: string[];

  @Column({ type: 'text', nullable: true })
  nextStep!: string | null;

  @Column({ type: 'date', nullable: true })
  nextStepDue!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The last correction: when, by whom and why (the audit row keeps what it was before). */
  @Column({ type: 'timestamptz', nullable: true })
  correctedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  correctedById!: string | null;

  @Column({ type: 'text', nullable: true })
  correctionReason!: string | null;

  /** Voided (logged by mistake): kept in the history, left out of first/last contact and the KPIs. */
  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  voidedById!: string | null;

  @Column({ type: 'text', nullable: true })
  voidReason!: string | null;
}
