import { Case } from '@app/cases';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { AUDIT_KINDS, type AuditKind } from '../domain/audit-kinds';
import type { Classification } from '../domain/classification';

export { AUDIT_KINDS, type AuditKind };
export const AUDIT_STATUSES = ['draft', 'submitted'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

const numeric = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/**
 * One readiness audit: an SME's self-assessment or an adviser's audit. A draft may be incomplete; on submit
 * it is scored and classified on the questionnaire version it was answered on, which it keeps for ever.
 */
@Entity('readiness_audits')
@Index('ix_readiness_audits_case_created', ['caseId', 'createdAt'])
export class ReadinessAudit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_readiness_audits_case' })
  case?: Case;

  @Column({ type: 'text' })
  kind!: AuditKind;

  @Column({ type: 'text', default: 'draft' })
  status!: AuditStatus;

  @Column({ type: 'integer' })
  questionnaireVersion!: number;

  /** Question code → 0..4. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers!: Record<string, number>;

  /** Question code → the adviser's note of the evidence seen. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  evidence!: Record<string, string>;

  /** The language a self-assessment was answered in (en, es, de). */
  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** The self-assessment an adviser's audit started from. */
  @Column({ type: 'uuid', nullable: true })
  baseAuditId!: string | null;

  /** Heading code → 0..100, set on submit. */
  @Column({ type: 'jsonb', nullable: true })
  headingScores!: Record<string, number> | null;

  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numeric })
  overallScore!: number | null;

  /** Stage, cross-check, review flag, readiness and every reason, set on submit. */
  @Column({ type: 'jsonb', nullable: true })
  classification!: Classification | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
