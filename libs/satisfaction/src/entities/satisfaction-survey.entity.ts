import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The answers of one survey: ratings 1–5, two yes/partly/no questions and an optional comment. */
export interface SurveyAnswers {
  overall: number;
  adviser: number;
  helpedExport: 'yes' | 'partly' | 'no';
  recommend: 'yes' | 'no';
  comments: string | null;
}

/**
 * The satisfaction survey of a closed case: sent once per case (a case closed again after reopening keeps
 * its first survey), answered at most once, through a signed link that expires.
 */
@Entity('satisfaction_surveys')
@Index('uq_satisfaction_surveys_case', ['caseId'], { unique: true })
export class SatisfactionSurvey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  /** The SME it was sent to, and the language it is asked in. */
  @Column({ type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ type: 'varchar', length: 2 })
  language!: string;

  /** The closure reason it followed (config/case-closure.yaml), for reading results by reason. */
  @Column({ type: 'text' })
  closureReason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Index('ix_satisfaction_surveys_answered')
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  answers!: SurveyAnswers | null;

  /** The overall rating reached config's `satisfiedFrom` (null until answered). */
  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;
}
