import { Case } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import { Expert } from './expert.entity';

export const INTRODUCTION_REQUEST_STATUSES = ['pending', 'approved', 'declined'] as const;
export type IntroductionRequestStatus = (typeof INTRODUCTION_REQUEST_STATUSES)[number];

/**
 * An SME's own request, from its readiness results, to be introduced to the expert suggested for its case.
 * It waits for the case's adviser: approving asks the expert (an introduction, in the same transaction),
 * declining tells the SME. At most one pending request per case and expert.
 */
@Entity('introduction_requests')
@Index('ix_introduction_requests_case', ['caseId', 'createdAt'])
@Index('uq_introduction_requests_pending', ['caseId', 'expertId'], {
  unique: true,
  where: `status = 'pending'`,
})
export class IntroductionRequest {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() caseId!: string;

  @Db.References(() => Case, { column: 'case_id', fk: 'fk_introduction_requests_case', onDelete: 'RESTRICT' })
  kase?: Case;

  @Db.Uuid() expertId!: string;

  @Db.References(() => Expert, { fk: 'fk_introduction_requests_expert', onDelete: 'RESTRICT' })
  expert?: Expert;

  /** The SME user who asked. */
  @Db.Uuid() requestedById!: string;

  @Db.Text() purpose!: string;

  @Db.Text({ default: 'pending' }) status!: IntroductionRequestStatus;

  @Db.Uuid({ nullable: true }) decidedById!: string | null;

  @Db.Timestamp({ nullable: true }) decidedAt!: Date | null;

  /** The introduction an approval asked for. */
  @Db.Uuid({ nullable: true }) introductionId!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
