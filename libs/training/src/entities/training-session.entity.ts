import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import { TrainingModuleEntity } from './training-module.entity';

/** A scheduled run of a webinar, workshop or clinic. Bookings lock this row to take a seat. */
@Entity('training_session')
@Index('ix_training_session_module_start', ['moduleId', 'startsAt'])
export class TrainingSession {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() moduleId!: string;

  @Db.References(() => TrainingModuleEntity, { fk: 'fk_training_session_module', onDelete: 'RESTRICT' })
  module?: TrainingModuleEntity;

  @Db.Timestamp() startsAt!: Date;

  @Db.Timestamp() endsAt!: Date;

  /** IANA zone the organiser gives times in, e.g. Europe/Madrid (stored instants are UTC). */
  @Db.Text() timeZone!: string;

  @Db.Integer() capacity!: number;

  /** A venue address (workshops) or null. */
  @Db.Text({ nullable: true }) location!: string | null;

  /** A joining link (webinars, remote clinics) or null. */
  @Db.Text({ nullable: true }) joinUrl!: string | null;

  @Db.Char({ length: 2 }) language!: string;

  @Db.CreatedAt() createdAt!: Date;
}
