import { Case } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What the partner reports back once it has worked on a referral. */
export const REFERRAL_RESULTS = ['helped', 'not_able_to_help', 'no_response_from_sme'] as const;
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];

/**
 * A case referred to a partner organisation of config/partners.yaml, with the reason and the SME's consent
 * to share its details. The partner answers through signed links: `sent` → `accepted` → `completed` (the
 * result reported); each move is one guarded update, so a link clicked twice changes nothing the second time.
 */
@Entity('partner_referrals')
@Index('ix_partner_referrals_case', ['caseId', 'createdAt'])
@Index('ix_partner_referrals_partner', ['partnerCode', 'createdAt'])
export class Referral {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  @Db.References(() => Case, { column: 'case_id', fk: 'fk_partner_referrals_case', onDelete: 'RESTRICT' })
  kase?: Case;

  /** A partner code of config/partners.yaml. */
  @Db.Text() partnerCode!: string;

  /** The adviser or officer who referred the case. */
  @Db.Uuid() referredById!: string;

  /** Why the SME is referred: shown to the partner. */
  @Db.Text() reason!: string;

  /** When the SME's consent to share its details with this partner was recorded, and by whom. */
  @Db.Timestamp() consentRecordedAt!: Date;

  @Db.Uuid() consentRecordedById!: string;

  @Db.Text({ default: 'sent' }) status!: ReferralStatus;

  /** The language the partner was written to. */
  @Db.Text() language!: string;

  /** When the link to accept stops working, and the one to report the result. */
  @Db.Timestamp() acceptExpiresAt!: Date;

  @Db.Timestamp() resultExpiresAt!: Date;

  @Db.Timestamp({ nullable: true }) acceptedAt!: Date | null;

  @Db.Text({ nullable: true }) result!: ReferralResult | null;

  @Db.Text({ nullable: true }) resultNote!: string | null;

  @Db.Timestamp({ nullable: true }) resultAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
