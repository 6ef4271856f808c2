import { Db } from '@app/database';
import { Check, Entity, Index } from 'typeorm';
import { TrainingBooking } from './training-booking.entity';

/** The SME's rating of a completed module: once per booking. */
@Entity('training_feedback')
@Check('ck_training_feedback_satisfaction', '"satisfaction" BETWEEN 1 AND 5')
@Check('ck_training_feedback_usefulness', '"usefulness" BETWEEN 1 AND 5')
export class TrainingFeedback {
  @Db.UuidPrimaryKey() id!: string;

  @Index('uq_training_feedback_booking', { unique: true })
  @Db.Uuid()
  bookingId!: string;

  @Db.References(() => TrainingBooking, { fk: 'fk_training_feedback_booking', onDelete: 'RESTRICT' })
  booking?: TrainingBooking;

  @Db.Uuid() moduleId!: string;

  /** 1-5: how satisfied overall. */
  @Db.Integer() satisfaction!: number;

  /** 1-5: how useful for exporting. */
  @Db.Integer() usefulness!: number;

  @Db.Text({ nullable: true }) comment!: string | null;

  @Db.CreatedAt() createdAt!: Date;
}
