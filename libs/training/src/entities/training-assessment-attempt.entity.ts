import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import { TrainingBooking } from './training-booking.entity';

/**
 * One submitted set of answers to a module's assessment, pass or fail. Failed attempts are what the
 * per-period limit counts (config/training.yaml `assessmentAttempts`); the score and the answers are kept
 * for staff and revealed to the SME only once it passes or uses up its attempts.
 */
@Entity('training_assessment_attempts')
@Index('ix_training_assessment_attempts_booking', ['bookingId', 'attemptedAt'])
export class TrainingAssessmentAttempt {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() bookingId!: string;

  @Db.References(() => TrainingBooking, {
    fk: 'fk_training_assessment_attempts_booking',
    onDelete: 'CASCADE',
  })
  booking?: TrainingBooking;

  @Db.Timestamp({ default: () => 'now()' }) attemptedAt!: Date;

  /** The chosen option index per question, in order. */
  @Db.Jsonb() answers!: number[];

  @Db.Integer() score!: number;

  @Db.Boolean() passed!: boolean;
}
