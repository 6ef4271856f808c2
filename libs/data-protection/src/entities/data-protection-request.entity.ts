import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: RequestKind;

  @Column({ type: 'text', default: 'requested' })
  status!: RequestStatus;

  @Column({ type: 'varchar', length: 254 })
  subjectEmail!: string;

  @Index('data_protection_request_subject_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /** The officer or admin who asked (the command line names them with `--as`); null on older rows. */
  @Column({ type: 'uuid', nullable: true })
  requestedById!: string | null;

  /** Why (required for a subject access request, and for an erasure of someone with an open case). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'boolean', default: false })
  openCaseConfirmed!: boolean;

  /** The second person, who approved it (never the requester nor the subject). */
  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  /** The approver's optional note. */
  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  /** Changes per table (erasure) or records per table (access); never the data itself. */
  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, number> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
