import { Case } from '@app/cases';
import { Db } from '@app/database';
import { Check, Entity, Index } from 'typeorm';
import { Expert } from './expert.entity';
import { Peer } from './peer.entity';

/** `unanswered`: the expert stayed silent for `unansweredAfterWorkingDays` (config/network.yaml). */
export const INTRODUCTION_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'withdrawn',
  'unanswered',
] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/**
 * An adviser's request that an expert (or a peer SME: exactly one of the two) meet a case's SME, with its purpose. The expert answers through a
 * signed, expiring link; the answer moves `requested` on once (a guarded update), so a link clicked twice
 * changes and sends nothing the second time.
 */
@Entity('introductions')
@Index('ix_introductions_case', ['caseId', 'createdAt'])
@Index('ix_introductions_expert', ['expertId', 'createdAt'])
@Index('uq_introductions_open', ['caseId', 'expertId'], {
  unique: true,
  where: `status IN ('requested', 'accepted')`,
})
@Index('ix_introductions_peer', ['peerId', 'createdAt'])
@Index('uq_introductions_open_peer', ['caseId', 'peerId'], {
  unique: true,
  where: `status IN ('requested', 'accepted')`,
})
@Check('ck_introductions_one_target', '("expert_id" IS NULL) <> ("peer_id" IS NULL)')
export class Introduction {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  @Db.References(() => Case, { column: 'case_id', fk: 'fk_introductions_case', onDelete: 'RESTRICT' })
  kase?: Case;

  /** The expert asked, or null when a peer was. */
  @Db.Uuid({ nullable: true }) expertId!: string | null;

  @Db.References(() => Expert, { fk: 'fk_introductions_expert', onDelete: 'RESTRICT' })
  expert?: Expert;

  /** The peer SME asked, or null when an expert was. */
  @Db.Uuid({ nullable: true }) peerId!: string | null;

  @Db.References(() => Peer, { fk: 'fk_introductions_peer', onDelete: 'RESTRICT' })
  peer?: Peer;

  /** The adviser or officer who asked. */
  @Db.Uuid() requestedById!: string;

  /** What the SME hopes to get from the conversation: shown to the expert, never the SME's contact details. */
  @Db.Text() purpose!: string;

  @Db.Text({ default: 'requested' }) status!: IntroductionStatus;

  /** The language the expert was written to. */
  @Db.Text() language!: string;

  /** When the accept / decline link stops working. */
  @Db.Timestamp() expiresAt!: Date;

  @Db.Timestamp({ nullable: true }) respondedAt!: Date | null;

  /** When both sides were asked whether an accepted introduction helped (introduction-ratings.service.ts). */
  @Db.Timestamp({ nullable: true }) ratingRequestedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
