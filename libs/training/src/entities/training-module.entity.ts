import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type {
  AssessmentQuestion,
  CompletionCriterion,
  LocalisedText,
  TrainingFormat,
  TrainingLevel,
} from '../domain/training-formats';

/**
 * One module of the catalogue. Seeded from config/training-modules.yaml, then owned by officers (add, edit,
 * retire). Retiring sets `retiredAt` instead of deleting, so bookings and certificates keep their module.
 */
@Entity('training_module')
export class TrainingModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_training_module_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'jsonb' })
  title!: LocalisedText;

  @Column({ type: 'jsonb' })
  summary!: LocalisedText;

  @Column({ type: 'text' })
  format!: TrainingFormat;

  @Column({ type: 'text' })
  completionCriterion!: CompletionCriterion;

  /** Assessment modules only: the score (0-100) that passes. */
  @Column({ type: 'integer', nullable: true })
  passMark!: number | null;

  /** Assessment modules: multiple-choice questions (the right answers never leave the server). */
  @Column({ type: 'jsonb', nullable: true })
  assessment!: AssessmentQuestion[] | null;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'text' })
  level!: TrainingLevel;

  /** Barrier headings it helps with (psychological, organisational, operational, product_market, social_media). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  barriers!: string[];

  /** Readiness questionnaire question ids it addresses. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  questionIds!: string[];

  /** Codes of modules to complete first (advice shown to the SME, not enforced at booking). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prerequisites!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  platforms!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
