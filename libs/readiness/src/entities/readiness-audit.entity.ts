import { CaseOwnedRecord } from '@app/cases';
import { Db } from '@app/database';
import { Column, Entity, Index } from 'typeorm';
import { AUDIT_KINDS, type AuditKind } from '../domain/audit-kinds';
import type { Classification } from '../domain/classification';

export { AUDIT_KINDS, type AuditKind };
export const AUDIT_STATUSES = ['draft', 'submitted'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/**
 * One readiness audit: an SME's self-assessment or an adviser's audit. A draft may be incomplete; on submit
 * it is scored and classified on the questionnaire version it was answered on, which it keeps for ever.
 */
@Entity('readiness_audits')
@Index('ix_readiness_audits_case_created', ['caseId', 'createdAt'])
export class ReadinessAudit extends CaseOwnedRecord('fk_readiness_audits_case') {
  @Db.Text() kind!: AuditKind;

  @Db.Text({ default: 'draft' }) status!: AuditStatus;

  @Db.Integer() questionnaireVersion!: number;

  /** Question code → 0..4. */
  @Db.Jsonb({ default: () => "'{}'" }) answers!: Record<string, number>;

  /** Question code → the adviser's note of the evidence seen. */
  @Db.Jsonb({ default: () => "'{}'" }) evidence!: Record<string, string>;

  /** The language a self-assessment was answered in (en, es, de). */
  @Db.Text({ nullable: true }) language!: string | null;

  /** The self-assessment an adviser's audit started from. */
  @Db.Uuid({ nullable: true }) baseAuditId!: string | null;

  /** Heading code → 0..100, set on submit. */
  @Db.Jsonb({ nullable: true }) headingScores!: Record<string, number> | null;

  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: Db.asNumber })
  overallScore!: number | null;

  /** Stage, cross-check, review flag, readiness and every reason, set on submit. */
  @Db.Jsonb({ nullable: true }) classification!: Classification | null;

  @Db.Uuid({ nullable: true }) createdById!: string | null;

  @Db.Uuid({ nullable: true }) submittedById!: string | null;

  @Db.Timestamp({ nullable: true }) submittedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
