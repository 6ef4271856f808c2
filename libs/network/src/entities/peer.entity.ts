import { Case } from '@app/cases';
import { Db } from '@app/database';
import { Check, Entity, Index } from 'typeorm';

export const PEER_STATUSES = ['active', 'withdrawn'] as const;
export type PeerStatus = (typeof PEER_STATUSES)[number];

/**
 * An SME that already exports (its case reached passive or proactive) and offered to help others: which
 * markets, what it can talk about, in which languages, how often. One profile per company. Other SMEs see
 * only its company name, sector, markets and topics; its contact (the company contact of its case) is
 * shared only once it accepts an introduction. Withdrawing keeps the row (status, time) for the KPIs.
 */
@Entity('peers')
@Index('uq_peers_company', ['companyId'], { unique: true })
@Check('ck_peers_status', `status IN ('active', 'withdrawn')`)
export class Peer {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() companyId!: string;

  @Db.References('Company', { fk: 'fk_peers_company', onDelete: 'RESTRICT' })
  company?: unknown;

  /** The company's case that qualified it; its contact is the peer's contact. */
  @Index('ix_peers_case')
  @Db.Uuid()
  caseId!: string;

  @Db.References(() => Case, { column: 'case_id', fk: 'fk_peers_case', onDelete: 'RESTRICT' })
  kase?: Case;

  /** The SME user who opted in (and may edit or withdraw). */
  @Index('ix_peers_user')
  @Db.Uuid()
  userId!: string;

  /** ISO 3166-1 alpha-2 markets it exports to and can talk about. */
  @Db.Text({ array: true, default: () => "'{}'" }) markets!: string[];

  /** Readiness heading codes it can talk about (EXPERTISE_HEADINGS). */
  @Db.Text({ array: true, default: () => "'{}'" }) topics!: string[];

  /** Languages it can talk in (en, es, de); emails go in the first. */
  @Db.Text({ array: true, default: () => "'{}'" }) languages!: string[];

  /** Introductions it is willing to take a month. */
  @Db.Integer() capacityPerMonth!: number;

  @Db.Text({ default: 'active' }) status!: PeerStatus;

  /** When the SME last consented to be introduced to other SMEs (opt-in). */
  @Db.Timestamp() consentRecordedAt!: Date;

  /** When the consent was withdrawn (null while active). */
  @Db.Timestamp({ nullable: true }) withdrawnAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
