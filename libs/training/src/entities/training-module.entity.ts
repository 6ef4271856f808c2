import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
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
  @Db.UuidPrimaryKey() id!: string;

  @Index('uq_training_module_code', { unique: true })
  @Db.Text()
  code!: string;

  @Db.Jsonb() title!: LocalisedText;

  @Db.Jsonb() summary!: LocalisedText;

  @Db.Text() format!: TrainingFormat;

  @Db.Text() completionCriterion!: CompletionCriterion;

  /** Assessment modules only: the score (0-100) that passes. */
  @Db.Integer({ nullable: true }) passMark!: number | null;

  /** Assessment modules: multiple-choice questions (the right answers never leave the server). */
  @Db.Jsonb({ nullable: true }) assessment!: AssessmentQuestion[] | null;

  @Db.Integer() durationMinutes!: number;

  @Db.Text() level!: TrainingLevel;

  /** Barrier headings it helps with (psychological, organisational, operational, product_market, social_media). */
  @Db.Text({ array: true, default: () => "'{}'" }) barriers!: string[];

  /** Readiness questionnaire question ids it addresses. */
  @Db.Text({ array: true, default: () => "'{}'" }) questionIds!: string[];

  /** Codes of modules to complete first (advice shown to the SME, not enforced at booking). */
  @Db.Text({ array: true, default: () => "'{}'" }) prerequisites!: string[];

  @Db.Text({ array: true, default: () => "'{}'" }) platforms!: string[];

  @Db.Timestamp({ nullable: true }) retiredAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
