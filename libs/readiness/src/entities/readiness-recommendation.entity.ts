import { Case } from '@app/cases';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import type { RecommendationBecause, RecommendationKind } from '../domain/recommend';

export const RECOMMENDATION_STATUSES = ['proposed', 'accepted', 'done', 'dropped', 'superseded'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export type RecommendationOrigin = 'rule' | 'adviser';

/**
 * A support measure or training module recommended to a case: proposed by the rules from an audit, or
 * added by an adviser. The adviser accepts or drops it with a note; a later audit supersedes proposals
 * it no longer makes, and leaves decided ones alone. A training recommendation is done when the case
 * completes that module (the worker handles `training.completed`).
 */
@Entity('readiness_recommendations')
@Index('ix_readiness_recommendations_case', ['caseId', 'status'])
export class ReadinessRecommendation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_readiness_recommendations_case' })
  case?: Case;

  /** The audit whose answers led to it (null when an adviser added it). */
  @Column({ type: 'uuid', nullable: true })
  auditId!: string | null;

  @Column({ type: 'text' })
  kind!: RecommendationKind;

  /** A support-measure code (config/readiness/recommendations.yaml) or a training module code. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  origin!: RecommendationOrigin;

  @Column({ type: 'text', default: 'proposed' })
  status!: RecommendationStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  because!: RecommendationBecause[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
