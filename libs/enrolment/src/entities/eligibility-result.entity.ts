import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Enrolment } from './enrolment.entity';
import type { EligibilityReason } from '../domain/eligibility';

/** The outcome of the eligibility rules for one submission: every reason, passed or failed. */
@Entity('eligibility_results')
export class EligibilityResult {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_eligibility_results_enrolment')
  @Column({ type: 'uuid' })
  enrolmentId!: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'fk_eligibility_results_enrolment' })
  enrolment?: Enrolment;

  @Column({ type: 'boolean' })
  eligible!: boolean;

  @Column({ type: 'jsonb' })
  reasons!: EligibilityReason[];

  @CreateDateColumn({ type: 'timestamptz' })
  evaluatedAt!: Date;
}
