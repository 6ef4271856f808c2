import { CaseOwnedRecord } from '@app/cases';
import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
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
export class ReadinessRecommendation extends CaseOwnedRecord('fk_readiness_recommendations_case') {
  /** The audit whose answers led to it (null when an adviser added it). */
  @Db.Uuid({ nullable: true }) auditId!: string | null;

  @Db.Text() kind!: RecommendationKind;

  /** A support-measure code (config/readiness/recommendations.yaml) or a training module code. */
  @Db.Text() code!: string;

  @Db.Text() origin!: RecommendationOrigin;

  @Db.Text({ default: 'proposed' }) status!: RecommendationStatus;

  @Db.Jsonb({ default: () => "'[]'" }) because!: RecommendationBecause[];

  @Db.Text({ nullable: true }) note!: string | null;

  @Db.Uuid({ nullable: true }) decidedById!: string | null;

  @Db.Timestamp({ nullable: true }) decidedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
