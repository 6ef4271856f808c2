import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

export const REQUEST_KINDS = ['access', 'erasure'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['requested', 'completed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A subject access or erasure request: `requested` until a second person approves it, then `completed`
 * (an access request's archive may then be downloaded; an erasure has been carried out). Once an erasure completes, `subjectEmail` holds the pseudonym and
 * `result` only counts per table, so the record of the request does not re-store what was erased.
 */
@Entity('data_protection_request')
export class DataProtectionRequest {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Text() kind!: RequestKind;

  @Db.Text({ default: 'requested' }) status!: RequestStatus;

  @Db.Varchar({ length: 254 }) subjectEmail!: string;

  @Index('data_protection_request_subject_user_id_idx')
  @Db.Uuid({ nullable: true })
  subjectUserId!: string | null;

  /** The officer or admin who asked (the command line names them with `--as`); null on older rows. */
  @Db.Uuid({ nullable: true }) requestedById!: string | null;

  /** Why (required for a subject access request, and for an erasure of someone with an open case). */
  @Db.Text({ nullable: true }) reason!: string | null;

  @Db.Boolean({ default: false }) openCaseConfirmed!: boolean;

  /** The second person, who approved it (never the requester nor the subject). */
  @Db.Uuid({ nullable: true }) decidedById!: string | null;

  /** The approver's optional note. */
  @Db.Text({ nullable: true }) decisionReason!: string | null;

  /** Changes per table (erasure) or records per table (access); never the data itself. */
  @Db.Jsonb({ nullable: true }) result!: Record<string, number> | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.Timestamp({ nullable: true }) completedAt!: Date | null;
}
