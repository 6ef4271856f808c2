import { Case } from '@app/cases';
import { Column, Entity, PrimaryGeneratedColumn, Unique, JoinColumn, ManyToOne } from 'typeorm';

/** A milestone a case has reached; ticked once (unique per case) by the first evidence that proves it. */
@Entity('case_milestones')
@Unique('uq_case_milestones_case_code', ['caseId', 'code'])
export class CaseMilestone {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_milestones_case' })
  case?: Case;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'timestamptz' })
  achievedAt!: Date;

  /** `readiness_audit` or `export_outcome`. */
  @Column({ type: 'text' })
  refType!: string;

  @Column({ type: 'uuid' })
  refId!: string;
}
