import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import { Enrolment } from './enrolment.entity';
import type { EligibilityReason } from '../domain/eligibility';

/** The outcome of the eligibility rules for one submission: every reason, passed or failed. */
@Entity('eligibility_results')
export class EligibilityResult {
  @Db.UuidPrimaryKey() id!: string;

  @Index('ix_eligibility_results_enrolment')
  @Db.Uuid()
  enrolmentId!: string;

  @Db.References(() => Enrolment, { fk: 'fk_eligibility_results_enrolment', onDelete: 'CASCADE' })
  enrolment?: Enrolment;

  @Db.Boolean() eligible!: boolean;

  @Db.Jsonb() reasons!: EligibilityReason[];

  @Db.CreatedAt() evaluatedAt!: Date;
}
