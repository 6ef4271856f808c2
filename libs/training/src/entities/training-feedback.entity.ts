import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TrainingBooking } from './training-booking.entity';

/** The SME's rating of a completed module: once per booking. */
@Entity('training_feedback')
@Check('ck_training_feedback_satisfaction', '"satisfaction" BETWEEN 1 AND 5')
@Check('ck_training_feedback_usefulness', '"usefulness" BETWEEN 1 AND 5')
export class TrainingFeedback {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_training_feedback_booking', { unique: true })
  @Column({ type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => TrainingBooking, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'fk_training_feedback_booking' })
  booking?: TrainingBooking;

  @Column({ type: 'uuid' })
  moduleId!: string;

  /** 1-5: how satisfied overall. */
  @Column({ type: 'integer' })
  satisfaction!: number;

  /** 1-5: how useful for exporting. */
  @Column({ type: 'integer' })
  usefulness!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
