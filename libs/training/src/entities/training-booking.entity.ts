import { Db } from '@app/database';
import { Entity, Generated, Index } from 'typeorm';
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
  @Db.UuidPrimaryKey() id!: string;

  /** Arrival order: the waitlist is promoted in this order. */
  @Db.Integer()
  @Generated('increment')
  seq!: number;

  @Db.Uuid() caseId!: string;

  @Db.References(() => Case, { fk: 'fk_training_booking_case', onDelete: 'RESTRICT' })
  case?: Case;

  @Db.Uuid() moduleId!: string;

  @Db.References(() => TrainingModuleEntity, { fk: 'fk_training_booking_module', onDelete: 'RESTRICT' })
  module?: TrainingModuleEntity;

  @Db.Uuid({ nullable: true }) sessionId!: string | null;

  @Db.References(() => TrainingSession, { fk: 'fk_training_booking_session', onDelete: 'RESTRICT' })
  session?: TrainingSession | null;

  @Db.Text() status!: BookingStatus;

  /** Who made the booking: the SME, or an adviser/officer on the SME's behalf. */
  @Db.Uuid({ nullable: true }) bookedById!: string | null;

  @Db.Boolean({ default: false }) onBehalf!: boolean;

  /** The readiness recommendation this booking answers, if it came from one. */
  @Db.Uuid({ nullable: true }) recommendationId!: string | null;

  @Db.Timestamp() dueAt!: Date;

  /** 'attended' or 'no_show' once staff mark the session. */
  @Db.Text({ nullable: true }) attendance!: 'attended' | 'no_show' | null;

  @Db.Timestamp({ nullable: true }) attendanceMarkedAt!: Date | null;

  @Db.Integer({ nullable: true }) assessmentScore!: number | null;

  @Db.Uuid({ nullable: true }) signedOffById!: string | null;

  @Db.Timestamp({ nullable: true }) promotedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) cancelledAt!: Date | null;

  @Db.Timestamp({ nullable: true }) completedAt!: Date | null;

  /** Printed on the certificate and checked at /certificates/:code. */
  @Index('uq_training_booking_certificate', { unique: true })
  @Db.Text({ nullable: true })
  certificateCode!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
