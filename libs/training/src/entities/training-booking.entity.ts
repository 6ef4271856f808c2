import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Case } from '@app/cases';
import type { BookingStatus } from '../domain/training-formats';
import { TrainingModuleEntity } from './training-module.entity';
import { TrainingSession } from './training-session.entity';

/**
 * A case's place on a module: in a session (booked or waitlisted) or self-paced. One active booking per
 * case and module (partial unique index); cancelled and no-show bookings free the module for a new one.
 */
@Entity('training_booking')
@Index('uq_training_booking_case_module_active', ['caseId', 'moduleId'], {
  unique: true,
  where: "status IN ('booked', 'waitlisted', 'completed')",
})
@Index('ix_training_booking_session_status', ['sessionId', 'status', 'seq'])
@Index('ix_training_booking_case', ['caseId'])
export class TrainingBooking {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Arrival order: the waitlist is promoted in this order. */
  @Column({ type: 'integer' })
  @Generated('increment')
  seq!: number;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_training_booking_case' })
  case?: Case;

  @Column({ type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => TrainingModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'fk_training_booking_module' })
  module?: TrainingModuleEntity;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => TrainingSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_training_booking_session' })
  session?: TrainingSession | null;

  @Column({ type: 'text' })
  status!: BookingStatus;

  /** Who made the booking: the SME, or an adviser/officer on the SME's behalf. */
  @Column({ type: 'uuid', nullable: true })
  bookedById!: string | null;

  @Column({ type: 'boolean', default: false })
  onBehalf!: boolean;

  /** The readiness recommendation this booking answers, if it came from one. */
  @Column({ type: 'uuid', nullable: true })
  recommendationId!: string | null;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** 'attended' or 'no_show' once staff mark the session. */
  @Column({ type: 'text', nullable: true })
  attendance!: 'attended' | 'no_show' | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceMarkedAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  assessmentScore!: number | null;

  @Column({ type: 'uuid', nullable: true })
  signedOffById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  promotedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Printed on the certificate and checked at /certificates/:code. */
  @Index('uq_training_booking_certificate', { unique: true })
  @Column({ type: 'text', nullable: true })
  certificateCode!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
