import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingBooking } from './training-booking.entity';

/**
 * One submitted set of answers to a module's assessment, pass or fail. Failed attempts are what the
 * per-period limit counts (config/training.yaml `assessmentAttempts`); the score and the answers are kept
 * for staff and revealed to the SME only once it passes or uses up its attempts.
 */
@Entity('training_assessment_attempts')
@Index('ix_training_assessment_attempts_booking', ['bookingId', 'attemptedAt'])
export class TrainingAssessmentAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => TrainingBooking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'fk_training_assessment_attempts_booking' })
  booking?: TrainingBooking;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;

  /** The chosen option index per question, in order. */
  @Column({ type: 'jsonb' })
  answers!: number[];

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'boolean' })
  passed!: boolean;
}
