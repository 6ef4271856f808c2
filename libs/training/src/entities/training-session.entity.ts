import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TrainingModuleEntity } from './training-module.entity';

/** A scheduled run of a webinar, workshop or clinic. Bookings lock this row to take a seat. */
@Entity('training_session')
@Index('ix_training_session_module_start', ['moduleId', 'startsAt'])
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => TrainingModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'fk_training_session_module' })
  module?: TrainingModuleEntity;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** IANA zone the organiser gives times in, e.g. Europe/Madrid (stored instants are UTC). */
  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'integer' })
  capacity!: number;

  /** A venue address (workshops) or null. */
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  /** A joining link (webinars, remote clinics) or null. */
  @Column({ type: 'text', nullable: true })
  joinUrl!: string | null;

  @Column({ type: 'char', length: 2 })
  language!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
