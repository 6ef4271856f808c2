import { CaseOwnedRecord } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Unique } from 'typeorm';

/** A milestone a case has reached; ticked once (unique per case) by the first evidence that proves it. */
@Entity('case_milestones')
@Unique('uq_case_milestones_case_code', ['caseId', 'code'])
export class CaseMilestone extends CaseOwnedRecord('fk_case_milestones_case') {
  @Db.Text() code!: string;

  @Db.Timestamp() achievedAt!: Date;

  /** `readiness_audit` or `export_outcome`. */
  @Db.Text() refType!: string;

  @Db.Uuid() refId!: string;
}
